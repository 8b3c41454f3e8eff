"""POST events under ikzorginassen's shipped policy: the policy says who may report which event.

- `edition_closed` is organisation-wide (it adds a date to the award calendar and moves every application's
  clock): only the coordinator, the role in its `posted_by`, may report it; names no subject or record.
- `event_finished` is about one registration: only a project leader (its `posted_by`) who has the registrant in
  their caseload (need-to-know on `events`).
- Unknown names, the platform's own `consent_withdrawn`, and a per-subject event without a subject are 422.
Every refusal is 403 with a reason and an audit entry; nothing is recorded then."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from tests.conftest import Persona, make_staff
from waarborg.engine.audit.models import AuditEntry
from waarborg.engine.caseloads.actions import assign
from waarborg.engine.retention.models import Event
from waarborg.engine.vault.models import Record

CLOSED = {"name": "edition_closed", "at": "2026-11-30T23:00:00+01:00"}


@pytest.fixture
def coordinator(personas: dict[str, Persona]) -> Persona:
    return Persona(*make_staff("cor", ["coordinator"]))


@pytest.fixture
def registration(personas: dict[str, Persona]) -> Record:
    """A registration for a meeting, stored by the project leader whose team has the registrant."""
    from waarborg.engine.records.actions import record_create, subject_create

    subject = subject_create("system:intake")
    assign("system:intake", subject, "events", team="events-north")
    return record_create(personas["project_leader"].user, subject=subject, type="event_registration",
                         data={"event": "Mantelzorgcafé 12 maart", "name": "Fenna Smit", "email": "fenna@example.nl"},
                         purpose="events", channel="website")


def _refused(reason: str = "role_not_granted") -> int:
    return AuditEntry.objects.filter(action="retention.event.refused", outcome="refused", reason=reason).count()


def test_unauthenticated_is_401(anonymous: Any, policy: Any) -> None:
    assert anonymous.post("/api/v1/events", CLOSED, format="json").status_code == 401
    assert not Event.objects.exists()


@pytest.mark.promise("S0-29")
def test_the_coordinator_reports_an_edition_closing(coordinator: Persona) -> None:
    answer = coordinator.post("/api/v1/events", CLOSED, format="json")
    assert answer.status_code == 201, answer.content
    assert answer.json()["name"] == "edition_closed" and answer.json()["subject"] is None
    event = Event.objects.get()
    assert event.created_by == coordinator.user and event.subject_id is None and event.record_id is None


def test_no_other_role_may_report_an_edition_closing(personas: dict[str, Persona]) -> None:
    for name in ("assessor", "privacy_officer", "project_leader", "outsider"):
        answer = personas[name].post("/api/v1/events", CLOSED, format="json")
        assert answer.status_code == 403 and answer.json()["reason"] == "role_not_granted"
        assert "coordinator" in answer.json()["detail"]
    assert _refused() == 4 and not Event.objects.exists()


def test_an_organisation_wide_event_names_no_subject(coordinator: Persona, registration: Record) -> None:
    answer = coordinator.post("/api/v1/events", {**CLOSED, "subject": str(registration.subject_id)}, format="json")
    assert answer.status_code == 422 and "subject" in answer.json()["errors"]


@pytest.mark.parametrize("name", ["party_started", "consent_withdrawn"])
def test_an_event_the_policy_does_not_declare_is_422(coordinator: Persona, name: str) -> None:
    answer = coordinator.post("/api/v1/events", {"name": name, "at": "2026-11-30T12:00:00Z"}, format="json")
    assert answer.status_code == 422 and "edition_closed" in answer.json()["errors"]["name"][0]
    assert not Event.objects.exists()


def test_a_time_more_than_five_minutes_ahead_is_422(coordinator: Persona) -> None:
    ahead = (timezone.now() + timedelta(minutes=6)).isoformat()
    answer = coordinator.post("/api/v1/events", {"name": "edition_closed", "at": ahead}, format="json")
    assert answer.status_code == 422 and "at" in answer.json()["errors"]


@pytest.mark.parametrize("body", [{"at": "2025-11-30T12:00:00Z"}, {"name": "Edition Closed", "at": "2025-11-30T12:00:00Z"},
                                  {"name": "edition_closed"},
                                  {"name": "event_finished", "at": "2025-11-30T12:00:00Z",
                                   "record": "7d0f6a4e-0000-4000-8000-000000000000"}])
def test_a_malformed_event_is_422(coordinator: Persona, body: dict[str, Any]) -> None:
    answer = coordinator.post("/api/v1/events", body, format="json")
    assert answer.status_code == 422 and answer.json()["errors"]


def test_an_event_about_one_person_without_a_subject_is_422(personas: dict[str, Persona]) -> None:
    answer = personas["project_leader"].post("/api/v1/events", {"name": "event_finished",
                                                                "at": "2026-03-20T10:00:00+01:00"}, format="json")
    assert answer.status_code == 422 and "subject" in answer.json()["errors"]
    assert not Event.objects.exists()


@pytest.mark.promise("S0-12")
def test_the_project_leader_with_the_case_marks_the_meeting_finished(personas: dict[str, Persona],
                                                                     registration: Record) -> None:
    answer = personas["project_leader"].post("/api/v1/events", {
        "name": "event_finished", "record": str(registration.pk), "at": "2026-03-20T10:00:00+01:00"}, format="json")
    assert answer.status_code == 201, answer.content
    assert answer.json()["clocks_changed"] == 1 and answer.json()["subject"] == str(registration.subject_id)
    registration.refresh_from_db()
    assert registration.expires_at is not None and registration.expires_at <= timezone.now()


def test_roles_without_the_case_or_the_purpose_are_refused(personas: dict[str, Persona], registration: Record) -> None:
    body = {"name": "event_finished", "record": str(registration.pk), "at": "2026-03-20T10:00:00+01:00"}
    # another project leader, whose team does not have the registrant
    other = Persona(*make_staff("paula", ["project_leader"], team="events-south"))
    answer = other.post("/api/v1/events", body, format="json")
    assert answer.status_code == 403 and answer.json()["reason"] == "not_assigned"
    # roles the policy does not name for this event
    for name in ("assessor", "caseworker", "privacy_officer"):
        answer = personas[name].post("/api/v1/events", body, format="json")
        assert answer.status_code == 403 and answer.json()["reason"] == "role_not_granted"
    assert _refused("not_assigned") == 1 and _refused() == 3
    assert not Event.objects.exists()
    registration.refresh_from_db()
    assert registration.expires_at is None
