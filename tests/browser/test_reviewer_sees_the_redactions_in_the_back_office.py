"""In a real browser: the privacy officer follows the request page's link to what the export redacts from
Fatima's care note, and sees her neighbour and his number marked with the tags that replace them (Kwartier)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.deidentify.test_access_export_redacts_other_people import _verified_request

PASSWORD = "backoffice-wachtwoord-9"


@pytest.mark.promise("S4-18")
@pytest.mark.django_db(transaction=True)
def test_the_privacy_officer_opens_the_redactions_of_an_export_from_the_request_page(
        live_server: Any, browser: Any, kwartier: dict[str, Any]) -> None:
    request_id = _verified_request({"social_worker": kwartier["worker"], "officer": kwartier["privacy_officer"]})
    officer = kwartier["privacy_officer"].user
    officer.set_password(PASSWORD)
    officer.save()
    page = browser.new_context(locale="nl-NL").new_page()
    page.goto(f"{live_server.url}/backoffice/verzoeken/{request_id}")
    page.get_by_label("Gebruikersnaam").fill("pia")
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    # when she follows the link on the request page
    page.get_by_role("link", name="Bekijk wat in vrije tekst is weggelakt, en waarom").click()
    page.wait_for_url(f"**/verzoeken/{request_id}/redacties")
    page.get_by_role("heading", name="Weggelakt in vrije tekst").wait_for()
    # then the neighbour, his number and the doctor are marked in the original, each with its tag
    marked = page.locator("section[data-field=health] mark").all_inner_texts()
    assert marked == ["Kees de Vries", "06-23456789", "Bakker"]
    rows = page.locator("section[data-field=health] tr[data-value]").all_inner_texts()
    assert [r.split("\t")[:2] for r in rows] == [["Kees de Vries", "[NAAM-1]"], ["06-23456789", "[TELEFOON-1]"],
                                                 ["Bakker", "[NAAM-2]"]]
    assert "Buurman [NAAM-1] ([TELEFOON-1]) vond haar." in page.locator("section[data-field=health] .redacted").inner_text()
