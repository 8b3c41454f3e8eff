"""Seed 003: the banner shows on the first visit; social-media scripts and embedded content load only after
"accepteren", never after "weigeren"; the choice is kept in a functional cookie and can be withdrawn."""

from __future__ import annotations

from typing import Any

import pytest
from django.template import engines
from django.test import Client, RequestFactory

from tests.cookies.conftest import activate

SCRIPTS = ("https://platform.twitter.com/widgets.js", "https://connect.facebook.net/nl_NL/sdk.js",
           "https://platform.linkedin.com/in.js")
EMBED = '{% load waarborg_cookies %}{% embed "youtube" "dQw4w9WgXcQ" "Uitleg" %}|{% embed "vimeo" "1" "Video" %}'


def html(answer: Any) -> str:
    assert answer.status_code == 200
    return str(answer.content.decode())


@pytest.mark.django_db
@pytest.mark.promise("S3-32")
def test_the_first_visit_shows_the_banner_and_loads_no_social_script() -> None:
    activate("werkzaak")
    page = html(Client().get("/privacy/"))
    assert 'class="cookie-banner"' in page and "Accepteren" in page and "Weigeren" in page
    assert not any(s in page for s in SCRIPTS)


@pytest.mark.django_db
@pytest.mark.promise("S3-32")
def test_after_accepting_the_social_scripts_load_and_the_choice_can_be_withdrawn() -> None:
    activate("werkzaak")
    browser = Client()
    chosen = browser.post("/cookies/", {"choice": "accepted", "next": "/privacy/"})
    assert chosen.status_code == 302 and chosen["Location"] == "/privacy/"
    assert browser.cookies["cookie_consent"].value == "accepted"
    assert browser.cookies["cookie_consent"]["httponly"]
    page = html(browser.get("/privacy/"))
    assert all(f'<script async src="{s}">' in page for s in SCRIPTS)
    assert 'class="cookie-banner"' not in page and "Cookie-instellingen" in page
    assert "U heeft cookies van sociale media en ingesloten inhoud geaccepteerd" in html(browser.get("/cookies/"))

    browser.post("/cookies/", {"choice": "withdraw", "next": "/privacy/"})

    page = html(browser.get("/privacy/"))
    assert 'class="cookie-banner"' in page and not any(s in page for s in SCRIPTS)


@pytest.mark.django_db
@pytest.mark.promise("S3-32")
def test_after_declining_no_social_script_ever_loads() -> None:
    activate("werkzaak")
    browser = Client()
    browser.post("/cookies/", {"choice": "declined", "next": "/privacy/"})
    assert browser.cookies["cookie_consent"].value == "declined"
    for path in ("/privacy/", "/privacy/versions/", "/portaal/contact", "/privacy/"):
        page = html(browser.get(path))
        assert not any(s in page for s in SCRIPTS) and 'class="cookie-banner"' not in page


@pytest.mark.django_db
def test_another_site_cannot_post_an_accept_for_the_visitor() -> None:
    activate("werkzaak")
    browser = Client()
    forged = browser.post("/cookies/", {"choice": "accepted"}, HTTP_ORIGIN="https://evil.example",
                          HTTP_SEC_FETCH_SITE="cross-site")
    assert forged.status_code == 403 and "cookie_consent" not in browser.cookies
    assert browser.post("/cookies/", {"choice": "maybe"}).status_code == 400


@pytest.mark.django_db
@pytest.mark.promise("S3-33")
def test_embedded_content_is_a_placeholder_until_accepted_and_the_statement_lists_it() -> None:
    activate("werkzaak")
    template = engines["django"].from_string(EMBED)
    before = RequestFactory().get("/")
    shown_before = template.render({}, before)
    assert "<iframe" not in shown_before and shown_before.count('class="embed-placeholder"') == 2
    after = RequestFactory().get("/")
    after.COOKIES["cookie_consent"] = "accepted"
    youtube, vimeo = template.render({}, after).split("|")
    assert '<iframe class="embedded-content" src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"' in youtube
    assert "<iframe" not in vimeo  # the policy does not declare Vimeo: never loaded
    declined = RequestFactory().get("/")
    declined.COOKIES["cookie_consent"] = "declined"
    assert "<iframe" not in template.render({}, declined)
    statement = html(Client().get("/cookies/"))
    assert 'data-cookie="embedded_content"' in statement and "YouTube, Slideshare, Storify" in statement
    assert "YouTube, Slideshare, Storify" in html(Client().get("/privacy/"))


@pytest.mark.django_db
def test_a_policy_without_consent_cookies_shows_no_banner() -> None:
    activate("ikzorginassen")
    assert 'class="cookie-banner"' not in html(Client().get("/privacy/"))
