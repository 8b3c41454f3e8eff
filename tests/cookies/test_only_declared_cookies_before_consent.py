"""Before any choice, public pages set only cookies the policy declares functional (seed 003), and a site
that declares only technical, functional and analytical cookies sets nothing else (seed 001)."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from tests.cookies.conftest import PUBLIC_PAGES, activate, set_cookies
from waarborg.modules.statistics.cookies import declared_before_consent


@pytest.mark.django_db
@pytest.mark.promise("S3-30")
def test_public_pages_set_only_declared_functional_cookies_before_a_choice() -> None:
    policy = activate("werkzaak")
    functional = {c.name for c in policy.cookies if c.kind == "functional"}
    seen: set[str] = set()
    for page in PUBLIC_PAGES:
        answer = Client().get(page)
        assert answer.status_code == 200, page
        names = set(set_cookies(answer))
        assert names <= declared_before_consent(policy) and names <= functional, (page, names)
        seen |= names
        assert "cookie_consent" not in names  # no choice made, none stored
    assert seen <= functional


@pytest.mark.django_db
@pytest.mark.promise("S3-30")
def test_the_functional_cookies_hold_only_session_or_preference_data() -> None:
    activate("werkzaak")
    answer = Client().get("/portaal/contact")
    for name, morsel in set_cookies(answer).items():
        assert name == "csrftoken" and len(morsel.value) == 32 and morsel.value.isalnum()  # a random token
    chosen = Client().post("/cookies/", {"choice": "declined", "next": "/privacy/"})
    assert {n: m.value for n, m in set_cookies(chosen).items()} == {"cookie_consent": "declined"}


@pytest.mark.django_db
@pytest.mark.promise("S1-31")
def test_a_site_with_only_technical_functional_and_analytical_cookies_sets_nothing_else() -> None:
    policy = activate("socialekaart")
    assert {c.kind for c in policy.cookies} <= {"functional", "analytical"}
    declared = {c.name for c in policy.cookies}
    for page in PUBLIC_PAGES:
        answer = Client().get(page)
        assert answer.status_code == 200, page
        assert set(set_cookies(answer)) <= declared, page
        html = answer.content.decode()
        # no advertising or cross-site trackers: no frame, and no script but the site's own files (tables.js)
        scripts = re.findall(r"<script[^>]*>", html)
        assert "<iframe" not in html and all(re.search(r'src="/static/', tag) for tag in scripts), scripts
        assert 'class="cookie-banner"' not in html  # nothing that needs consent, so no banner either
