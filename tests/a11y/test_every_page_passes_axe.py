"""Every page and state, for a visitor, a citizen and a privacy officer, in Chromium at 1280 and 320 pixels wide,
in Dutch and in English (the browser's Accept-Language, as the pages honour it: docs/i18n.md): no violation of
axe-core's WCAG 2.1 A/AA rules, no sideways scrolling at 320 px (WCAG 1.4.10), a visible focus on every Tab stop
(WCAG 2.4.7), `<html lang>` that says the page's language and no Dutch left in an English page. States: forms
with their errors shown, empty lists and lists with items. One browser, one page, one live server: a language is
a request header and a width a viewport, so neither costs a new context."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection

from tests.a11y.conftest import Checker
from tests.conftest import Persona, activate_example, make_staff
from tests.listings.conftest import add_listing
from tests.rights.conftest import PASSWORD, citizen_account

pytestmark = pytest.mark.skipif(connection.vendor == "postgresql", reason="independent of the database")

PUBLIC = ["/", "/privacy/", "/privacy/versions/", "/toegankelijkheid/", "/tip/", "/portaal/inloggen",
          "/portaal/wachtwoord-vergeten", "/portaal/contact", "/backoffice/inloggen", "/bestaat-niet"]
CITIZEN = ["/portaal/", "/portaal/aanvraag", "/portaal/account/opheffen"]
STAFF = ["/backoffice/", "/backoffice/verzoeken/", "/backoffice/bewaartermijnen/", "/backoffice/bewaarplichten/",
         "/backoffice/datalekken/", "/backoffice/verantwoording/",
         "/backoffice/toewijzingen/"]  # the last: refused (caseloads are not hers)


# pages whose heading is the same in both languages: a name (the organisation's, a listing's) or "Cookies"
NAMED = {"/", "/cookies/ (kwartier)", "/sociale-kaart/<id>"}


def _login(page: Any, url: str, username: str, password: str) -> None:
    page.goto(url)
    page.locator("input[name=username]").fill(username)
    page.locator("input[name=password]").fill(password)
    page.locator("form button[type=submit]").last.click()
    page.wait_for_url(lambda u: "inloggen" not in u)


def _submit_empty(page: Any) -> None:
    """Send the page's main form as it is, to see its errors."""
    page.locator("main form button[type=submit]").last.click()
    page.wait_for_load_state()


class Walk:
    """Each state in every language the active policy offers: set the language, bring the page into the state,
    check it."""

    def __init__(self, page: Any, check: Checker, url: str) -> None:
        self.page, self.check, self.url = page, check, url

    def __call__(self, label: str, go: Callable[[], Any], *, keyboard: bool = False) -> None:
        from waarborg.audiences.web.language import offered

        headings = {}
        for lang in offered():
            self.page.set_extra_http_headers({"Accept-Language": lang})
            go()
            headings[lang] = self.page.evaluate("(document.querySelector('h1') || {}).innerText || ''")
            if lang != "nl" and headings[lang] == headings.get("nl") and label not in NAMED:
                self.check.problems.append(f"{label} [{lang}]: the heading {headings[lang]!r} is not translated")
            # Tab stops do not depend on the language: walked once
            self.check(f"{label} [{lang}]", keyboard=keyboard and lang == "nl", lang=lang)

    def path(self, path: str, *, keyboard: bool = False, label: str = "") -> None:
        self(label or path, lambda: self.page.goto(self.url + path), keyboard=keyboard)

    def errors(self, path: str, *, label: str = "") -> None:
        def go() -> None:
            self.page.goto(self.url + path)
            _submit_empty(self.page)
        self(f"{label or path} (errors)", go)


