"""Creating a subject, creating a record and reading it each leave an audit entry with who, when, what, why."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
import time_machine
from django.utils import timezone

from waarborg.engine.audit.models import AuditEntry
from waarborg.engine.keyring.crypto import pseudonym

from .conftest import process_application


@pytest.mark.promise("S0-24", "S4-12")
def test_create_and_read_write_actor_time_pseudonym_action_and_purpose(personas: dict[str, Any]) -> None:
    # Given the assessor, at a known moment
    at = timezone.now().replace(microsecond=0) - timedelta(days=3)
    with time_machine.travel(at, tick=False):
        done = process_application(personas["assessor"].user, bsn="100023757")
    # then each step is in the log, in order, without the subject's identity in the clear
    entries = list(AuditEntry.objects.filter(subject_pseudonym=pseudonym(done.subject.pk)).order_by("id"))
    assert [e.action for e in entries] == ["subject.create", "record.create", "record.read"]
    for entry in entries:
        assert entry.actor == "anna" and entry.actor_id == done.actor.pk and entry.actor_roles == "assessor"
        assert entry.at == at
        assert entry.outcome == "ok" and entry.policy_version == 1
    assert [e.purpose for e in entries[1:]] == ["eligibility", "eligibility"]
    assert {e.record_id for e in entries[1:]} == {str(done.record.pk)}
    # and nothing personal sits in the entries themselves
    stored = " ".join(f"{e.detail} {e.subject_pseudonym} {e.record_id}" for e in entries)
    assert str(done.subject.pk) not in stored
    assert "100023757" not in stored and "Fenna" not in stored
