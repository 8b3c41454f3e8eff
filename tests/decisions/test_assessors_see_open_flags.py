"""S0-10, S1-17: what software flagged waits in a list for a person; the subject can appeal a decision."""

from __future__ import annotations

from typing import Any

import pytest
from rest_framework.test import APIClient

from tests.decisions.conftest import application, decide


def test_the_flag_list_needs_a_login(anonymous: Any, policy: Any) -> None:
    assert anonymous.get("/api/v1/decisions/flags").status_code == 401


def test_staff_without_cases_cannot_list_flags(personas: Any) -> None:
    response = personas["caseworker"].client.get("/api/v1/decisions/flags")
    assert response.status_code == 403 and response.json()["reason"] == "role_not_granted"


@pytest.mark.promise("S1-17", "S0-10")
def test_flags_raised_by_jobs_wait_for_an_assessor_until_cleared(personas: Any) -> None:
    from waarborg.engine.decisions import actions

    assessor = personas["assessor"]
    first, second = application(assessor.user), application(assessor.user)
    actions.flag_raise("system:verification", first, kind="human_decision_required",
                       reason="Verificatiemail 3x onbeantwoord")
    cleared = actions.flag_raise("system:fraud-check", second, kind="suspected_fraud", reason="Dubbel IBAN")
    actions.flag_clear(assessor.user, cleared, reasoning="Echtpaar met gezamenlijke rekening")

    open_list = assessor.client.get("/api/v1/decisions/flags").json()
    assert [(f["record"], f["kind"], f["raised_by"]) for f in open_list] == [
        (str(first.pk), "human_decision_required", "system:verification")]
    everything = assessor.client.get("/api/v1/decisions/flags?all=1").json()
    assert [f["cleared_by"] for f in everything] == [None, "anna"]


@pytest.mark.promise("S0-10")
def test_the_applicant_can_appeal_a_rejection(personas: Any) -> None:
    from waarborg.engine.accounts.models import User

    assessor = personas["assessor"]
    case = application(assessor.user)
    decide(assessor, case, "rejected", "Minder dan 8 uur zorg per week")
    citizen = User.objects.create(username="jan", kind=User.Kind.CITIZEN, subject=case.subject)
    client = APIClient()
    client.force_authenticate(citizen)
    response = client.post("/api/v1/decisions/conversations",
                           {"record": str(case.pk), "kind": "appeal", "message": "Ik zorg 12 uur per week."},
                           format="json")
    assert response.status_code == 201 and response.json()["kind"] == "appeal"
    view = client.get(f"/api/v1/decisions/cases/{case.pk}").json()
    assert view["outcome"] == "rejected" and [c["kind"] for c in view["conversations"]] == ["appeal"]
