"""The answer is due four weeks after receipt; an open request is overdue on day 29."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import time_machine

from tests.rights.conftest import file_request, verified_request
from waarborg.engine.rights.actions import overdue
from waarborg.engine.rights.models import Request

RECEIVED = datetime(2026, 2, 2, 10, 0, tzinfo=UTC)


def _filed(officer: Any, subject: Any) -> str:
    with time_machine.travel(RECEIVED, tick=False):
        answer = file_request(officer, subject, received_at=RECEIVED.isoformat())
    assert answer.status_code == 201
    assert datetime.fromisoformat(answer.data["due_at"]) == datetime(2026, 3, 2, 10, 0, tzinfo=UTC)
    return str(answer.data["id"])


@pytest.mark.promise("S1-27")
def test_a_request_still_open_on_day_29_is_on_the_overdue_list(personas: dict[str, Any], anna: Any) -> None:
    officer = personas["privacy_officer"]
    request_id = _filed(officer, anna)
    # on day 28 (received + 27 days) it is not overdue
    with time_machine.travel(RECEIVED + timedelta(days=27), tick=False):
        assert officer.get("/api/v1/requests?overdue=1").json() == []
        assert not overdue().exists()
    # on day 29 it is
    with time_machine.travel(RECEIVED + timedelta(days=28, hours=1), tick=False):
        listed = officer.get("/api/v1/requests?overdue=1").json()
        assert [(r["id"], r["overdue"]) for r in listed] == [(request_id, True)]
        assert [str(r.pk) for r in overdue()] == [request_id]


@pytest.mark.promise("S1-27")
def test_answering_stores_the_response_date_and_takes_the_request_off_the_overdue_list(
        personas: dict[str, Any], anna: Any) -> None:
    officer = personas["privacy_officer"]
    with time_machine.travel(RECEIVED, tick=False):
        request_id = verified_request(officer, anna)
    answered_on = RECEIVED + timedelta(days=20)
    with time_machine.travel(answered_on, tick=False):
        assert officer.post(f"/api/v1/requests/{request_id}/answer", {}, format="json").status_code == 200
    with time_machine.travel(RECEIVED + timedelta(days=40), tick=False):
        assert officer.get("/api/v1/requests?overdue=1").json() == []
        closed = officer.post(f"/api/v1/requests/{request_id}/close", {}, format="json").json()
    assert datetime.fromisoformat(closed["answered_at"]) == answered_on
    assert closed["status"] == "closed"
    assert [s["status"] for s in closed["steps"]] == ["received", "awaiting_identification", "in_progress",
                                                      "answered", "closed"]


def test_an_extension_with_a_reason_moves_the_deadline_and_tells_the_subject(
        personas: dict[str, Any], anna: Any) -> None:
    officer = personas["privacy_officer"]
    request_id = _filed(officer, anna)
    with time_machine.travel(RECEIVED + timedelta(days=10), tick=False):
        answer = officer.post(f"/api/v1/requests/{request_id}/extend",
                              {"reason": "Complex verzoek over drie jaar dossiers", "by": "P1M"}, format="json")
    assert answer.status_code == 200
    body = answer.json()
    # one month on the Dutch calendar: 11:00 winter time becomes 11:00 summer time
    assert datetime.fromisoformat(body["due_at"]) == datetime(2026, 4, 2, 9, 0, tzinfo=UTC)
    assert "Complex verzoek" in body["notice"]["nl"] and "02-04-2026" in body["notice"]["nl"]
    assert "autoriteitpersoonsgegevens.nl" in body["notice"]["nl"]
    req = Request.objects.get(pk=request_id)
    assert req.subject_told_at == RECEIVED + timedelta(days=10) <= req.first_due_at
    # and on day 29 it is no longer overdue
    with time_machine.travel(RECEIVED + timedelta(days=29), tick=False):
        assert not overdue().exists()


def test_an_extension_needs_a_reason_stays_within_the_maximum_and_happens_only_once(
        personas: dict[str, Any], anna: Any) -> None:
    officer = personas["privacy_officer"]
    request_id = _filed(officer, anna)
    url = f"/api/v1/requests/{request_id}/extend"
    with time_machine.travel(RECEIVED + timedelta(days=1), tick=False):
        assert "reason" in officer.post(url, {"reason": " "}, format="json").json()["errors"]
        assert "by" in officer.post(url, {"reason": "druk", "by": "P3M"}, format="json").json()["errors"]
        assert officer.post(url, {"reason": "druk"}, format="json").status_code == 200
        assert officer.post(url, {"reason": "nog drukker"}, format="json").status_code == 409
    assert Request.objects.get(pk=request_id).due_at == datetime(2026, 5, 2, 9, 0, tzinfo=UTC)  # + P2M


def test_an_extension_after_the_first_period_is_refused(personas: dict[str, Any], anna: Any) -> None:
    officer = personas["privacy_officer"]
    request_id = _filed(officer, anna)
    with time_machine.travel(RECEIVED + timedelta(days=29), tick=False):
        answer = officer.post(f"/api/v1/requests/{request_id}/extend", {"reason": "te laat"}, format="json")
    assert answer.status_code == 409
    assert Request.objects.get(pk=request_id).extended_at is None
