"""Logging out of the back office after signing in through the organisation's provider ends the provider's session
too (OpenID Connect RP-Initiated Logout, against the real test provider): otherwise the next "Inloggen via ..."
on a shared desk would let in whoever clicks it, without asking anything."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import parse_qs, urljoin, urlparse

import pytest
import requests

from tests.sso.conftest import AFTER_LOGOUT, Provider, sign_in

pytestmark = pytest.mark.django_db


def _comes_straight_back(client: Any, at_provider: requests.Session) -> bool:
    """Does the provider send the browser straight back (its session lives), or ask for a login?"""
    authorize = client.get("/backoffice/sso")["Location"]
    answer = at_provider.get(authorize, allow_redirects=False, timeout=10)
    for _ in range(10):
        location = urljoin(authorize, answer.headers["Location"])
        if location.startswith("http://testserver/"):
            return True
        if "/interaction/" in location:
            page = at_provider.get(location, timeout=10)
            if 'name="login"' in page.text:
                return False
        answer = at_provider.get(location, allow_redirects=False, timeout=10)
    raise AssertionError("the provider neither sent the browser back nor asked for a login")


def test_logging_out_ends_the_session_at_the_provider_too(client: Any, provider: Provider) -> None:
    from waarborg.engine.accounts.actions import staff_create

    staff_create("pia", ["privacy_officer"])
    at_provider = requests.Session()
    sign_in(client, "pia", at_provider=at_provider)
    assert client.get("/backoffice/verzoeken/").status_code == 200
    assert _comes_straight_back(client, at_provider)  # while her provider session lives, it asks nothing
    # she logs out of the back office: Waarborg's session ends, and the browser goes to the provider's logout
    out = client.post("/backoffice/uitloggen")
    assert out.status_code == 302 and out["Location"].startswith(provider.issuer)
    query = parse_qs(urlparse(out["Location"]).query)
    assert query["post_logout_redirect_uri"] == [AFTER_LOGOUT] and query["id_token_hint"][0].count(".") == 2
    assert client.get("/backoffice/verzoeken/").status_code == 302
    # the provider asks her to confirm, and sends her back to the back office's login page
    confirm = at_provider.get(out["Location"], timeout=10)
    form = re.search(r'<form[^>]*action="([^"]+)"', confirm.text)
    xsrf = re.search(r'name="xsrf" value="([^"]+)"', confirm.text)
    assert form and xsrf, confirm.text[:500]
    done = at_provider.post(urljoin(out["Location"], form.group(1)), data={"xsrf": xsrf.group(1), "logout": "yes"},
                            allow_redirects=False, timeout=10)
    assert done.headers["Location"].startswith(AFTER_LOGOUT)
    # and "Inloggen via ..." now asks the provider's login again
    assert not _comes_straight_back(client, at_provider)


def test_a_password_login_logs_out_as_before(client: Any, provider: Provider) -> None:
    from tests.twofactor.conftest import log_in
    from waarborg.engine.accounts.actions import staff_create

    _, password, _ = staff_create("pia", ["privacy_officer"])
    log_in(client, "pia", password)
    out = client.post("/backoffice/uitloggen")
    assert out.status_code == 302 and out["Location"] == "/backoffice/inloggen"
