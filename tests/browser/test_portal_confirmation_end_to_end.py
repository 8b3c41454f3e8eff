"""In a real browser: a letter registered by one staff member is confirmed by the citizen in the portal; the
registrar's page offers no export, a colleague's does; the citizen downloads the answer."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.rights.conftest import PASSWORD, citizen_account, colleague
from waarborg.engine.rights.models import Request

STAFF_PASSWORD = "backoffice-wachtwoord-9"


def _staff_login(page: Any, url: str, username: str) -> None:
    page.goto(f"{url}/backoffice/verzoeken/")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(STAFF_PASSWORD)
    page.get_by_role("button", name="Inloggen").click()


@pytest.mark.promise("S0-37")
@pytest.mark.django_db(transaction=True)
def test_a_letter_is_confirmed_in_the_portal_and_answered_by_a_colleague_of_the_registrar(
        live_server: Any, browser: Any, personas: dict[str, Any], anna: Any) -> None:
    officer = personas["privacy_officer"]
    registrar = colleague(officer)
    for user in (officer.user, registrar.user):
        user.set_password(STAFF_PASSWORD)
        user.save()
    request_id = registrar.post("/api/v1/requests", {"subject": str(anna.pk), "type": "access", "channel": "post"},
                                format="json").json()["id"]
    username = citizen_account(anna).username
    citizen = browser.new_context(accept_downloads=True, locale="nl-NL").new_page()
    mine = browser.new_context(locale="nl-NL").new_page()
    theirs = browser.new_context(accept_downloads=True, locale="nl-NL").new_page()

    # the registrar finds the request in the queue; the page offers her no verification and no export
    _staff_login(mine, live_server.url, registrar.user.username)
    mine.locator(f'tr[data-request="{request_id}"]').get_by_role("link").click()
    mine.get_by_text("U heeft dit verzoek geregistreerd").first.wait_for()
    assert mine.get_by_role("button", name="Identiteit vastgesteld").count() == 0

    # Anna logs in to the portal and confirms the request made from her letter
    citizen.goto(f"{live_server.url}/portaal/")
    citizen.get_by_label("Gebruikersnaam").fill(username)
    citizen.get_by_label("Wachtwoord").fill(PASSWORD)
    citizen.get_by_role("button", name="Inloggen").click()
    citizen.get_by_role("heading", name="Verzoeken om te bevestigen").wait_for()
    citizen.get_by_role("button", name="Ja, dit verzoek is van mij: Inzage in mijn gegevens").click()
    citizen.get_by_text("Uw verzoek is bevestigd").wait_for()
    assert Request.objects.get(pk=request_id).identity_method == "portal_login"

    # the registrar still gets no export; her colleague does, and answers
    mine.reload()
    assert "de betrokkene zelf, ingelogd in het portaal" in mine.content()
    assert mine.get_by_role("link", name="Download JSON").count() == 0
    _staff_login(theirs, live_server.url, officer.user.username)
    theirs.goto(f"{live_server.url}/backoffice/verzoeken/{request_id}")
    with theirs.expect_download() as review:
        theirs.get_by_role("link", name="Download JSON").click()
    assert json.loads(Path(review.value.path()).read_text(encoding="utf-8"))["subject"]["id"] == str(anna.pk)
    theirs.get_by_role("button", name="Beantwoorden").click()
    theirs.get_by_text("Het antwoord is vastgelegd").wait_for()
    assert "pia" in theirs.locator("[data-reviewed-by]").inner_text()

    # Anna downloads the answer in the portal
    citizen.reload()
    row = citizen.locator(f'tr[data-request="{request_id}"]')
    assert row.locator(".status").inner_text() == "Beantwoord"
    with citizen.expect_download() as info:
        row.get_by_role("link", name="JSON").click()
    export = json.loads(Path(info.value.path()).read_text(encoding="utf-8"))
    assert {r["data"].get("name") for p in export["purposes"] for r in p["records"]} >= {"Anna de Vries"}