@pytest.mark.django_db(transaction=True)
def test_every_page_and_state_passes_axe_at_both_widths(live_server: Any, browser: Any, axe: Any,
                                                         anna: Any) -> None:
    from waarborg.engine.accounts.actions import staff_create

    # axe is put into each page as a script of its own: the Content Security Policy, which would refuse it, is
    # checked by tests/browser/test_pages_work_under_the_content_policy.py
    context = browser.new_context(bypass_csp=True)  # no locale: Accept-Language is set per request below
    context.add_init_script(path=str(axe))  # in every page before its own scripts: no fetch per page
    page = context.new_page()
    page.set_default_timeout(10_000)
    check = Checker(page, axe)
    url = live_server.url
    walk = Walk(page, check, url)

    # a visitor on the public pages of ikzorginassen (one with a tip form); forms with their errors shown
    for path in PUBLIC:
        walk.path(path, keyboard=path in ("/", "/tip/", "/portaal/contact"))
    for path in ("/tip/", "/portaal/inloggen"):
        walk.errors(path)

    # a citizen with records, consents and requests in the portal; the application form with its errors
    page.set_extra_http_headers({"Accept-Language": "nl"})
    _login(page, url + "/portaal/inloggen", citizen_account(anna).username, PASSWORD)
    for path in CITIZEN:
        walk.path(path, keyboard=path == "/portaal/")
    walk.errors("/portaal/aanvraag")

    # a privacy officer in the back office: lists with items (anna's), her charts, a form with its errors
    context.clear_cookies()
    officer, password, _ = staff_create("fiona", ["privacy_officer"])
    page.set_extra_http_headers({"Accept-Language": "nl"})
    _login(page, url + "/backoffice/inloggen", officer.username, password or "")
    for path in STAFF:
        walk.path(path, keyboard=path == "/backoffice/verzoeken/")

    def breach_errors() -> None:
        page.goto(url + "/backoffice/datalekken/")
        page.locator("form[action$='datalekken/nieuw'] button[type=submit]").click()
        page.wait_for_load_state()
    walk("/backoffice/datalekken/ (errors)", breach_errors)

    # other organisations' pages: the cookie page (kwartier), secure mail (werkzaak), the sociale kaart empty
    # and with a listing
    context.clear_cookies()
    activate_example("kwartier")
    walk.path("/cookies/", label="/cookies/ (kwartier)")
    activate_example("werkzaak")
    walk.path("/beveiligde-mail/", label="/beveiligde-mail/ (werkzaak)")
    walk.errors("/beveiligde-mail/", label="/beveiligde-mail/ (werkzaak)")
    activate_example("socialekaart")
    walk.path("/sociale-kaart/", label="/sociale-kaart/ (empty)")
    # the sociale kaart takes every request through its contact form
    walk.path("/portaal/contact", label="/portaal/contact (socialekaart)", keyboard=True)
    walk.errors("/portaal/contact", label="/portaal/contact (socialekaart)")
    user, key = make_staff("eva", ["editor"])
    listing = add_listing(Persona(user, key))
    assert listing.status_code == 201, listing.content
    walk.path("/sociale-kaart/", label="/sociale-kaart/ (one listing)")
    walk.path(f"/sociale-kaart/{listing.json()['id']}", label="/sociale-kaart/<id>", keyboard=True)

    # the API's documentation (English only) in Swagger UI, once it has drawn the schema. One rule fails in
    # Swagger UI's own markup, which we cannot change: each operation's summary is a button holding the button
    # that copies its path (nested-interactive), named in the accessibility statement (/toegankelijkheid/).
    page.set_extra_http_headers({"Accept-Language": "en"})
    page.goto(url + "/api/v1/docs/")
    page.locator(".swagger-ui .opblock-tag").first.wait_for(timeout=30_000)  # the schema is made on first ask
    check("/api/v1/docs/", known=("nested-interactive",))
    page.goto(url + "/api/v1/redoc/")  # Redoc's page itself: its language and its title
    page.locator(".menu-content").wait_for(state="attached", timeout=30_000)  # hidden at 320 px (its menu button)
    assert page.evaluate("[document.documentElement.lang, document.title]") == ["en", "Waarborg API"]
    # Redoc draws every operation on one page (axe needs minutes for all; run once on every operation: nothing):
    # its menu, its introduction and the first operation, which every other operation repeats in form
    first = page.evaluate("document.querySelector(\"[data-section-id^='operation/']\").dataset.sectionId")
    check("/api/v1/redoc/", within={"include": [[".menu-content"], [".api-info"], [f"[data-section-id='{first}']"]]})

    # then every page passed, in both languages at both widths
    assert check.problems == [], "\n".join(check.problems)
    assert len(check.checked) == 2 * (2 * 32 + 2)
