"""In Chromium, under the Content Security Policy (no `unsafe-inline`): no page breaks a rule of its own
policy, every page looks as styled (its style sheet applied), and Swagger UI and Redoc still draw the API."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection

from tests.rights.conftest import PASSWORD, citizen_account

pytestmark = pytest.mark.skipif(connection.vendor == "postgresql", reason="independent of the database")

PUBLIC = ["/", "/privacy/", "/privacy/versions/", "/cookies/", "/beveiligde-mail/", "/portaal/inloggen",
          "/portaal/contact", "/portaal/wachtwoord-vergeten", "/backoffice/inloggen", "/admin/login/"]
STAFF = ["/backoffice/", "/backoffice/verzoeken/", "/backoffice/bewaartermijnen/", "/backoffice/datalekken/",
         "/backoffice/toewijzingen/", "/backoffice/verantwoording/", "/backoffice/zoeken/?q=anna+de+vries",
         "/admin/", "/admin/vault/record/", "/admin/vault/subject/"]
# Pages the test watches; `securitypolicyviolation` fires for every blocked script, style or frame.
WATCH = """document.addEventListener("securitypolicyviolation", e => {
  (window.__violations = window.__violations || []).push(e.violatedDirective + " " + (e.blockedURI || "inline"));
});"""


def _visit(page: Any, url: str) -> list[str]:
    page.goto(url, wait_until="networkidle")
    return [f"{url}: {v}" for v in page.evaluate("window.__violations || []")]


def _login(page: Any, url: str, username: str, password: str, button: str) -> None:
    page.goto(url)
    page.locator("input[name=username]").fill(username)
    page.locator("input[name=password]").fill(password)
    page.get_by_role("button", name=button).first.click()
    page.wait_for_load_state("networkidle")


@pytest.mark.django_db(transaction=True)
def test_no_page_breaks_its_content_policy(live_server: Any, browser: Any, anna: Any) -> None:
    from waarborg.engine.accounts.actions import staff_create

    officer, password, _ = staff_create("fiona", ["privacy_officer"])
    context = browser.new_context(locale="nl-NL")
    context.add_init_script(WATCH)
    page = context.new_page()
    violations: list[str] = []
    # an anonymous visitor on the public pages and the login pages
    for path in PUBLIC:
        violations += _visit(page, f"{live_server.url}{path}")
    # the portal's look comes from its style sheets (no inline style is run): NL Design System's, in the
    # organisation's colours from /thema/<key>.css
    page.goto(f"{live_server.url}/portaal/inloggen")
    assert page.evaluate("getComputedStyle(document.body).fontFamily").endswith("sans-serif")
    assert page.evaluate("getComputedStyle(document.documentElement).getPropertyValue('--waarborg-primary')") == "#8c1d5a"
    # a citizen in the portal
    _login(page, f"{live_server.url}/portaal/inloggen", citizen_account(anna).username, PASSWORD, "Inloggen")
    violations += _visit(page, f"{live_server.url}/portaal/")
    assert page.locator("form.inline").count() >= 1
    assert page.evaluate("getComputedStyle(document.querySelector('form.inline')).display") == "inline"
    # a privacy officer in the back office and the admin
    context.clear_cookies()
    _login(page, f"{live_server.url}/backoffice/inloggen", officer.username, password or "", "Inloggen")
    for path in STAFF:
        violations += _visit(page, f"{live_server.url}{path}")
    # then no page broke a rule of its policy
    assert violations == []


@pytest.mark.django_db(transaction=True)
def test_swagger_ui_and_redoc_draw_the_api_under_the_policy(live_server: Any, browser: Any, policy: Any) -> None:
    context = browser.new_context()
    context.add_init_script(WATCH)
    page = context.new_page()
    page.goto(f"{live_server.url}/api/v1/docs/")
    page.locator(".swagger-ui .info .title").wait_for()
    assert "Waarborg API" in page.locator(".swagger-ui .info .title").inner_text()
    page.wait_for_load_state("networkidle")
    assert page.evaluate("window.__violations || []") == []
    page.goto(f"{live_server.url}/api/v1/redoc/")
    page.get_by_role("heading", name="Waarborg API").first.wait_for()
    page.wait_for_load_state("networkidle")
    # Redoc's generated styles carry the nonce: its menu is laid out as a side bar, not unstyled text
    assert page.evaluate("getComputedStyle(document.querySelector('.menu-content')).position") in ("sticky", "fixed")
    # only the attribution logo on a CDN may be refused (nothing loads from another host)
    assert [v for v in page.evaluate("window.__violations || []") if "cdn.redoc.ly" not in v] == []
