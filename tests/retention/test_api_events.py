"""POST events: who may record them, what is refused, and that dependent clocks move."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from tests.retention.conftest import at
from waarborg.audit.models import AuditEntry
from waarborg.retention.models import Event


def test_unauthenticated_is_401(anonymous: Any, policy: Any) -> None:
    answer = anonymous.post("/api/v1/events", {"name": "edition_closed", "at": "2025-11-30T12:00:00Z"}, format="json")
    assert answer.status_code == 401 and not Event.objects.exists()


def test_a_staff_member_without_any_write_right_is_refused_and_logged(personas: Any) -> None:
    answer = personas["outsider"].post("/api/v1/events", {"name": "edition_closed", "at": "2025-11-30T12:00:00Z"},
                                       format="json")
    assert answer.status_code == 403 and answer.json()["reason"] == "role_not_granted"
    assert not Event.objects.exists()
    assert AuditEntry.objects.filter(action="retention.event.refused", outcome="refused").count() == 1


def test_a_time_more_than_five_minutes_ahead_is_422(personas: Any) -> None:
    ahead = (timezone.now() + timedelta(minutes=6)).isoformat()
    answer = personas["assessor"].post("/api/v1/events", {"name": "edition_closed", "at": ahead}, format="json")
    assert answer.status_code == 422 and "at" in answer.json()["errors"]
    assert not Event.objects.exists()


@pytest.mark.parametrize("body", [{"at": "2025-11-30T12:00:00Z"}, {"name": "Edition Closed", "at": "2025-11-30T12:00:00Z"},
                                  {"name": "edition_closed"},
                                  {"name": "service_ended", "at": "2025-11-30T12:00:00Z",
                                   "subject": "7d0f6a4e-0000-4000-8000-000000000000"}])
def test_a_malformed_event_is_422(personas: Any, body: dict[str, Any]) -> None:
    answer = personas["privacy_officer"].post("/api/v1/events", body, format="json")
    assert answer.status_code == 422 and answer.json()["errors"]


def test_an_event_on_a_subject_recomputes_only_that_subjects_clocks(make: Any, personas: Any) -> None:
    mine = make.record("newsletter_subscription", at(2024, 1, 1))
    other = make.record("newsletter_subscription", at(2024, 1, 1))
    answer = personas["assessor"].post("/api/v1/events", {
        "name": "consent_withdrawn", "at": "2026-01-05T09:00:00+01:00", "subject": str(mine.subject_id),
        "attributes": {"channel": "unsubscribe_link"}}, format="json")
    assert answer.status_code == 201
    body = answer.json()
    assert body["name"] == "consent_withdrawn" and body["subject"] == str(mine.subject_id)
    assert body["clocks_changed"] == 1
    mine.refresh_from_db()
    other.refresh_from_db()
    assert mine.expires_at == at(2026, 1, 5, 9) and other.expires_at is None
    event = Event.objects.get()
    assert event.attributes == {"channel": "unsubscribe_link"} and event.created_by == personas["assessor"].user
    logged = AuditEntry.objects.get(action="retention.event")
    assert logged.detail["event"] == "consent_withdrawn" and logged.detail["clocks_changed"] == 1
