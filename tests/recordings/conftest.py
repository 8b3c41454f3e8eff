"""Fixtures for recordings: the seed-003 policy, a client assigned to a case manager, and helpers.

Personas: `consultant` (klantmanager, assigned to the client for `recordings`), `other_consultant`
(same role, not assigned), `front_office` (no right on recordings), `officer` (privacy team).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.conftest import Persona, activate_example, make_staff

START = dt.datetime(2026, 3, 2, 10, 0, tzinfo=dt.UTC)
AUDIO = b"RIFF\x24\x00\x00\x00WAVEfmt gesprek-klantmanager-2-maart"
CLIENT_EMAIL = "client@example.nl"


@pytest.fixture
def werkzaak(db: Any) -> Any:
    from waarborg.engine.policy.active import current

    activate_example("werkzaak")
    return current()


@pytest.fixture
def consultant(werkzaak: Any) -> Persona:
    return Persona(*make_staff("karin", ["consultant"]))


@pytest.fixture
def other_consultant(werkzaak: Any) -> Persona:
    return Persona(*make_staff("kees", ["consultant"]))


@pytest.fixture
def front_office(werkzaak: Any) -> Persona:
    return Persona(*make_staff("fenna", ["front_office"]))


@pytest.fixture
def officer(werkzaak: Any) -> Persona:
    return Persona(*make_staff("pia", ["privacy_officer"]))


@pytest.fixture
def client_subject(consultant: Persona) -> Any:
    from waarborg.engine.caseloads.actions import assign
    from waarborg.engine.records.actions import subject_create

    subject = subject_create("system:test")
    assign("system:test", subject, "recordings", user=consultant.user)
    return subject


def give_consent(subject: Any) -> Any:
    from waarborg.engine.consent.actions import consent_give

    return consent_give("system:test", subject=subject, purpose="recordings", given_at=START - dt.timedelta(days=1),
                        channel="in_person", evidence={"document": "toestemmingsformulier opname"})


def audio(data: bytes = AUDIO, name: str = "gesprek.wav") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="audio/wav")


def register(client: Any, subject: Any, *, made_by: str = "client", file: bytes | None = None,
             consent: Any = None, **extra: Any) -> Any:
    body: dict[str, Any] = {"subject": str(subject.pk), "made_by": made_by,
                            "conversation_started_at": START.isoformat(),
                            "announced_at": (START - dt.timedelta(minutes=2)).isoformat(),
                            "announced_before_start": "true"}
    if file is not None:
        body["file"] = audio(file)
    if consent is not None:
        body["consent"] = str(consent.pk)
    if made_by == "staff":
        body["client_email"] = CLIENT_EMAIL
    body.update({k: v for k, v in extra.items() if v is not None})
    for key in [k for k, v in extra.items() if v is None]:
        body.pop(key, None)
    return client.post("/api/v1/recordings", body, format="multipart", HTTP_X_PURPOSE="recordings")


def refused(reason: str) -> list[Any]:
    from waarborg.engine.audit.models import AuditEntry

    return list(AuditEntry.objects.filter(outcome="refused", reason=reason))
