"""In a real browser, as a new Kwartier social worker would: from the organisation's start page `/` to the back
office, logging in, seeing only her pages on the start page and in the navigation, and from "Mijn cliënten" to a
client's page."""

from __future__ import annotations

from typing import Any

import pytest

from tests.caseloads.conftest import new_subject

PASSWORD = "backoffice-wachtwoord-9"


@pytest.mark.django_db(transaction=True)
def test_from_the_start_page_to_a_clients_page(live_server: Any, browser: Any, kwartier: dict[str, Any]) -> None:
    worker = kwartier["worker"]
    jan = new_subject(worker, "support", external_id="kw-90")
    worker.post("/api/v1/records", {"subject": jan, "type": "client_file", "data": {
        "name": "Jan Jansen", "request": "Hulp bij de administratie", "source": "self"}},
        format="json", HTTP_X_PURPOSE="support")
    worker.user.set_password(PASSWORD)
    worker.user.save()
    page = browser.new_context(locale="nl-NL").new_page()
    # the start page names the organisation and leads on
    page.goto(f"{live_server.url}/")
    page.locator("#links").get_by_role("link", name="Privacyverklaring").wait_for()
    page.locator("#links").get_by_role("link", name="Backoffice").click()
    page.get_by_label("Gebruikersnaam").fill("sanne")
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    # she is back on the back office's start page, which lists her pages only, as the navigation does
    page.get_by_role("heading", level=1, name="Backoffice").wait_for()
    assert page.locator("#pages li").all_inner_texts() == ["Beoordelen", "Mijn cliënten", "Zoeken"]
    nav = page.get_by_role("navigation", name="Backoffice")
    assert nav.get_by_role("link").all_inner_texts() == ["Beoordelen", "Mijn cliënten", "Zoeken"]
    page.locator("#pages").get_by_role("link", name="Mijn cliënten").click()
    page.get_by_role("heading", level=1, name="Mijn cliënten").wait_for()
    # and from her caseload she opens Jan's page in the back office
    page.locator(f'#caseload tr[data-subject="{jan}"] a').click()
    page.get_by_role("heading", level=1, name="Cliënt").wait_for()
    assert page.url.endswith(f"/backoffice/clienten/{jan}")
    assert "Jan Jansen" in page.content() and "Hulpvraag" in page.content()
