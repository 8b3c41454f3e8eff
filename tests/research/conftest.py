"""Fixtures for research projects: the seed-003 policy, researchers and a case manager, and API helpers.

Personas: `researcher` and `second_researcher` (role `researcher`), `consultant` (klantmanager, no
research rights), `front_office`.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import Persona, activate_example, make_staff

NOTICE = {"conditions": {"nl": "Alleen niet-herleidbare gegevens, alleen voor dit onderzoek, 12 maanden.",
                         "en": "Only non-identifiable data, only for this research, 12 months."},
          "points_of_use": ["website werkzaakrivierenland.nl (bezoekpatronen)", "klantcontactcentrum (wachttijden)"]}


@pytest.fixture
def werkzaak(db: Any) -> Any:
    from waarborg.engine.policy.active import current

    activate_example("werkzaak")
    return current()


@pytest.fixture
def researcher(werkzaak: Any) -> Persona:
    return Persona(*make_staff("rik", ["researcher"]))


@pytest.fixture
def second_researcher(werkzaak: Any) -> Persona:
    return Persona(*make_staff("roos", ["researcher"]))


@pytest.fixture
def consultant(werkzaak: Any) -> Persona:
    return Persona(*make_staff("karin", ["consultant"]))


def post(client: Any, url: str, body: Any, purpose: str = "research") -> Any:
    return client.post(f"/api/v1/research/{url}", body, format="json", HTTP_X_PURPOSE=purpose)


def register(client: Any, kind: str = "big_data", name: str = "Wachttijden klantcontact 2026") -> Any:
    return post(client, "projects", {"name": name, "kind": kind}, "profiling" if kind == "profiling" else "research")


def started_big_data(client: Any, name: str = "Wachttijden klantcontact 2026") -> str:
    project_id = str(register(client, name=name).json()["id"])
    assert post(client, f"projects/{project_id}/notice", NOTICE).status_code == 200
    assert post(client, f"projects/{project_id}/information-step", {"channel": "brief en website"}).status_code == 200
    assert post(client, f"projects/{project_id}/start", {}).status_code == 200
    return project_id


def dataset(client: Any, project_id: str, fields: list[str], purpose: str = "Wachttijden per regio verklaren") -> Any:
    return post(client, "datasets", {"project": project_id, "purpose": purpose, "fields": fields})


@pytest.fixture
def project_id(researcher: Persona) -> str:
    return started_big_data(researcher)


def refused(reason: str) -> list[Any]:
    from waarborg.engine.audit.models import AuditEntry

    return list(AuditEntry.objects.filter(outcome="refused", reason=reason))
