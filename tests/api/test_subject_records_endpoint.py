"""GET /api/v1/subjects/{id}/records: the subject's records of the named purpose, each read logged."""

from __future__ import annotations

from typing import Any

import pytest

from tests.api.conftest import refused_entry
from tests.vault import factories
from waarborg.engine.records.actions import record_create
from waarborg.engine.vault.models import Assignment


def url(subject: Any) -> str:
    return f"/api/v1/subjects/{subject.pk}/records"


def test_unauthenticated_callers_get_401(anonymous: Any, application: Any) -> None:
    assert anonymous.get(url(application.subject), HTTP_X_PURPOSE="eligibility").status_code == 401


@pytest.mark.promise("S0-07", "S4-07")
def test_a_role_without_read_access_gets_403_and_the_attempt_is_logged(personas: Any, application: Any) -> None:
    peter = personas["project_leader"]
    response = peter.get(url(application.subject), HTTP_X_PURPOSE="eligibility")
    assert response.status_code == 403 and response.json()["reason"] == "role_not_granted"
    assert refused_entry(peter).action == "read.refused"


@pytest.mark.promise("S0-05", "S0-24")
def test_only_the_records_of_the_named_purpose_are_listed_and_each_is_logged(
        personas: Any, application: Any) -> None:
    assessor = personas["assessor"]
    payout = record_create(assessor.user, subject=application.subject, type="payout", data=factories.PAYOUT,
                           purpose="payout")
    listed = assessor.get(url(application.subject), HTTP_X_PURPOSE="eligibility").json()
    assert [r["id"] for r in listed] == [str(application.pk)]
    assert listed[0]["data"]["name"] == "Joke de Vries"
    assert [r["id"] for r in assessor.get(f"{url(application.subject)}?purpose=payout").json()] == [str(payout.pk)]
    reads = factories.entries(action="record.read")
    assert [(e.record_id, e.purpose) for e in reads] == [(str(application.pk), "eligibility"),
                                                         (str(payout.pk), "payout")]
    assert [e.detail["count"] for e in factories.entries(action="record.list")] == [1, 1]


@pytest.mark.promise("S4-11")
def test_need_to_know_staff_list_only_assigned_subjects(personas: Any, subject: Any) -> None:
    record_create("system:intake", subject=subject, type="event_registration", data=factories.REGISTRATION,
                  purpose="events")
    peter = personas["project_leader"]
    response = peter.get(url(subject), HTTP_X_PURPOSE="events")
    assert response.status_code == 403 and response.json()["reason"] == "not_assigned"
    assert refused_entry(peter).reason == "not_assigned"
    Assignment.objects.create(subject=subject, purpose="events", user=peter.user)
    assert len(peter.get(url(subject), HTTP_X_PURPOSE="events").json()) == 1


def test_an_unknown_subject_gets_404(personas: Any, policy: Any) -> None:
    response = personas["assessor"].get("/api/v1/subjects/00000000-0000-0000-0000-000000000000/records",
                                        HTTP_X_PURPOSE="eligibility")
    assert response.status_code == 404


def test_without_a_purpose_the_request_is_malformed(personas: Any, application: Any) -> None:
    assert personas["assessor"].get(url(application.subject)).status_code == 400
