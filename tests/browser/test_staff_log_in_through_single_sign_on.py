"""In a real browser, with single sign-on on and staff passwords switched off: a privacy officer opens the back
office, is offered only her organisation's identity provider (a real OpenID Connect provider on localhost),
signs in there with its second factor, and is back in the back office at work; nobody without an account gets
further than a page that says why."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.sso.conftest import Provider, audit, sso_settings, start_provider  # noqa: F401 - fixtures


@pytest.mark.django_db(transaction=True)
def test_a_staff_member_logs_in_through_the_identity_provider(
        live_server: Any, browser: Any, policy: Any, settings: Any, start_provider: Callable[..., Provider],  # noqa: F811
        sso_settings: Callable[[Provider], None]) -> None:  # noqa: F811
    from waarborg.engine.accounts.actions import staff_create

    provider = start_provider({"pia": {"groups": ["waarborg-privacy"]}, "uwe": {"groups": ["waarborg-privacy"]}},
                              redirect_uris=[f"{live_server.url}/backoffice/sso/terug"])
    sso_settings(provider)
    settings.WAARBORG_STAFF_PASSWORD_LOGIN = False
    settings.WAARBORG_STAFF_2FA = "required"
    staff_create("pia", ["helpdesk"])
    page = browser.new_context(locale="nl-NL").new_page()
    # she opens the back office: the login page offers the provider, and no password field
    page.goto(f"{live_server.url}/backoffice/")
    page.get_by_role("heading", level=1, name="Inloggen medewerkers").wait_for()
    assert page.get_by_label("Wachtwoord").count() == 0
    page.get_by_role("link", name="Inloggen via de inlogdienst van uw organisatie").click()
    # at the provider she signs in, with its second factor
    page.get_by_role("heading", name="Test identity provider").wait_for()
    page.get_by_label("Account").fill("pia")
    page.get_by_label("With a second factor").check()
    page.get_by_role("button", name="Sign in").click()
    # back in the back office, on the page she asked for, with no authenticator code asked on top (the
    # provider's second factor counts) and the pages of a privacy officer (her group at the provider)
    page.get_by_role("heading", level=1, name="Backoffice Valtes").wait_for()
    assert page.url == f"{live_server.url}/backoffice/"
    assert page.locator("#pages li").count() == 7
    page.get_by_role("link", name="Verzoeken").first.click()
    page.get_by_role("heading", level=1, name="Verzoeken").wait_for()
    [login] = audit("backoffice.login", outcome="ok")
    assert login.detail["method"] == "sso" and login.actor_roles == "privacy_officer"
    # someone the provider knows but Waarborg does not gets a page that says so
    other = browser.new_context(locale="nl-NL").new_page()
    other.goto(f"{live_server.url}/backoffice/sso")
    other.get_by_label("Account").fill("uwe")
    other.get_by_role("button", name="Sign in").click()
    other.get_by_role("heading", level=1, name="Inloggen niet gelukt").wait_for()
    assert "geen account in Waarborg" in other.get_by_role("alert").inner_text()
