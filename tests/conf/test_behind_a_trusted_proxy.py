"""Behind an HTTPS reverse proxy: the proxy's word on HTTPS and the client's address is believed, nobody
else's; forms post without a CSRF refusal; the public origin is the only host the platform names."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from tests.statistics.conftest import FIREFOX_WINDOWS, raw_visits

PROXY = "10.0.0.5"
PUBLIC = "https://privacy.example.nl"


@pytest.fixture
def behind_proxy(settings: Any) -> Any:
    from waarborg.audiences.web.proxy import networks

    settings.WAARBORG_PUBLIC_URL = PUBLIC
    settings.ALLOWED_HOSTS = ["privacy.example.nl"]
    settings.CSRF_TRUSTED_ORIGINS = [PUBLIC]
    settings.WAARBORG_TRUSTED_PROXY = networks("WAARBORG_TRUSTED_PROXY", "10.0.0.0/24")
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SESSION_COOKIE_SECURE = settings.CSRF_COOKIE_SECURE = True
    return settings


def _through(peer: str, **headers: str) -> Client:
    return Client(REMOTE_ADDR=peer, HTTP_HOST="privacy.example.nl", HTTP_USER_AGENT=FIREFOX_WINDOWS, **headers)


@pytest.mark.django_db
def test_the_proxy_saying_https_is_believed_and_a_client_saying_it_is_not(policy: Any, behind_proxy: Any) -> None:
    # given the proxy forwards an HTTPS request
    answer = _through(PROXY, HTTP_X_FORWARDED_PROTO="https").get("/privacy/")
    # then it is served as HTTPS, with HSTS-ready secure handling (no redirect)
    assert answer.status_code == 200
    # when a client reaches the app directly and claims HTTPS in the same header
    direct = _through("198.51.100.20", HTTP_X_FORWARDED_PROTO="https").get("/privacy/")
    # then the claim is ignored: it is sent to the HTTPS address first
    assert direct.status_code == 301 and direct["Location"] == f"{PUBLIC}/privacy/"


@pytest.mark.django_db
def test_the_client_address_comes_from_the_proxy_only(policy: Any, behind_proxy: Any) -> None:
    # given the proxy says who the client was (after whatever the client itself put in the header)
    _through(PROXY, HTTP_X_FORWARDED_PROTO="https", HTTP_X_FORWARDED_FOR="192.0.2.99, 203.0.113.77").get("/privacy/")
    # and someone else sends the same header straight to the app (over the redirect, so nothing is stored)
    _through("198.51.100.20", HTTP_X_FORWARDED_FOR="203.0.113.1").get("/privacy/")
    # then the visit is stored under the address the proxy saw, truncated; the forged left part is ignored
    assert [row["ip_prefix"] for row in raw_visits()] == ["203.0.113.0"]


@pytest.mark.django_db
def test_a_form_posted_through_the_proxy_is_not_refused_as_csrf(policy: Any, behind_proxy: Any) -> None:
    # given a browser that loaded the staff login page through the HTTPS proxy
    browser = Client(enforce_csrf_checks=True, REMOTE_ADDR=PROXY, HTTP_HOST="privacy.example.nl",
                     HTTP_X_FORWARDED_PROTO="https")
    page = browser.get("/backoffice/inloggen")
    assert page.status_code == 200
    cookie = browser.cookies["csrftoken"]
    assert cookie["secure"] and page.headers["Strict-Transport-Security"].startswith("max-age=")
    # when it posts the form, as browsers do, with its Origin and Referer
    answer = browser.post("/backoffice/inloggen", {"csrfmiddlewaretoken": cookie.value, "username": "nobody",
                                                 "password": "wrong-password-17"},
                          HTTP_ORIGIN=PUBLIC, HTTP_REFERER=f"{PUBLIC}/backoffice/inloggen")
    # then the form is handled (a wrong password), not refused as a forgery
    assert answer.status_code == 200 and b"CSRF" not in answer.content


@pytest.mark.django_db
def test_another_host_name_is_refused(policy: Any, behind_proxy: Any) -> None:
    answer = Client(REMOTE_ADDR=PROXY, HTTP_HOST="evil.example.com", HTTP_X_FORWARDED_PROTO="https").get("/privacy/")
    assert answer.status_code == 400
