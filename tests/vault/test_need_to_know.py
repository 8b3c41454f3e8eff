"""Need-to-know (S4-11): on need-to-know purposes staff open only the subjects assigned to them or
their team; other subjects are refused and the attempt is logged."""

from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import make_staff
from tests.vault import factories
from waarborg.core.errors import Refused
from waarborg.engine.records.actions import record_create, record_read, records_of_subject
from waarborg.engine.vault.models import Assignment


@pytest.fixture
def registration(personas: Any, subject: Any) -> Any:
    # Registered by the platform's intake (a system job), as the website does.
    return record_create("system:intake", subject=subject, type="event_registration",
                         data=factories.REGISTRATION, purpose="events", source_kind="subject", channel="website")


@pytest.mark.promise("S4-11")
def test_a_project_leader_is_refused_a_registration_not_assigned_to_them(personas: Any, registration: Any) -> None:
    peter = personas["project_leader"].user
    with pytest.raises(Refused) as caught:
        record_read(peter, registration, "events")
    assert caught.value.reason == "not_assigned"
    entry = factories.last_entry(outcome="refused")
    assert (entry.actor, entry.action, entry.reason, entry.record_id) == (
        "peter", "read.refused", "not_assigned", str(registration.pk))


@pytest.mark.promise("S4-11")
def test_a_registration_assigned_to_the_project_leader_opens(personas: Any, registration: Any) -> None:
    peter = personas["project_leader"].user
    Assignment.objects.create(subject=registration.subject, purpose="events", user=peter)
    assert record_read(peter, registration, "events")["event"] == "Mantelzorgcafé maart"
    assert factories.last_entry(action="record.read").actor == "peter"


@pytest.mark.promise("S4-11")
def test_a_registration_assigned_to_the_team_opens_for_every_member(personas: Any, registration: Any) -> None:
    colleague, _ = make_staff("petra", ["project_leader"], team="events-north")
    Assignment.objects.create(subject=registration.subject, purpose="events", team="events-north")
    assert record_read(colleague, registration, "events")["name"] == "Joke de Vries"
    assert record_read(personas["project_leader"].user, registration, "events")


@pytest.mark.promise("S4-11")
def test_an_assignment_for_another_purpose_or_team_does_not_open_it(personas: Any, registration: Any) -> None:
    peter = personas["project_leader"].user
    Assignment.objects.create(subject=registration.subject, purpose="eligibility", user=peter)
    Assignment.objects.create(subject=registration.subject, purpose="events", team="events-south")
    with pytest.raises(Refused):
        records_of_subject(peter, registration.subject, "events")
    assert factories.last_entry(outcome="refused").reason == "not_assigned"


def test_a_privacy_officer_exports_for_an_access_request_without_an_assignment(
        personas: Any, registration: Any) -> None:
    from waarborg.engine.vault.access import check

    officer = personas["privacy_officer"].user
    check(officer, "export", "events", subject=registration.subject)
    with pytest.raises(Refused):
        check(officer, "read", "events", subject=registration.subject)


@pytest.mark.promise("S4-11")
def test_a_project_leader_cannot_assign_subjects_to_themselves(personas: Any, registration: Any) -> None:
    from waarborg.engine.caseloads.actions import assign

    peter = personas["project_leader"].user
    with pytest.raises(Refused):
        assign(peter, registration.subject, "events", user=peter)
    assert not Assignment.objects.exists()
    assign("system:intake", registration.subject, "events", team="events-north")
    assert record_read(peter, registration, "events")
    assert factories.last_entry(action="subject.assign").detail["team"] == "events-north"


def test_a_coordinator_assigns_a_subject_to_a_team_and_a_privacy_officer_may_not(
        personas: Any, registration: Any) -> None:
    from waarborg.engine.caseloads.actions import assign

    coordinator, _ = make_staff("cora", ["coordinator"])
    with pytest.raises(Refused):
        assign(personas["privacy_officer"].user, registration.subject, "events", team="events-north")
    assign(coordinator, registration.subject, "events", team="events-north")
    assert record_read(personas["project_leader"].user, registration, "events")
    assert factories.last_entry(action="subject.assign").actor == "cora"
