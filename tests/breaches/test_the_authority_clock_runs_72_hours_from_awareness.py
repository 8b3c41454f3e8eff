"""S3-20: AP deadline = awareness + 72 hours, a warning before it, overdue without a notification."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
import time_machine

from tests.breaches.conftest import register

AWARE = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)


def test_registering_a_breach_needs_a_login(anonymous: Any, policy: Any) -> None:
    response = anonymous.post("/api/v1/breaches", {"aware_at": AWARE.isoformat(), "description": "x"}, format="json")
    assert response.status_code == 401


def test_a_caseworker_cannot_register_a_breach(personas: Any) -> None:
    from waarborg.engine.audit.models import AuditEntry

    response = register(personas["caseworker"])
    assert response.status_code == 403 and response.json()["reason"] == "role_not_granted"
    assert AuditEntry.objects.filter(action="breach.create.refused", outcome="refused").count() == 1


@pytest.mark.promise("S3-20")
@time_machine.travel(datetime(2026, 3, 2, 9, 0, tzinfo=UTC), tick=False)
def test_the_authority_deadline_is_72_hours_after_awareness(officer: Any) -> None:
    response = register(officer, aware_at=AWARE.isoformat())
    assert response.status_code == 201
    assert datetime.fromisoformat(response.json()["authority_due_at"]) == datetime(2026, 3, 5, 8, 0, tzinfo=UTC)


@time_machine.travel(datetime(2026, 3, 2, 9, 0, tzinfo=UTC), tick=False)
def test_awareness_more_than_five_minutes_ahead_is_refused(officer: Any) -> None:
    response = register(officer, aware_at="2026-03-02T09:06:00+00:00")
    assert response.status_code == 422 and "aware_at" in response.json()["errors"]


@pytest.mark.promise("S3-20")
def test_the_clock_warns_before_the_deadline_and_flags_overdue_after_it(officer: Any) -> None:
    with time_machine.travel(datetime(2026, 3, 2, 9, 0, tzinfo=UTC), tick=False):
        breach_id = register(officer, aware_at=AWARE.isoformat()).json()["id"]
        state = officer.client.get(f"/api/v1/breaches/{breach_id}").json()
        assert (state["authority_state"], state["overdue"]) == ("due", False)
    # warn_before defaults to 24 hours: from 4 March 08:00 the breach is in its warning window.
    with time_machine.travel(datetime(2026, 3, 4, 8, 30, tzinfo=UTC), tick=False):
        state = officer.client.get(f"/api/v1/breaches/{breach_id}").json()
        assert (state["authority_state"], state["overdue"]) == ("warning", False)
    with time_machine.travel(datetime(2026, 3, 5, 8, 1, tzinfo=UTC), tick=False):
        state = officer.client.get(f"/api/v1/breaches/{breach_id}").json()
        assert (state["authority_state"], state["overdue"]) == ("overdue", True)
        register_rows = officer.client.get("/api/v1/breaches").json()
        assert [r["overdue"] for r in register_rows] == [True]


@pytest.mark.promise("S3-20", "S4-24")
def test_a_notification_to_the_ap_in_time_stops_the_clock(officer: Any) -> None:
    with time_machine.travel(datetime(2026, 3, 2, 9, 0, tzinfo=UTC), tick=False):
        breach_id = register(officer, aware_at=AWARE.isoformat()).json()["id"]
    with time_machine.travel(datetime(2026, 3, 4, 20, 0, tzinfo=UTC), tick=False):
        response = officer.client.post(f"/api/v1/breaches/{breach_id}/authority-notifications",
                                       {"kind": "initial", "reference": "AP-2026-123"}, format="json")
        assert response.status_code == 200
        notified_at = datetime.fromisoformat(response.json()["authority_notified_at"])
        assert notified_at == datetime(2026, 3, 4, 20, 0, tzinfo=UTC)
    with time_machine.travel(datetime(2026, 3, 9, 9, 0, tzinfo=UTC), tick=False):
        state = officer.client.get(f"/api/v1/breaches/{breach_id}").json()
        assert (state["authority_state"], state["overdue"], state["authority_reference"]) == (
            "notified", False, "AP-2026-123")


@pytest.mark.promise("S3-20")
def test_a_notification_after_the_deadline_stays_flagged_as_late(officer: Any) -> None:
    with time_machine.travel(datetime(2026, 3, 2, 9, 0, tzinfo=UTC), tick=False):
        breach_id = register(officer, aware_at=AWARE.isoformat()).json()["id"]
    with time_machine.travel(datetime(2026, 3, 6, 9, 0, tzinfo=UTC), tick=False):
        officer.client.post(f"/api/v1/breaches/{breach_id}/authority-notifications", {}, format="json")
        state = officer.client.get(f"/api/v1/breaches/{breach_id}").json()
    assert (state["authority_state"], state["overdue"]) == ("notified_late", True)
