"""Fixtures for the consent tests: a seed-002-like policy (`care_policy.yaml`) with its personas, and
helpers that drive the vault the way a client would.

`write_record`, `read_record` and `list_records` call the vault's REST endpoints, as a client would.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import Persona, make_staff

CARE_POLICY = Path(__file__).resolve().parent / "care_policy.yaml"


@pytest.fixture
def care(db: Any) -> dict[str, Persona]:
    """The care policy, active, and its personas: privacy_officer, supporter, communications, outsider."""
    from waarborg.engine.policy.active import activate
    from waarborg.engine.policy.loader import load_file

    activate(load_file(CARE_POLICY))
    people = {
        "privacy_officer": make_staff("pia", ["privacy_officer"]),
        "supporter": make_staff("sanne", ["supporter"]),
        "communications": make_staff("chris", ["communications"]),
        "outsider": make_staff("otto", []),
    }
    return {name: Persona(user, key) for name, (user, key) in people.items()}


def new_subject(birth_date: date | None = None) -> Any:
    from waarborg.engine.records.actions import subject_create

    return subject_create("system:test", birth_date=birth_date)


def years_ago(years: int, days: int = 0) -> date:
    from datetime import timedelta

    from django.utils import timezone

    today = timezone.localdate()
    day = 28 if (today.month, today.day) == (2, 29) else today.day  # 29 February: not every year has one
    return today.replace(year=today.year - years, day=day) - timedelta(days=days)


def write_record(persona: Persona, subject: Any, type: str, data: dict[str, Any], purpose: str, *,
                 collected_at: datetime | None = None, source: dict[str, str] | None = None) -> Any:
    """POST /api/v1/records as `persona`, naming `purpose`."""
    body: dict[str, Any] = {"subject": str(subject.pk), "type": type, "data": data}
    if collected_at is not None:
        body["collected_at"] = collected_at.isoformat()
    if source is not None:
        body["source"] = source
    response = persona.client.post("/api/v1/records", body, format="json", HTTP_X_PURPOSE=purpose)
    return response


def read_record(persona: Persona, record_id: Any, purpose: str) -> Any:
    """GET /api/v1/records/{id}?purpose=..."""
    response = persona.client.get(f"/api/v1/records/{record_id}", {"purpose": purpose})
    return response


def list_records(persona: Persona, subject: Any, purpose: str) -> Any:
    """GET /api/v1/subjects/{id}/records?purpose=..."""
    response = persona.client.get(f"/api/v1/subjects/{subject.pk}/records", {"purpose": purpose})
    return response


def refusals(reason: str, subject: Any = None) -> int:
    """How many refused attempts with this reason the audit log holds (for this subject)."""
    from waarborg.engine.audit.models import AuditEntry
    from waarborg.engine.keyring.crypto import pseudonym

    entries = AuditEntry.objects.filter(outcome="refused", reason=reason)
    if subject is not None:
        entries = entries.filter(subject_pseudonym=pseudonym(subject.pk))
    return entries.count()


def audited(action: str, subject: Any = None) -> list[Any]:
    from waarborg.engine.audit.models import AuditEntry
    from waarborg.engine.keyring.crypto import pseudonym

    entries = AuditEntry.objects.filter(action=action, outcome="ok")
    if subject is not None:
        entries = entries.filter(subject_pseudonym=pseudonym(subject.pk))
    return list(entries)


def give(persona: Persona, subject: Any, purpose: str, **body: Any) -> Any:
    return persona.client.post("/api/v1/consents", {"subject": str(subject.pk), "purpose": purpose, **body},
                               format="json")
