"""S0-11: registrations are shared with the event's project leader, who keeps track of participants and marks
who attended; other roles and project leaders of other events get 403, and every access is logged."""

from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import Persona, make_staff
from waarborg.engine.audit.models import AuditEntry
from waarborg.engine.caseloads.actions import assign
from waarborg.engine.keyring.crypto import pseudonym
from waarborg.engine.records.actions import record_create, subject_create

REGISTRATION = {"event": "Mantelzorgcafé 12 maart", "name": "Fenna Smit", "email": "fenna@example.nl"}


@pytest.fixture
def registrant(personas: dict[str, Persona]) -> Any:
    # the intake (website form) registers Fenna and assigns her to the team running the event
    subject = subject_create("system:intake")
    assign("system:intake", subject, "events", team="events-north")
    record = record_create(personas["project_leader"].user, subject=subject, type="event_registration",
                           data=REGISTRATION, purpose="events", channel="website")
    return subject, record


@pytest.mark.promise("S0-11")
def test_the_project_leader_of_the_event_lists_registrants_and_marks_attendance(
        personas: dict[str, Persona], registrant: Any) -> None:
    subject, record = registrant
    leader = personas["project_leader"]
    listing = leader.get(f"/api/v1/subjects/{subject.pk}/records", {"purpose": "events"})
    assert listing.status_code == 200
    assert [r["data"]["name"] for r in listing.json()] == ["Fenna Smit"]
    marked = leader.patch(f"/api/v1/records/{record.pk}", {"data": {"attended": True}}, format="json",
                          HTTP_X_PURPOSE="events")
    assert marked.status_code == 200
    reads = AuditEntry.objects.filter(action__startswith="record.", actor="peter", outcome="ok",
                                      subject_pseudonym=pseudonym(subject.pk))
    assert reads.filter(purpose="events").count() >= 2


@pytest.mark.promise("S0-11")
def test_other_roles_and_other_project_leaders_are_refused(personas: dict[str, Persona], registrant: Any) -> None:
    subject, record = registrant
    other_user, other_key = make_staff("paula", ["project_leader"], team="events-south")
    other = Persona(other_user, other_key)
    assert other.get(f"/api/v1/records/{record.pk}", {"purpose": "events"}).json()["reason"] == "not_assigned"
    caseworker = personas["caseworker"].get(f"/api/v1/records/{record.pk}", {"purpose": "events"})
    assert caseworker.status_code == 403 and caseworker.json()["reason"] == "role_not_granted"
    assert personas["assessor"].get(f"/api/v1/subjects/{subject.pk}/records",
                                    {"purpose": "events"}).status_code == 403
    refused = AuditEntry.objects.filter(outcome="refused", subject_pseudonym=pseudonym(subject.pk))
    assert {e.actor for e in refused} >= {"paula", "carl"}
