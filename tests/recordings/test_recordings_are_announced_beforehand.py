"""Registering a recording needs the confirmation that it was announced before the conversation started (S3-35)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from tests.recordings.conftest import START, register


def _refusals(reason: str) -> int:
    from waarborg.engine.audit.models import AuditEntry

    return AuditEntry.objects.filter(outcome="refused", reason=reason).count()


def test_an_anonymous_caller_gets_401(client_subject: Any, anonymous: Any) -> None:
    assert register(anonymous, client_subject).status_code == 401


def test_staff_without_the_role_are_refused(client_subject: Any, front_office: Any) -> None:
    assert register(front_office, client_subject).json()["reason"] == "role_not_granted"


@pytest.mark.promise("S3-35")
def test_without_the_announcement_confirmation_nothing_is_registered(client_subject: Any, consultant: Any) -> None:
    from waarborg.modules.recordings.models import Recording

    answer = register(consultant, client_subject, announced_before_start="false")

    assert answer.status_code == 403 and answer.json()["reason"] == "not_announced"
    assert not Recording.objects.exists() and _refusals("not_announced") == 1


@pytest.mark.promise("S3-35")
@pytest.mark.parametrize("after", [dt.timedelta(0), dt.timedelta(minutes=5)])
def test_an_announcement_at_or_after_the_start_is_not_beforehand(client_subject: Any, consultant: Any,
                                                                  after: dt.timedelta) -> None:
    from waarborg.modules.recordings.models import Recording

    answer = register(consultant, client_subject, announced_at=(START + after).isoformat())

    assert answer.status_code == 403 and answer.json()["reason"] == "not_announced"
    assert not Recording.objects.exists() and _refusals("not_announced") == 1


@pytest.mark.promise("S3-35")
def test_an_announced_recording_is_registered_with_its_announcement(client_subject: Any, consultant: Any) -> None:
    from waarborg.engine.audit.models import AuditEntry

    answer = register(consultant, client_subject)

    assert answer.status_code == 201, answer.content
    assert dt.datetime.fromisoformat(answer.json()["announced_at"]) == START - dt.timedelta(minutes=2)
    entry = AuditEntry.objects.get(action="recording.register")
    assert (dt.datetime.fromisoformat(entry.detail["announced_at"])
            < dt.datetime.fromisoformat(entry.detail["conversation_started_at"]))
