"""In a real browser (Playwright, the system Chromium): the banner on the first visit, nothing of Twitter,
Facebook, LinkedIn or YouTube before a choice; after "Accepteren" they load; the choice is withdrawn on the
cookie page; after "Weigeren" they never load. Third-party requests are caught, never sent out."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import pytest
from django.db import connections

CHROMIUM = os.environ.get("WAARBORG_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
sync_api = pytest.importorskip("playwright.sync_api")


class ThirdParties:
    """Answers every request to another host with a stub, and remembers it."""

    def __init__(self) -> None:
        self.requested: list[str] = []

    def __call__(self, route: Any) -> None:
        url = route.request.url
        if urlsplit(url).hostname in ("127.0.0.1", "localhost"):
            route.continue_()
            return
        self.requested.append(url)
        if route.request.resource_type == "script":
            route.fulfill(status=200, content_type="application/javascript",
                          body="window.thirdParty = (window.thirdParty || 0) + 1;")
        else:
            route.fulfill(status=200, content_type="text/html", body="<p>video</p>")

    def hosts(self) -> set[str]:
        return {urlsplit(u).hostname or "" for u in self.requested}


@pytest.fixture
def browser_context() -> Iterator[Any]:
    if not shutil.which(CHROMIUM):
        pytest.skip(f"no Chromium at {CHROMIUM}")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_api.sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            context = browser.new_context(locale="nl-NL")
            yield context
            connections.close_all()  # see tests/rights/test_browser_access_request.py
            context.close()
            browser.close()
    finally:
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)


def banner(page: Any) -> Any:
    return page.get_by_role("region", name="Cookies")


@pytest.mark.urls("tests.cookies.urls")
@pytest.mark.django_db(transaction=True)
@pytest.mark.promise("S3-32", "S3-33")
def test_the_banner_gates_social_buttons_and_embeds_in_a_real_browser(live_server: Any,
                                                                      browser_context: Any) -> None:
    from tests.cookies.conftest import activate

    policy = activate("werkzaak")
    functional = {c.name for c in policy.cookies if c.kind == "functional"}
    outside = ThirdParties()
    browser_context.route("**/*", outside)
    page = browser_context.new_page()

    # first visit: the banner, a placeholder for the video, nothing from elsewhere
    page.goto(f"{live_server.url}/nieuws/")
    assert banner(page).is_visible()
    assert page.locator(".embed-placeholder").is_visible() and page.locator("iframe").count() == 0
    page.goto(f"{live_server.url}/privacy/")
    assert banner(page).is_visible()
    assert outside.requested == []
    assert {c["name"] for c in browser_context.cookies()} <= functional

    # accept: the social scripts and the video load
    page.goto(f"{live_server.url}/nieuws/")
    banner(page).get_by_role("button", name="Accepteren").click()
    page.wait_for_url(f"{live_server.url}/nieuws/")
    page.locator("iframe.embedded-content").wait_for()
    page.wait_for_function("window.thirdParty >= 3")
    assert {"platform.twitter.com", "connect.facebook.net", "platform.linkedin.com",
            "www.youtube-nocookie.com"} <= outside.hosts()
    assert banner(page).count() == 0
    assert {c["name"]: c["value"] for c in browser_context.cookies()}["cookie_consent"] == "accepted"

    # withdraw on the cookie page: back to the banner, nothing loads any more
    page.get_by_role("link", name="Cookie-instellingen").click()
    page.get_by_role("button", name="Keuze intrekken").click()
    page.wait_for_url(f"{live_server.url}/nieuws/")
    assert banner(page).is_visible()
    outside.requested.clear()
    page.reload()
    assert page.locator("iframe").count() == 0 and outside.requested == []

    # decline: never anything, on any page
    banner(page).get_by_role("button", name="Weigeren").click()
    page.wait_for_url(f"{live_server.url}/nieuws/")
    for path in ("/nieuws/", "/privacy/", "/portaal/contact", "/nieuws/"):
        page.goto(f"{live_server.url}{path}")
        assert banner(page).count() == 0
    assert outside.requested == []
    assert page.evaluate("window.thirdParty === undefined")
    assert {c["name"]: c["value"] for c in browser_context.cookies()}["cookie_consent"] == "declined"
    assert {c["name"] for c in browser_context.cookies()} <= functional
