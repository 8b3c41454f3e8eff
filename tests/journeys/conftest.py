"""A day of an organisation's real work on its shipped policy, through only the public interface: the CLI
(`waarborg.audiences.cli.main`), the REST API (DRF's APIClient with a staff token) and the pages in Chromium against
the live server. Each step asserts what the person doing it would see.

The journeys run with real transactions (`transaction=True`): mail leaves after commit as in production,
and the live server's thread sees what the API wrote.
"""

from __future__ import annotations

import re
from typing import Any

from tests.browser.conftest import browser  # noqa: F401 - fixture
from tests.shipped.conftest import cli, created, ikz, record, sk, subject, wz  # noqa: F401 - fixtures, helpers


def link(body: object, pattern: str) -> str:
    """The path of the first link in a mail body whose path matches `pattern`."""
    found = re.search(rf"https?://[^/\s]+({pattern}\S*)", str(body))
    assert found, body
    return found.group(1)


def page(chromium: Any) -> Any:
    """A fresh browser window (its own cookies), in Dutch."""
    return chromium.new_context(accept_downloads=True, locale="nl-NL").new_page()
