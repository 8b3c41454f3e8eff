"""A pending access or erasure request holds the subject's data (reason `rights_request`): the
sweep does not delete what the answer needs. The hold goes when the request is answered or closed."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import time_machine

from tests.rights.conftest import ALL_REDACTIONS, audit, colleague, file_request
from waarborg.engine.records.actions import record_create, subject_create
from waarborg.engine.retention.models import Hold
from waarborg.engine.retention.sweep import sweep_expired
from waarborg.engine.vault.models import Record

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def at(year: int, month: int, day: int) -> datetime:
    return datetime(year, month, day, 12, tzinfo=AMSTERDAM)


def _ticket(personas: dict[str, Any]) -> Record:
    helpdesk = personas["caseworker"].user
    with time_machine.travel(at(2026, 1, 5), tick=False):
        subject = subject_create(helpdesk)
        return record_create(helpdesk, subject=subject, type="helpdesk_ticket", purpose="helpdesk",
                             data={"question": "Waar blijft mijn uitbetaling?"})


def _sweep(when: datetime) -> Any:
    with time_machine.travel(when, tick=False):
        return sweep_expired()


@pytest.mark.parametrize("kind", ["access", "erasure"])
def test_a_pending_request_keeps_expired_data_until_it_is_answered(personas: dict[str, Any], kind: str) -> None:
    officer = personas["privacy_officer"]
    ticket = _ticket(personas)  # kept 12 months: until 5 January 2027
    # given a request filed in December (by a colleague), before the ticket expires
    with time_machine.travel(at(2026, 12, 20), tick=False):
        request_id = file_request(colleague(officer), ticket.subject, kind, "email").data["id"]
    [hold] = Hold.objects.filter(subject=ticket.subject, released_at=None)
    assert hold.reason == "rights_request" and request_id in hold.justification
    # when the sweep runs after the ticket's expiry, the ticket stays: the answer needs it
    _sweep(at(2027, 1, 10))
    assert Record.objects.filter(pk=ticket.pk).exists()
    # when the request is answered (access) or refused (erasure, e.g. identity never proven)
    with time_machine.travel(at(2027, 1, 12), tick=False):
        officer.post(f"/api/v1/requests/{request_id}/verify", {"method": "id_copy", "redactions": ALL_REDACTIONS},
                     format="json")
        if kind == "access":
            done = officer.post(f"/api/v1/requests/{request_id}/answer", {}, format="json")
        else:
            done = officer.post(f"/api/v1/requests/{request_id}/reject", {"nl": "Niet gevonden."}, format="json")
        assert done.status_code == 200
    # then the hold is released and the next sweep deletes the ticket
    hold.refresh_from_db()
    assert hold.released_at is not None
    assert [e.actor for e in audit("retention.hold_release")] == ["system:rights"]
    _sweep(at(2027, 1, 13))
    assert not Record.objects.filter(pk=ticket.pk).exists()


def test_a_complaint_places_no_hold(personas: dict[str, Any], anna: Any) -> None:
    assert file_request(personas["privacy_officer"], anna, "complaint").status_code == 201
    assert not Hold.objects.exists()
