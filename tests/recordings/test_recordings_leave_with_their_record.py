"""A stored recording is part of its vault record: when retention deletes the record, the bytes go too."""

from __future__ import annotations

import datetime as dt
from typing import Any

import time_machine

from tests.recordings.conftest import AUDIO, START, give_consent, register


def test_the_sweep_deletes_the_recording_with_its_expired_record(client_subject: Any, consultant: Any) -> None:
    from waarborg.engine.retention.sweep import sweep_expired
    from waarborg.engine.vault.models import Record
    from waarborg.modules.recordings.models import Recording

    give_consent(client_subject)
    recording_id = register(consultant, client_subject, file=AUDIO).json()["id"]
    record = Record.objects.get(type="recording")
    assert record.expires_at is not None and record.expires_at <= START + dt.timedelta(days=367)

    with time_machine.travel(START + dt.timedelta(days=200), tick=False):
        sweep_expired()
    assert Recording.objects.filter(pk=recording_id).exists()  # within the year: kept

    with time_machine.travel(START + dt.timedelta(days=367), tick=False):
        sweep_expired()

    assert not Record.objects.filter(pk=record.pk).exists()
    assert not Recording.objects.filter(pk=recording_id).exists()


def test_the_facts_of_a_recording_are_shown_to_the_assigned_case_manager_only(
        client_subject: Any, consultant: Any, other_consultant: Any, anonymous: Any) -> None:
    from waarborg.engine.audit.models import AuditEntry

    recording_id = register(consultant, client_subject).json()["id"]
    url = f"/api/v1/recordings/{recording_id}"

    assert anonymous.get(url, {"purpose": "recordings"}).status_code == 401
    assert other_consultant.get(url, {"purpose": "recordings"}).json()["reason"] == "not_assigned"
    answer = consultant.get(url, {"purpose": "recordings"})

    assert answer.status_code == 200 and answer.json()["made_by"] == "client" and answer.json()["stored"] is False
    assert AuditEntry.objects.filter(action="recording.view", actor="karin").count() == 1
