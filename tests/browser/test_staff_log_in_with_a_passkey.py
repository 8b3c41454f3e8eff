"""In a real browser, with WAARBORG_STAFF_2FA=required: a new staff member logs in with her password and sets up a
passkey instead of an authenticator app, keeps her recovery codes, and works; the next time she logs in, her
passkey opens the page she asked for. Chromium's own virtual authenticator (DevTools' WebAuthn domain) plays the
laptop's fingerprint reader: the browser runs the real WebAuthn ceremonies against Waarborg, nothing mocked.
Then an operator resets her second factor (`waarborg staff 2fa-reset`): the passkey no longer counts."""

from __future__ import annotations

from typing import Any

import pytest

from tests.vault import factories

AUTHENTICATOR = {"protocol": "ctap2", "transport": "internal", "hasResidentKey": True,
                 "hasUserVerification": True, "isUserVerified": True, "automaticPresenceSimulation": True}


def _with_authenticator(browser: Any) -> Any:
    """A page in a browser with a passkey authenticator built in (Chromium's virtual one, through DevTools)."""
    context = browser.new_context(locale="nl-NL")
    page = context.new_page()
    devtools = context.new_cdp_session(page)
    devtools.send("WebAuthn.enable")
    devtools.send("WebAuthn.addVirtualAuthenticator", {"options": AUTHENTICATOR})
    return page


def _ready(page: Any) -> None:
    """The library's script shows the passkey button and then, a moment later, listens to it: a person never
    clicks in between, a test can. Once the page's scripts and their catalogue have loaded, it listens."""
    page.wait_for_load_state("networkidle")


