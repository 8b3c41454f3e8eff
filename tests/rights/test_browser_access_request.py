"""In a real browser: a citizen files an access request in the portal, staff verify and answer it,
the citizen downloads the export (Playwright driving the system Chromium)."""

from __future__ import annotations

import json
import os
import shutil
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.db import connections

from tests.rights.conftest import citizen_account
from waarborg.rights.models import Request

CHROMIUM = os.environ.get("WAARBORG_CHROMIUM", "/usr/bin/chromium")
PASSWORD = "zeer-geheim-wachtwoord-17"

sync_api = pytest.importorskip("playwright.sync_api")


@pytest.fixture
def browser_page() -> Iterator[Any]:
    if not shutil.which(CHROMIUM):
        pytest.skip(f"no Chromium at {CHROMIUM}")
    # Playwright's sync API runs an event loop in this thread; the ORM calls of the test are still synchronous.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_api.sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
            context = browser.new_context(accept_downloads=True, locale="nl-NL")
            yield context.new_page()
            # ORM calls made while Playwright's loop runs get their own connection: close it here, in that
            # same context, or PostgreSQL refuses to drop the test database afterwards.
            connections.close_all()
            context.close()
            browser.close()
    finally:
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)


def staff_call(live_server: Any, key: str, path: str, body: dict[str, Any]) -> dict[str, Any]:
    request = urllib.request.Request(  # noqa: S310 - our own live test server
        f"{live_server.url}/api/v1/{path}", data=json.dumps(body).encode(), method="POST",
        headers={"Authorization": f"Token {key}", "Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=30) as answer:  # noqa: S310
        assert answer.status == 200
        result: dict[str, Any] = json.loads(answer.read())
        return result


@pytest.mark.django_db(transaction=True)
def test_a_citizen_files_an_access_request_staff_answer_and_the_citizen_downloads_it(
        live_server: Any, browser_page: Any, personas: dict[str, Any], anna: Any, bert: Any) -> None:
    username = citizen_account(anna, PASSWORD).username
    page = browser_page
    # the citizen logs in
    page.goto(f"{live_server.url}/portaal/")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.get_by_role("heading", name="Mijn gegevens").wait_for()
    assert "Beoordelen van de mantelzorgwaardering" in page.content()
    # and files an access request
    page.get_by_label("Soort verzoek").select_option("access")
    page.get_by_label("Toelichting").fill("Ik wil graag zien wat u van mij heeft.")
    page.get_by_role("button", name="Verzoek indienen").click()
    page.get_by_role("status").wait_for()
    req = Request.objects.get(subject=anna)
    row = page.locator(f'tr[data-request="{req.pk}"]')
    assert row.locator(".status").inner_text() == "In behandeling"
    assert row.get_by_role("link").count() == 0  # nothing to download yet
    # staff check the identity (the portal login) and answer
    officer = personas["privacy_officer"]
    assert staff_call(live_server, officer.key, f"requests/{req.pk}/answer", {})["status"] == "answered"
    # the citizen sees the answer and downloads the export
    page.reload()
    assert row.locator(".status").inner_text() == "Beantwoord"
    with page.expect_download() as info:
        row.get_by_role("link", name="JSON").click()
    export = json.loads(Path(info.value.path()).read_text(encoding="utf-8"))
    values = {r["type"]: r["data"] for p in export["purposes"] for r in p["records"]}
    assert values["application"]["name"] == "Anna de Vries"
    assert values["payout"]["iban"] == "NL91ABNA0417164300"
    assert str(bert.pk) not in json.dumps(export) and "Bert Bakker" not in json.dumps(export)
