"""Single sign-on tests against a real OpenID Connect provider started on localhost (tests/sso/provider: panva's
oidc-provider on Node.js), never a mock of the protocol: discovery, the code flow with PKCE, RS256-signed ID
tokens, the token and userinfo endpoints are the provider's own.

The provider's login page is played by `requests` (a staff member types her name and says whether she used a
second factor there); Waarborg's side is Django's test client, which hands the provider's answer (the redirect
to /backoffice/sso/terug) back in, as the browser would. The browser test (tests/browser) does the same in
Chromium.

Without Node.js, or without the provider's packages (`make install` puts them there), the tests skip on a
developer's machine and fail under CI=true.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlparse

import pytest
import requests

PROVIDER = Path(__file__).parent / "provider"
CLIENT_ID = "waarborg"
CLIENT_SECRET = "test-client-secret-of-at-least-32-characters"
# Provider groups and the policy roles they give (WAARBORG_OIDC_ROLES)
ROLE_MAP = "waarborg-privacy=privacy_officer,waarborg-helpdesk=helpdesk,waarborg-fg=privacy_officer,waarborg-fg=assessor"
REDIRECT = "http://testserver/backoffice/sso/terug"
AFTER_LOGOUT = "http://testserver/backoffice/inloggen"  # where the provider sends the browser after its logout


def _missing() -> str:
    if not shutil.which("node"):
        return "Node.js is not installed"
    if not (PROVIDER / "node_modules" / "oidc-provider").is_dir():
        return "the test provider's packages are missing (make install)"
    return ""


class Provider:
    """A running provider: its issuer URL, and the staff members it knows with their groups."""

    def __init__(self, process: subprocess.Popen[str], issuer: str) -> None:
        self.process = process
        self.issuer = issuer


@pytest.fixture
def start_provider() -> Iterator[Callable[..., Provider]]:
    """Start the provider with these accounts ({name: {"groups": [...]}}) and redirect URIs; stopped after the test."""
    started: list[subprocess.Popen[str]] = []

    def start(accounts: dict[str, Any], redirect_uris: list[str] | None = None) -> Provider:
        missing = _missing()
        if missing:
            if os.environ.get("CI", "").lower() == "true":
                pytest.fail(f"{missing}: the single sign-on tests must run in CI")
            pytest.skip(missing)
        config = {"port": 0, "client_id": CLIENT_ID, "client_secret": CLIENT_SECRET,
                  "redirect_uris": redirect_uris or [REDIRECT], "accounts": accounts,
                  "post_logout_redirect_uris": [AFTER_LOGOUT]}
        process = subprocess.Popen(["node", str(PROVIDER / "provider.mjs"), json.dumps(config)],
                                   stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, cwd=PROVIDER)
        started.append(process)
        assert process.stdout is not None
        line = process.stdout.readline()  # the provider prints its issuer once it listens
        assert line.startswith("listening "), f"the test provider did not start: {line!r}"
        return Provider(process, line.split()[1])

    yield start
    for process in started:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture
def sso_settings(settings: Any) -> Callable[[Provider], None]:
    """Point Waarborg at a provider, as an operator does with the WAARBORG_OIDC_* variables."""

    def point_at(provider: Provider) -> None:
        settings.WAARBORG_OIDC_ISSUER = provider.issuer
        settings.WAARBORG_OIDC_CLIENT_ID = settings.OIDC_RP_CLIENT_ID = CLIENT_ID
        settings.WAARBORG_OIDC_CLIENT_SECRET = settings.OIDC_RP_CLIENT_SECRET = CLIENT_SECRET
        settings.WAARBORG_OIDC_SCOPES = settings.OIDC_RP_SCOPES = "openid profile groups"
        settings.WAARBORG_OIDC_ROLES = ROLE_MAP

    return point_at


@pytest.fixture
def provider(start_provider: Callable[..., Provider], sso_settings: Callable[[Provider], None], policy: Any) -> Provider:
    """The organisation's provider: pia is in the privacy group, hans at the helpdesk, nora in no group Waarborg
    knows, and uwe has no Waarborg account at all."""
    running = start_provider({"pia": {"groups": ["waarborg-privacy", "everyone"]},
                              "hans": {"groups": ["waarborg-helpdesk"]},
                              "nora": {"groups": ["everyone"]},
                              "uwe": {"groups": ["waarborg-privacy"]}})
    sso_settings(running)
    return running


def sign_in(client: Any, name: str, *, second_factor: bool = True, next_page: str = "",
            at_provider: requests.Session | None = None) -> Any:
    """The whole round: the back office sends the browser to the provider, the staff member signs in there
    (with or without the provider's second factor), the provider sends her back; the back office's answer.
    `at_provider`: the browser's cookies at the provider, to keep its session for a later step."""
    start = client.get("/backoffice/sso" + (f"?next={next_page}" if next_page else ""))
    assert start.status_code == 302, start.content.decode()[:500]
    authorize = start["Location"]
    at_provider = at_provider if at_provider is not None else requests.Session()
    answer = at_provider.get(authorize, allow_redirects=False, timeout=10)
    login_page = at_provider.get(urljoin(authorize, answer.headers["Location"]), timeout=10)
    action = re.search(r'action="([^"]+)"', login_page.text)
    assert action, login_page.text[:500]
    answer = at_provider.post(urljoin(authorize, action.group(1)),
                              data={"login": name, **({"mfa": "1"} if second_factor else {})},
                              allow_redirects=False, timeout=10)
    for _ in range(10):  # the provider's own redirects (login, consent), until it sends her back to us
        location = answer.headers["Location"]
        if location.startswith("http://testserver/"):
            back = urlparse(location)
            return client.get(f"{back.path}?{back.query}")
        answer = at_provider.get(urljoin(authorize, location), allow_redirects=False, timeout=10)
    raise AssertionError("the provider never sent the browser back")


def audit(action: str, **filters: Any) -> list[Any]:
    from waarborg.engine.audit.models import AuditEntry

    return list(AuditEntry.objects.filter(action=action, **filters).order_by("id"))
