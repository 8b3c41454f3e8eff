"""Every page and state, for a visitor, a citizen and a privacy officer, in Chromium at 1280 and 320 pixels wide:
no violation of axe-core's WCAG 2.1 A/AA rules, no sideways scrolling at 320 px (WCAG 1.4.10), and a visible
focus on every Tab stop (WCAG 2.4.7). States: forms with their errors shown, empty lists and lists with items.
One browser, one live server; a few pages also in English."""

from __future__ import annotations

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
ENGLISH = ["/?lang=en", "/privacy/?lang=en", "/portaal/inloggen?lang=en"]
CITIZEN = ["/portaal/", "/portaal/aanvraag", "/portaal/account/opheffen"]
STAFF = ["/backoffice/", "/backoffice/verzoeken/", "/backoffice/bewaartermijnen/", "/backoffice/bewaarplichten/",
         "/backoffice/datalekken/", "/backoffice/toewijzingen/"]  # the last: refused (caseloads are not hers)


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


@pytest.mark.django_db(transaction=True)
def test_every_page_and_state_passes_axe_at_both_widths(live_server: Any, browser: Any, axe: Any,
                                                         anna: Any) -> None:
    from waarborg.engine.accounts.actions import staff_create

    # axe is put into each page as a script of its own: the Content Security Policy, which would refuse it, is
    # checked by tests/browser/test_pages_work_under_the_content_policy.py
    context = browser.new_context(locale="nl-NL", bypass_csp=True)
    context.add_init_script(path=str(axe))  # in every page before its own scripts: no fetch per page
    page = context.new_page()
    page.set_default_timeout(10_000)
    check = Checker(page, axe)
    url = live_server.url

    # a visitor on the public pages of ikzorginassen (one with a tip form), Dutch and a few in English
    for path in PUBLIC:
        page.goto(url + path)
        check(path, keyboard=path in ("/", "/tip/", "/portaal/contact"))
    for path in ENGLISH:
        page.goto(url + path)
        check(path)
    # forms with their errors shown
    for path in ("/tip/", "/portaal/inloggen"):
        page.goto(url + path)
        _submit_empty(page)
        check(f"{path} (errors)")

    # a citizen with records, consents and requests in the portal; the application form with its errors
    _login(page, url + "/portaal/inloggen", citizen_account(anna).username, PASSWORD)
    for path in CITIZEN:
        page.goto(url + path)
        check(path, keyboard=path == "/portaal/")
    page.goto(url + "/portaal/aanvraag")
    _submit_empty(page)
    check("/portaal/aanvraag (errors)")

    # a privacy officer in the back office: lists with items (anna's), a form with its errors
    context.clear_cookies()
    officer, password, _ = staff_create("fiona", ["privacy_officer"])
    _login(page, url + "/backoffice/inloggen", officer.username, password or "")
    for path in STAFF:
        page.goto(url + path)
        check(path, keyboard=path == "/backoffice/verzoeken/")
    page.goto(url + "/backoffice/datalekken/")
    page.locator("form[action$='datalekken/nieuw'] button[type=submit]").click()
    page.wait_for_load_state()
    check("/backoffice/datalekken/ (errors)")

    # other organisations' pages: the cookie page (kwartier), secure mail (werkzaak), the sociale kaart empty
    # and with a listing
    context.clear_cookies()
    activate_example("kwartier")
    page.goto(url + "/cookies/")
    check("/cookies/ (kwartier)")
    activate_example("werkzaak")
    page.goto(url + "/beveiligde-mail/")
    check("/beveiligde-mail/ (werkzaak)")
    _submit_empty(page)
    check("/beveiligde-mail/ (werkzaak, errors)")
    activate_example("socialekaart")
    page.goto(url + "/sociale-kaart/")
    check("/sociale-kaart/ (empty)")
    page.goto(url + "/portaal/contact")  # the sociale kaart takes every request through its contact form
    check("/portaal/contact (socialekaart)", keyboard=True)
    _submit_empty(page)
    check("/portaal/contact (socialekaart, errors)")
    user, key = make_staff("eva", ["editor"])
    listing = add_listing(Persona(user, key))
    assert listing.status_code == 201, listing.content
    page.goto(url + "/sociale-kaart/")
    check("/sociale-kaart/ (one listing)")
    page.goto(url + f"/sociale-kaart/{listing.json()['id']}")
    check("/sociale-kaart/<id>", keyboard=True)

    # then every page passed
    assert check.problems == [], "\n".join(check.problems)
    assert len(check.checked) == 2 * 34
