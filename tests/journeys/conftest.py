"""Journeys: a day of an organisation's work through the public interface, with the real browser of
tests/browser (Playwright driving the system Chromium)."""

from tests.browser.conftest import browser  # noqa: F401 - fixture
