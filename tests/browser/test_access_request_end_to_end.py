"""In a real browser: a citizen files an access request in the portal, staff check the identity and
answer it in the back office, and the citizen downloads the export."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.rights.conftest import PASSWORD, citizen_account
from waarborg.engine.rights.models import Request

STAFF_PASSWORD = "backoffice-wachtwoord-9"


@pytest.mark.promise("S1-25")
@pytest.mark.django_db(transaction=True)
def test_a_citizen_files_an_access_request_staff_answer_it_and_the_citizen_downloads_the_export(
        live_server: Any, browser: Any, personas: dict[str, Any], anna: Any, bert: Any) -> None:
    username = citizen_account(anna).username
    officer = personas["privacy_officer"].user
    officer.set_password(STAFF_PASSWORD)
    officer.save()
    citizen = browser.new_context(accept_downloads=True, locale="nl-NL").new_page()
    staff = browser.new_context(accept_downloads=True, locale="nl-NL").new_page()

    # the citizen logs in to the portal and sees what is held about her
    citizen.goto(f"{live_server.url}/portaal/")
    citizen.get_by_label("Gebruikersnaam").fill(username)
    citizen.get_by_label("Wachtwoord").fill(PASSWORD)
    citizen.get_by_role("button", name="Inloggen").click()
    citizen.get_by_role("heading", name="Mijn gegevens", exact=True).wait_for()
    assert "Beoordelen van de mantelzorgwaardering" in citizen.content()
    # and files an access request
    citizen.get_by_label("Soort verzoek").select_option("access")
    citizen.get_by_label("Toelichting").fill("Ik wil graag zien wat u van mij heeft.")
    citizen.get_by_role("button", name="Verzoek indienen").click()
    citizen.get_by_role("status").wait_for()
    req = Request.objects.get(subject=anna)
    row = citizen.locator(f'tr[data-request="{req.pk}"]')
    assert row.locator(".status").inner_text() == "In behandeling"
    assert row.get_by_role("link").count() == 0  # nothing to download yet

    # staff log in to the back office and find it in the queue
    staff.goto(f"{live_server.url}/backoffice/verzoeken/")
    staff.get_by_label("Gebruikersnaam").fill("pia")
    staff.get_by_label("Wachtwoord").fill(STAFF_PASSWORD)
    staff.get_by_role("button", name="Inloggen").click()
    staff.locator(f'tr[data-request="{req.pk}"]').get_by_role("link").click()
    # the identity step shows how she was identified: her portal login
    identity = staff.locator("section", has=staff.get_by_role("heading", name="Identiteit"))
    assert "Vastgesteld met inlog op het portaal" in identity.inner_text()  # in words, not the method code
    # one click exports; the details she wrote are visible to staff
    assert "Ik wil graag zien wat u van mij heeft." in staff.content()
    with staff.expect_download() as staff_download:
        staff.get_by_role("link", name="Download JSON").click()
    assert json.loads(Path(staff_download.value.path()).read_text(encoding="utf-8"))["subject"]["id"] == str(anna.pk)
    # staff answer with the template's letter
    assert "Hierbij ontvangt u het overzicht" in staff.get_by_label("Tekst (Nederlands)").input_value()
    staff.get_by_role("button", name="Beantwoorden").click()
    staff.get_by_text("Het antwoord is vastgelegd").wait_for()
    staff.get_by_role("link", name="Brief (Nederlands)").click()
    staff.wait_for_url("**/brief?lang=nl")
    staff.get_by_text("Autoriteit Persoonsgegevens").first.wait_for()

    # the citizen sees the answer and downloads her export
    citizen.reload()
    row = citizen.locator(f'tr[data-request="{req.pk}"]')
    assert row.locator(".status").inner_text() == "Beantwoord"
    with citizen.expect_download() as info:
        row.get_by_role("link", name="JSON").click()
    export = json.loads(Path(info.value.path()).read_text(encoding="utf-8"))
    values = {r["type"]: r["data"] for p in export["purposes"] for r in p["records"]}
    assert values["application"]["name"] == "Anna de Vries"
    assert values["payout"]["iban"] == "NL91ABNA0417164300"
    assert str(bert.pk) not in json.dumps(export) and "Bert Bakker" not in json.dumps(export)
    assert "argon2" not in json.dumps(export)
