"""In Chromium, on ikzorginassen's shipped policy: the privacy officer logs in, lands on the day's work, reaches
the overdue request in one click and the breach in another, and opens the charts (SVG images with a name and a
table); the assessor grants an application from her queue with the keyboard-reachable buttons."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from tests.rights.conftest import colleague, file_request

PASSWORD = "backoffice-wachtwoord-9"


def _log_in(browser: Any, url: str, user: Any) -> Any:
    user.set_password(PASSWORD)
    user.save()
    page = browser.new_context(locale="nl-NL").new_page()
    page.goto(f"{url}/backoffice/inloggen")
    page.get_by_label("Gebruikersnaam").fill(user.username)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.get_by_role("heading", level=2, name="Uw werk vandaag").wait_for()
    return page


@pytest.mark.django_db(transaction=True)
def test_the_privacy_officer_reaches_overdue_work_in_one_click(live_server: Any, browser: Any,
                                                               personas: dict[str, Any], anna: Any) -> None:
    officer = personas["privacy_officer"]
    late = file_request(colleague(officer), anna, received_at=(timezone.now() - timedelta(days=40)).isoformat())
    breach = officer.post("/api/v1/breaches", {"aware_at": (timezone.now() - timedelta(hours=80)).isoformat(),
                                               "kind": "lost_file", "description": "Map kwijt in de trein"},
                          format="json")
    assert breach.status_code == 201, breach.content
    page = _log_in(browser, live_server.url, officer.user)
    assert page.url.endswith("/backoffice/")
    # the overdue request, in words, one click from the start page
    row = page.locator(f'#requests tr[data-request="{late.data["id"]}"]')
    assert "dagen te laat" in row.locator(".deadline").inner_text()
    row.get_by_role("link").click()
    page.wait_for_url(f"**/backoffice/verzoeken/{late.data['id']}")
    page.go_back()
    # the breach past its 72 hours, one click too
    breach_row = page.locator(f'#breaches tr[data-breach="{breach.data["id"]}"]')
    breach_row.wait_for()
    assert "uur te laat" in breach_row.locator(".deadline").inner_text()
    breach_row.get_by_role("link").click()
    page.wait_for_url(f"**/backoffice/datalekken/{breach.data['id']}")
    # the charts: four images with a name, each with its table
    page.goto(f"{live_server.url}/backoffice/verantwoording/")
    images = page.get_by_role("img")
    images.first.wait_for()
    names = [images.nth(i).get_attribute("aria-labelledby") for i in range(images.count())]
    assert names == [f"chart-{c}-title chart-{c}-desc" for c in ("requests", "retention", "refusals", "breaches")]
    assert page.locator("table caption").count() == 4
    assert page.get_by_role("link", name="Verantwoording als PDF").is_visible()


@pytest.mark.django_db(transaction=True)
def test_the_assessor_grants_an_application_from_her_queue(live_server: Any, browser: Any,
                                                            personas: dict[str, Any], bert: Any) -> None:
    page = _log_in(browser, live_server.url, personas["assessor"].user)
    page.locator("#tile-awaiting a").click()
    page.get_by_role("heading", level=1, name="Aanvragen beoordelen").wait_for()
    case = page.locator("#cases > li").first
    case.get_by_label("Motivering").fill("Voldoet aan de voorwaarden")
    case.get_by_role("button", name="Toekennen").focus()
    page.keyboard.press("Enter")
    page.get_by_text("De beslissing is vastgelegd.").wait_for()
    assert page.locator("#cases-empty").is_visible()
