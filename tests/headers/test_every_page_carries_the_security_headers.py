"""Every page the platform serves (public, portal, back office, admin, API and its docs, error pages) carries the
security headers: a Content Security Policy without `unsafe-inline` that forbids framing, X-Frame-Options,
Referrer-Policy and X-Content-Type-Options; HSTS in production. The pages are found from the URL patterns
themselves, so a new page is checked without being listed here."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from tests.conftest import activate_example
from tests.lockout.conftest import login
from tests.rights.conftest import PASSWORD, administrator, anna, citizen_account  # noqa: F401 - fixtures

SKIP = ("static/", "media/")


def routes(patterns: Any = None, prefix: str = "") -> list[str]:
    """Every route without parameters, as a path (`/portaal/inloggen`)."""
    found: list[str] = []
    for entry in patterns if patterns is not None else get_resolver().url_patterns:
        route = str(entry.pattern)
        if "<" in route or "(?P" in route or route.startswith("^"):
            continue  # a page of one thing (an id) or the admin's per-app index: reached from the lists
        if isinstance(entry, URLResolver):
            found += routes(entry.url_patterns, prefix + route)
        elif isinstance(entry, URLPattern):
            found.append("/" + prefix + route)
    return [path for path in dict.fromkeys(found) if not path.lstrip("/").startswith(SKIP)]


def directives(header: str) -> dict[str, list[str]]:
    return {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}


def assert_secure(response: Any, path: str) -> None:
    csp = response.get("Content-Security-Policy", "")
    assert csp, f"{path}: no Content-Security-Policy"
    policy = directives(csp)
    assert "'unsafe-inline'" not in csp and "'unsafe-eval'" not in csp, f"{path}: {csp}"
    assert policy["frame-ancestors"] == ["'none'"] and policy["default-src"] == ["'self'"], path
    assert policy["object-src"] == ["'none'"] and policy["base-uri"] == ["'none'"], path
    assert response.get("X-Frame-Options") == "DENY", path
    assert response.get("Referrer-Policy") == "same-origin", path
    assert response.get("X-Content-Type-Options") == "nosniff", path


@pytest.fixture
def people(anna: Any) -> dict[str, Client]:  # noqa: F811 - fixture
    """Who fetches the pages: nobody, a privacy officer (back office and admin), a citizen (portal)."""
    from waarborg.engine.accounts.actions import staff_create

    officer, password, _ = staff_create("fiona", ["privacy_officer"])
    clients = {"anonymous": Client(), "staff": Client(), "citizen": Client()}
    assert login(clients["staff"], "backoffice", officer.username, password or "").status_code == 302
    assert login(clients["staff"], "admin", officer.username, password or "").status_code == 302
    assert login(clients["citizen"], "portal", citizen_account(anna).username, PASSWORD).status_code == 302
    return clients


def test_the_url_patterns_give_every_kind_of_page() -> None:
    paths = routes()
    for expected in ("/", "/privacy/", "/portaal/inloggen", "/backoffice/inloggen", "/backoffice/verzoeken/",
                     "/admin/", "/api/v1/docs/", "/api/v1/redoc/", "/api/v1/schema/", "/api/v1/subjects"):
        assert expected in paths, expected


@pytest.mark.parametrize("organisation", ["ikzorginassen", "socialekaart"])
def test_every_page_for_every_visitor_carries_the_headers(organisation: str, people: dict[str, Client]) -> None:
    # given an organisation's shipped policy, and a visitor without an account, a staff member and a citizen
    activate_example(organisation)
    checked = 0
    for who, client in people.items():
        for path in routes():
            # when each of them fetches every page (whatever the answer: a page, a redirect, 403, 404, 405)
            response = client.get(path)
            # then every answer carries the headers
            assert_secure(response, f"{who} {path} ({response.status_code})")
            checked += 1
        # and so do the pages Swagger UI and the error pages are made of
        for path in ("/api/v1/docs/?script", "/bestaat-niet", "/api/v1/bestaat-niet", "/admin/bestaat-niet"):
            assert_secure(client.get(path), f"{who} {path}")
    assert checked > 150


def test_a_lockout_page_and_a_refusal_carry_the_headers(people: dict[str, Client]) -> None:
    for _ in range(5):
        answer = login(Client(), "backoffice", "fiona", "fout")
    assert answer.status_code == 429
    assert_secure(answer, "lockout")
    from waarborg.engine.accounts.models import User

    outsider = Client()
    outsider.force_login(User.objects.get(username="otto"))  # a staff account without a role
    refused = outsider.get("/backoffice/verzoeken/")
    assert refused.status_code == 403
    assert_secure(refused, "403")


def test_hsts_over_https_when_configured(policy: Any, settings: Any) -> None:
    # given production's settings (a year of HSTS)
    settings.SECURE_HSTS_SECONDS = 31536000
    # then an HTTPS answer tells the browser to keep to HTTPS, and nothing else changed
    secure = Client().get("/privacy/", secure=True)
    assert secure["Strict-Transport-Security"] == "max-age=31536000"
    assert_secure(secure, "https")
    # and in development (no HSTS configured) no answer carries it
    settings.SECURE_HSTS_SECONDS = 0
    assert "Strict-Transport-Security" not in Client().get("/privacy/", secure=True)


def test_production_settings_turn_hsts_on() -> None:
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    code = "from django.conf import settings; print(settings.SECURE_HSTS_SECONDS, settings.SECURE_SSL_REDIRECT)"
    env = {"WAARBORG_ENV": "production", "WAARBORG_SECRET_KEY": "x" * 50, "PATH": "/usr/bin:/bin",
           "WAARBORG_MASTER_KEY": "A" * 43 + "=", "WAARBORG_PUBLIC_URL": "https://privacy.example.nl",
           "DATABASE_URL": "postgres://waarborg@127.0.0.1/none", "DJANGO_SETTINGS_MODULE": "waarborg.settings",
           "PYTHONPATH": str(root / "src"), "WAARBORG_CONFIG": ""}
    out = subprocess.run([sys.executable, "-c", "import django; django.setup(); " + code], env=env, cwd=root,
                         capture_output=True, text=True, check=True).stdout.split()
    assert out == ["31536000", "True"]
