"""The main tasks, done with the keyboard alone (WCAG 2.1.1), on ikzorginassen's shipped policy: a citizen applies
and asks for access in the portal; an assessor grants an application; a privacy officer handles an access request
and reports a breach in the back office. Only Tab, Shift+Tab, typing, Enter, Space and the arrow keys of a list:
no mouse, no click or fill on an element. Every Tab stop on the way shows where the focus is (WCAG 2.4.7).
One browser per test, pages from the live server; each task ends in what the user set out to do, in the
database and the audit log."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.db import connection
from django.utils import timezone

from tests.a11y.conftest import Keyboard
from tests.rights.conftest import ALL_REDACTIONS, PASSWORD, audit, citizen_account, colleague, file_request

pytestmark = [pytest.mark.skipif(connection.vendor == "postgresql", reason="independent of the database"),
              pytest.mark.django_db(transaction=True)]

STAFF_PASSWORD = "backoffice-wachtwoord-9"


def _keyboard(browser: Any) -> Keyboard:
    page = browser.new_context(locale="nl-NL").new_page()
    page.set_default_timeout(10_000)
    return Keyboard(page)


def _staff(persona: Any) -> str:
    persona.user.set_password(STAFF_PASSWORD)
    persona.user.save(update_fields=["password"])
    return str(persona.user.username)


def _done(keys: Keyboard) -> None:
    assert keys.stops > 0
    assert keys.problems == [], "\n".join(keys.problems)
    keys.page.context.close()


def test_a_citizen_applies_by_keyboard(live_server: Any, browser: Any, anna: Any) -> None:
    from waarborg.engine.vault.models import Record

    keys = _keyboard(browser)
    keys.log_in(live_server.url + "/portaal/inloggen", citizen_account(anna).username, PASSWORD)
    # the form comes filled with what is known of her; she changes her hours and sends it
    keys.page.goto(live_server.url + "/portaal/aanvraag")
    keys.type_into("input[name=hours_per_week]", "12")
    keys.press("main form button[type=submit]")
    keys.page.get_by_role("heading", name="Dank u. Wij hebben uw aanvraag ontvangen.").wait_for()
    assert Record.objects.filter(subject=anna, type="application").count() == 2
    _done(keys)


def test_a_citizen_asks_for_access_by_keyboard(live_server: Any, browser: Any, anna: Any) -> None:
    from waarborg.engine.rights.models import Request

    keys = _keyboard(browser)
    keys.log_in(live_server.url + "/portaal/inloggen", citizen_account(anna).username, PASSWORD)
    keys.choose("section[aria-labelledby=new] select[name=type]", "access")
    keys.type_into("section[aria-labelledby=new] textarea[name=details]", "Ik wil zien wat u van mij heeft.")
    keys.press("section[aria-labelledby=new] button[type=submit]")
    keys.page.get_by_role("status").wait_for()
    assert Request.objects.filter(subject=anna, type="access").count() == 1
    _done(keys)


def test_an_assessor_grants_an_application_by_keyboard(live_server: Any, browser: Any, personas: dict[str, Any],
                                                       anna: Any) -> None:
    from waarborg.engine.vault.models import Record

    application = Record.objects.get(subject=anna, type="application")
    keys = _keyboard(browser)
    keys.log_in(live_server.url + "/backoffice/inloggen", _staff(personas["assessor"]), STAFF_PASSWORD)
    keys.page.goto(live_server.url + "/backoffice/beoordelen/")
    keys.type_into(f"#reasoning-{application.pk}", "Voldoet aan de voorwaarden")
    keys.press(f"form[action$='{application.pk}/beslissen'] button[value=granted]")
    keys.page.get_by_text("De beslissing is vastgelegd").wait_for()
    assert [e.detail["outcome"] for e in audit("decision.set", actor="anna")] == ["granted"]
    _done(keys)


def test_a_privacy_officer_handles_an_access_request_by_keyboard(live_server: Any, browser: Any,
                                                                 personas: dict[str, Any], anna: Any) -> None:
    from waarborg.engine.rights.models import Request

    officer = personas["privacy_officer"]
    filed = file_request(colleague(officer), anna, "access")  # registered by a colleague: she may verify it
    assert filed.status_code == 201, filed.content
    pk = filed.data["id"]
    keys = _keyboard(browser)
    keys.log_in(live_server.url + "/backoffice/inloggen", _staff(officer), STAFF_PASSWORD)
    # from the list of requests to this one
    keys.page.goto(live_server.url + "/backoffice/verzoeken/")
    keys.press(f'tr[data-request="{pk}"] a')
    keys.page.wait_for_url(f"**/verzoeken/{pk}")
    # she checks the copy of the ID: the method, every part that must be blacked out ticked with Space
    keys.choose("section[aria-labelledby=identity] select[name=method]", "id_copy")
    for value in ALL_REDACTIONS:
        keys.press(f"section[aria-labelledby=identity] input[name=redactions][value={value}]", "Space")
    keys.press("section[aria-labelledby=identity] button[type=submit]")
    keys.page.get_by_text("Vastgesteld met").wait_for()
    # and answers with the template's letter
    keys.press("form:has(textarea[name=nl]) button[type=submit]")
    keys.page.get_by_text("Het antwoord is vastgelegd").wait_for()
    assert Request.objects.get(pk=pk).status == "answered"
    assert audit("request.verify", actor="pia") and audit("request.answer", actor="pia")
    _done(keys)


def test_a_privacy_officer_reports_a_breach_by_keyboard(live_server: Any, browser: Any,
                                                        personas: dict[str, Any]) -> None:
    from waarborg.engine.breaches.models import Breach

    keys = _keyboard(browser)
    keys.log_in(live_server.url + "/backoffice/inloggen", _staff(personas["privacy_officer"]), STAFF_PASSWORD)
    keys.page.goto(live_server.url + "/backoffice/datalekken/")
    # when it became known, typed into the parts of the date-and-time field
    keys.type_moment("#aware_at", timezone.localtime() - timedelta(hours=3))
    keys.choose("#kind", "misaddressed_email")
    keys.type_into("#description", "Brief met gegevens naar een verkeerd adres gestuurd")
    keys.press("form[action$='datalekken/nieuw'] input[name=categories]", "Space")
    keys.press("form[action$='datalekken/nieuw'] button[type=submit]")
    keys.page.wait_for_url(lambda u: not u.endswith("/datalekken/"))
    breach = Breach.objects.get()
    assert breach.kind == "misaddressed_email" and breach.categories
    _done(keys)