@pytest.mark.django_db(transaction=True)
def test_a_staff_member_logs_in_with_a_passkey(live_server: Any, browser: Any, policy: Any, settings: Any,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    from waarborg.audiences.cli import main
    from waarborg.engine.accounts import twofactor
    from waarborg.engine.accounts.actions import staff_create

    # The relying party is the public address (here the test server's; an IP address cannot be one)
    origin = live_server.url.replace("127.0.0.1", "localhost")
    settings.WAARBORG_STAFF_2FA = "required"
    settings.OTP_WEBAUTHN_RP_ID, settings.OTP_WEBAUTHN_ALLOWED_ORIGINS = "localhost", [origin]
    user, password, _ = staff_create("pia", ["privacy_officer"])
    page = _with_authenticator(browser)
    # she logs in with her password and is asked for a second factor; she chooses a passkey
    page.goto(f"{origin}/backoffice/")
    page.get_by_label("Gebruikersnaam").fill("pia")
    page.get_by_label("Wachtwoord").fill(password)
    page.get_by_role("button", name="Inloggen").click()
    page.get_by_role("heading", level=1, name="Tweede factor instellen").wait_for()
    _ready(page)
    page.get_by_role("button", name="Passkey instellen").click()
    # she sees ten recovery codes, once, and goes on to her work
    page.get_by_role("heading", level=1, name="Uw herstelcodes").wait_for()
    page.locator("#recovery-codes li").first.wait_for()
    assert page.locator("#recovery-codes li").count() == 10
    assert "Uw passkey is ingesteld" in page.content()
    page.get_by_role("link", name="Ik heb de codes bewaard. Verder").click()
    page.get_by_role("heading", level=1, name="Backoffice Valtes").wait_for()
    enrolled = factories.last_entry(action="staff.2fa.enrol")
    assert (enrolled.actor, enrolled.detail["device"], enrolled.detail["recovery_codes"]) == ("pia", "passkey", 10)
    # the next time, the password alone opens nothing; her passkey opens the page she asked for
    page.get_by_role("button", name="Uitloggen").click()
    page.goto(f"{origin}/backoffice/verzoeken/")
    page.get_by_label("Gebruikersnaam").fill("pia")
    page.get_by_label("Wachtwoord").fill(password)
    page.get_by_role("button", name="Inloggen").click()
    page.get_by_role("heading", level=1, name="Uw passkey").wait_for()  # no app: the page speaks of her passkey
    assert "app" not in page.locator("main").inner_text().lower()
    assert page.get_by_role("navigation", name="Backoffice").get_by_role("link").count() == 0
    _ready(page)
    page.get_by_role("button", name="Inloggen met uw passkey").click()
    page.get_by_role("heading", level=1, name="Verzoeken").wait_for()
    assert page.url.endswith("/backoffice/verzoeken/")
    verified = factories.last_entry(action="staff.2fa.verify")
    assert (verified.outcome, verified.detail["method"], verified.detail["door"]) == ("ok", "passkey", "backoffice")
    # an operator resets her second factor: the passkey is gone with the rest, and she enrols afresh
    capsys.readouterr()
    assert main(["staff", "2fa-reset", "pia"]) == 0
    assert "2 device(s): passkey(s), the recovery codes" in capsys.readouterr().out
    assert not twofactor.enrolled(user) and not twofactor.has_passkey(user)


@pytest.mark.django_db(transaction=True)
def test_a_staff_member_with_the_app_adds_a_passkey(live_server: Any, browser: Any, policy: Any,
                                                     settings: Any) -> None:
    from datetime import UTC, datetime

    from tests.twofactor.conftest import code_at
    from waarborg.engine.accounts import twofactor
    from waarborg.engine.accounts.actions import second_factor_enrol, staff_create

    origin = live_server.url.replace("127.0.0.1", "localhost")
    settings.WAARBORG_STAFF_2FA = "required"
    settings.OTP_WEBAUTHN_RP_ID, settings.OTP_WEBAUTHN_ALLOWED_ORIGINS = "localhost", [origin]
    user, password, _ = staff_create("sanne", ["privacy_officer"])
    # she set up her authenticator app last month
    secret = twofactor.new_secret()
    second_factor_enrol(user, secret, code_at(twofactor.secret_for_typing(secret), datetime.now(UTC)))
    page = _with_authenticator(browser)
    # today she logs in with the app's code, and adds a passkey from the start page
    page.goto(f"{origin}/backoffice/")
    page.get_by_label("Gebruikersnaam").fill("sanne")
    page.get_by_label("Wachtwoord").fill(password)
    page.get_by_role("button", name="Inloggen").click()
    page.get_by_role("heading", level=1, name="Code invoeren").wait_for()
    assert page.get_by_role("button", name="Inloggen met uw passkey").count() == 0  # she has none yet
    page.get_by_label("Code", exact=True).fill(
        code_at(twofactor.secret_for_typing(secret), datetime.fromtimestamp(datetime.now(UTC).timestamp() + 30, UTC)))
    page.get_by_role("button", name="Doorgaan").click()
    page.get_by_role("link", name="Passkey toevoegen").click()
    page.get_by_role("heading", level=1, name="Passkey toevoegen").wait_for()
    _ready(page)
    page.get_by_role("button", name="Passkey instellen").click()
    # back on the start page, told so; no new recovery codes (hers still work)
    page.get_by_text("Uw passkey is ingesteld.").wait_for()
    assert page.get_by_role("link", name="Passkey toevoegen").count() == 0
    assert twofactor.has_passkey(user)
    # the next login, her passkey is enough after the password
    page.get_by_role("button", name="Uitloggen").click()
    page.goto(f"{origin}/backoffice/")
    page.get_by_label("Gebruikersnaam").fill("sanne")
    page.get_by_label("Wachtwoord").fill(password)
    page.get_by_role("button", name="Inloggen").click()
    page.get_by_role("heading", level=1, name="Code invoeren").wait_for()
    _ready(page)
    page.get_by_role("button", name="Inloggen met uw passkey").click()
    page.get_by_role("heading", level=1, name="Backoffice Valtes").wait_for()
