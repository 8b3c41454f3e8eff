"""Caseload fixtures on the shipped policies, and small helpers that drive the REST API as clients do.

Personas per organisation (each with an API token):
- Kwartier (`examples/kwartier.yaml`): social workers `sanne` and `sam` (team wijkteam_noord) and `saskia`
  (wijkteam_zuid), team leader `tim` (manages caseloads), `ad` of the financial administration, privacy
  officer `pia`.
- Werkzaak (`examples/werkzaak.yaml`): consultants `connie` and `kees`, team leader `tara`.
- WlzCliëntondersteuning (`examples/wlzclientondersteuning.yaml`): client supporters `wendy` and `wim`,
  coordinator `cor`.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import Persona, activate_example, make_staff


def _people(org: str, staff: dict[str, tuple[str, list[str], str]]) -> dict[str, Persona]:
    activate_example(org)
    return {name: Persona(*make_staff(username, roles, team=team)) for name, (username, roles, team) in staff.items()}


@pytest.fixture
def kwartier(db: Any) -> dict[str, Persona]:
    return _people("kwartier", {
        "worker": ("sanne", ["social_worker"], "wijkteam_noord"),
        "colleague": ("sam", ["social_worker"], "wijkteam_noord"),
        "other_team": ("saskia", ["social_worker"], "wijkteam_zuid"),
        "leader": ("tim", ["team_leader"], ""),
        "administration": ("ad", ["administration"], ""),
        "privacy_officer": ("pia", ["privacy_officer"], ""),
    })


@pytest.fixture
def werkzaak(db: Any) -> dict[str, Persona]:
    return _people("werkzaak", {
        "worker": ("connie", ["consultant"], "werk"),
        "colleague": ("kees", ["consultant"], "inkomen"),
        "leader": ("tara", ["team_leader"], ""),
        "front_office": ("fenna", ["front_office"], ""),
    })


@pytest.fixture
def wlz(db: Any) -> dict[str, Persona]:
    return _people("wlzclientondersteuning", {
        "worker": ("wendy", ["client_supporter"], ""),
        "colleague": ("wim", ["client_supporter"], ""),
        "leader": ("cor", ["coordinator"], ""),
        "administration": ("ad", ["administration"], ""),
    })


def register(persona: Persona, purpose: str | None = None, **body: Any) -> Any:
    """POST /api/v1/subjects, naming the purpose in X-Purpose when given."""
    headers = {"HTTP_X_PURPOSE": purpose} if purpose else {}
    return persona.post("/api/v1/subjects", body, format="json", **headers)


def store(persona: Persona, subject: str, type: str, data: dict[str, Any], purpose: str, **extra: Any) -> Any:
    return persona.post("/api/v1/records", {"subject": subject, "type": type, "data": data, **extra},
                        format="json", HTTP_X_PURPOSE=purpose)


def records(persona: Persona, subject: str, purpose: str) -> Any:
    return persona.get(f"/api/v1/subjects/{subject}/records", {"purpose": purpose})


def assign(persona: Persona, subject: Any, purpose: str, **to: str) -> Any:
    return persona.post(f"/api/v1/subjects/{getattr(subject, 'pk', subject)}/assignments",
                        {"purpose": purpose, **to}, format="json")


def audit(action: str, **fields: Any) -> list[Any]:
    from waarborg.engine.audit.models import AuditEntry

    return list(AuditEntry.objects.filter(action=action, **fields).order_by("id"))


def pseudonym_of(subject: Any) -> str:
    from waarborg.engine.keyring.crypto import pseudonym

    return pseudonym(getattr(subject, "pk", subject))


def new_subject(persona: Persona, purpose: str, **body: Any) -> str:
    """A subject registered by a caseload's own worker (an intake): its id."""
    answer = register(persona, purpose, **body)
    assert answer.status_code == 201, answer.content
    return str(answer.json()["id"])
