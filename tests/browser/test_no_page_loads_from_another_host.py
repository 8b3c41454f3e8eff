"""Every page works offline and under a strict content policy: nothing is loaded from another host. Swagger
UI and Redoc come from our own static files (drf-spectacular-sidecar); the admin is styled."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

import pytest
from django.db import connection

# The pages and their static files are the same on both databases: the SQLite leg runs these.
pytestmark = pytest.mark.skipif(connection.vendor == "postgresql", reason="independent of the database")

PAGES = ["/privacy/", "/privacy/versions/", "/portaal/", "/portaal/aanvraag", "/portaal/contact", "/beveiligde-mail/",
         "/cookies/", "/backoffice/inloggen", "/admin/login/", "/api/v1/docs/", "/api/v1/redoc/"]


@pytest.mark.django_db(transaction=True)
def test_no_page_loads_anything_from_another_host(live_server: Any, browser: Any, policy: Any) -> None:
    origin = urlsplit(live_server.url).netloc
    page = browser.new_context(locale="nl-NL").new_page()
    requested: list[tuple[str, str]] = []
    blocked: list[str] = []  # stopped by the page's own content policy before leaving the browser
    page.on("request", lambda request: requested.append((page.url, request.url)))
    page.on("requestfailed", lambda request: blocked.append(request.url)
            if (request.failure or "") in ("csp", "net::ERR_BLOCKED_BY_CSP") else None)
    styles: dict[str, int] = {}
    page.on("response", lambda response: styles.__setitem__(response.url, response.status)
            if response.request.resource_type == "stylesheet" else None)
    for path in PAGES:
        page.goto(f"{live_server.url}{path}", wait_until="networkidle")
    page.goto("about:blank")  # leaving the last page delivers its last network events
    # then every request went to the platform itself (or stayed inside the page)
    foreign = [(at, url) for at, url in requested
               if urlsplit(url).scheme not in ("data", "blob", "about") and urlsplit(url).netloc != origin
               and url not in blocked]
    assert foreign == []
    # and the admin and the API pages got their own style sheets
    assert any(url.endswith("/static/admin/css/base.css") and status == 200 for url, status in styles.items())
    assert any("/static/drf_spectacular_sidecar/swagger-ui-dist/" in url for _, url in requested)
    assert any("/static/drf_spectacular_sidecar/redoc/" in url for _, url in requested)


@pytest.mark.django_db(transaction=True)
def test_swagger_ui_shows_the_api_from_our_own_files(live_server: Any, browser: Any, policy: Any) -> None:
    page = browser.new_context().new_page()
    page.goto(f"{live_server.url}/api/v1/docs/")
    page.locator(".swagger-ui .info .title").wait_for()
    assert "Waarborg API" in page.locator(".swagger-ui .info .title").inner_text()
