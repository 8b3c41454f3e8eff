"""In a real browser, with WAARBORG_STAFF_2FA=required: a new staff member logs in with her password, sets up
her authenticator app from the QR code's secret, keeps her recovery codes, and works; the next time she logs
in, the back office asks for the app's code before any page opens."""

from __future__ import annotations

import time
from datetime import UTC, datetime
from typing import Any

import pytest

from tests.twofactor.conftest import code_at


@pytest.mark.django_db(transaction=True)
def test_a_staff_member_logs_in_with_totp(live_server: Any, browser: Any, policy: Any, settings: Any) -> None:
    from waarborg.engine.accounts.actions import staff_create

    settings.WAARBORG_STAFF_2FA = "required"
    _, password, _ = staff_create("pia", ["privacy_officer"])
    page = browser.new_context(locale="nl-NL").new_page()
    # she opens the back office and logs in with the password the operator gave her
    page.goto(f"{live_server.url}/backoffice/")
    page.get_by_label("Gebruikersnaam").fill("pia")
    page.get_by_label("Wachtwoord").fill(password)
    page.get_by_role("button", name="Inloggen").click()
    # she is asked to set up a second factor first: a QR code (which the browser shows under the page's
    # Content Security Policy) and the same secret to type in
    page.get_by_role("heading", level=1, name="Tweede factor instellen").wait_for()
    assert page.locator("#qr").evaluate("img => img.complete && img.naturalWidth > 100")
    secret = page.locator("#secret").inner_text()
    # her app shows a code; she types it
    page.get_by_label("Code uit de app").fill(code_at(secret, datetime.now(UTC)))
    page.get_by_role("button", name="Instellen", exact=True).click()
    # she sees ten recovery codes, once, and goes on to her work
    page.get_by_role("heading", level=1, name="Uw herstelcodes").wait_for()
    page.locator("#recovery-codes li").first.wait_for()  # the next page, not the form still shown
    assert page.locator("#recovery-codes li").count() == 10
    page.get_by_role("link", name="Ik heb de codes bewaard. Verder").click()
    page.get_by_role("heading", level=1, name="Backoffice Valtes").wait_for()
    assert page.locator("#pages li").count() == 7
    # the next day (here: after logging out) the password alone opens nothing
    page.get_by_role("button", name="Uitloggen").click()
    page.goto(f"{live_server.url}/backoffice/verzoeken/")
    page.get_by_label("Gebruikersnaam").fill("pia")
    page.get_by_label("Wachtwoord").fill(password)
    page.get_by_role("button", name="Inloggen").click()
    page.get_by_role("heading", level=1, name="Code invoeren").wait_for()
    assert page.get_by_role("navigation", name="Backoffice").get_by_role("link").count() == 0
    # her app's code (the next one: the one she used to set it up is spent) opens the page she asked for
    page.get_by_label("Code", exact=True).fill(code_at(secret, datetime.fromtimestamp(time.time() + 30, UTC)))
    page.get_by_role("button", name="Doorgaan").click()
    page.get_by_role("heading", level=1, name="Verzoeken").wait_for()
    assert page.url.endswith("/backoffice/verzoeken/")
