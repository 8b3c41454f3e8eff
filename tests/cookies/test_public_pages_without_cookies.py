"""A visitor who blocks cookies still reads every public page and the cookie page, in Dutch and English."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from tests.cookies.conftest import PUBLIC_PAGES, activate


class CookielessClient(Client):
    """A browser with cookies switched off: whatever a page sets is thrown away."""

    def request(self, **request: Any) -> Any:
        self.cookies.clear()
        response = super().request(**request)
        self.cookies.clear()
        return response


@pytest.mark.django_db
@pytest.mark.promise("S1-32")
@pytest.mark.parametrize("seed", ["socialekaart", "werkzaak"])
def test_public_pages_work_with_cookies_disabled(seed: str) -> None:
    activate(seed)
    browser = CookielessClient(enforce_csrf_checks=True)
    for page in PUBLIC_PAGES:
        for lang in ("nl", "en"):
            answer = browser.get(page, {"lang": lang})
            assert answer.status_code == 200, (page, lang)
            assert b"</main>" in answer.content
    assert "<h2 id=\"cookies\">" in browser.get("/privacy/").content.decode()  # the statement itself


@pytest.mark.django_db
@pytest.mark.promise("S1-32", "S3-32")
def test_declining_without_cookies_keeps_every_third_party_script_away() -> None:
    activate("werkzaak")
    browser = CookielessClient(enforce_csrf_checks=True)
    answer = browser.post("/cookies/", {"choice": "declined", "next": "/privacy/"})
    assert answer.status_code == 302 and answer["Location"] == "/privacy/"
    page = browser.get("/privacy/").content.decode()
    assert "platform.twitter.com" not in page and "connect.facebook.net" not in page
