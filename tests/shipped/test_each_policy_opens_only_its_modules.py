"""Each shipped policy opens the organisation modules it names under `modules`, and no other: the sociale kaart
exists for the website supplier and is 404 for a welfare organisation; research endpoints answer only where the
policy has research. All through the front door, with the policies exactly as shipped."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from rest_framework.test import APIClient

from tests.conftest import activate_example, make_staff

# What each organisation uses, as its statement describes it (not read from the policy: this is the claim).
USES = {
    "ikzorginassen": {"mailings", "statistics", "tips"},
    "socialekaart": {"listings", "mailings"},
    "wlzclientondersteuning": {"mailings", "statistics"},
    "werkzaak": {"mailings", "recordings", "research", "securemail", "statistics"},
    "kwartier": set(),
    "debrug": set(),
    "lindehof": set(),
}
# One public page per module that has pages, and for every module an endpoint an anonymous caller may try:
# where the module is on it exists (401 without a token, or the public answer); where it is off, 404.
PAGES = {"listings": "/sociale-kaart/", "tips": "/tip/", "securemail": "/beveiligde-mail/"}
ENDPOINTS = {
    "listings": ("get", "/api/v1/sociale-kaart/themes", 200),
    "mailings": ("get", "/api/v1/mailings?purpose=newsletter", 401),
    "recordings": ("post", "/api/v1/recording-requests", 401),
    "research": ("post", "/api/v1/research/projects", 401),
    "securemail": ("get", "/api/v1/mail-requests", 401),
    "statistics": ("get", "/api/v1/statistics/visits", 401),
    "tips": ("get", "/api/v1/tips", 401),
}
MODULES = sorted(ENDPOINTS)


@pytest.mark.parametrize("example", list(USES))
def test_the_modules_a_policy_names_answer_and_the_others_are_not_there(db: Any, example: str) -> None:
    activate_example(example)
    for module in MODULES:
        method, url, status = ENDPOINTS[module]
        answer = getattr(APIClient(), method)(url, format="json")
        if module in USES[example]:
            assert answer.status_code == status, (module, answer.status_code)
        else:
            assert answer.status_code == 404, (module, answer.status_code)
            assert answer.json() == {"detail": "Niet gevonden. / Not found."}  # as any path that matches nothing
    for module, page in PAGES.items():
        assert Client().get(page).status_code == (200 if module in USES[example] else 404), (module, page)


def test_research_endpoints_refuse_where_the_policy_has_no_research(db: Any) -> None:
    from waarborg.engine.audit.models import AuditEntry
    from waarborg.modules.research.models import Project

    # given ikzorginassen's privacy officer, who reads every purpose of that policy
    activate_example("ikzorginassen")
    _, token = make_staff("pia", ["privacy_officer"])
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    before = AuditEntry.objects.count()
    # when she tries to register a research project
    answer = client.post("/api/v1/research/projects", {"name": "Mantelzorg in cijfers", "kind": "big_data"},
                         format="json", HTTP_X_PURPOSE="research")
    # then there is no such endpoint here, and nothing was stored or logged
    assert answer.status_code == 404
    assert not Project.objects.exists() and AuditEntry.objects.count() == before


def test_activating_another_policy_opens_and_closes_the_doors_at_once(db: Any) -> None:
    activate_example("ikzorginassen")
    assert Client().get("/tip/").status_code == 200
    assert Client().get("/sociale-kaart/").status_code == 404
    activate_example("socialekaart")
    assert Client().get("/tip/").status_code == 404
    assert Client().get("/sociale-kaart/").status_code == 200
