"""The real browser of the page tests drives the topology too."""

from tests.browser.conftest import browser  # noqa: F401 - fixture
