"""A real browser for the page tests: Playwright driving the system Chromium.

Without Chromium or Playwright the tests skip on a developer's machine, but fail under CI=true:
a browser test that silently does not run proves nothing.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
from collections.abc import Iterator
from typing import Any

import pytest
from django.db import connections

from tests.caseloads.conftest import kwartier  # noqa: F401 - fixture
from tests.rights.conftest import administrator, anna, bert  # noqa: F401 - fixtures
from tests.securemail.conftest import front_office, smtp_inbox, werkzaak  # noqa: F401 - fixtures

CHROMIUM = os.environ.get("WAARBORG_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


def _missing() -> str:
    if importlib.util.find_spec("playwright") is None:
        return "Playwright is not installed"
    if not shutil.which(CHROMIUM):
        return f"no Chromium at {CHROMIUM}"
    return ""


@pytest.fixture
def browser() -> Iterator[Any]:
    missing = _missing()
    if missing:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"{missing}: the browser tests must run in CI")
        pytest.skip(missing)
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the ORM calls of the test stay synchronous.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            yield chromium
            # ORM calls made while Playwright's loop runs get their own connection: close it here, in that
            # same context, or PostgreSQL refuses to drop the test database afterwards.
            connections.close_all()
            chromium.close()
    finally:
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
