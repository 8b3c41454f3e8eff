"""S0-40, S1-17: a case becomes granted or rejected only by a person with the deciding role."""

from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import Persona, activate_example, make_staff
from tests.decisions.conftest import APPLICATION, application, audit, decide


def test_deciding_needs_a_login(anonymous: Any, personas: Any) -> None:
    case = application(personas["assessor"].user)
    response = anonymous.post("/api/v1/decisions", {"record": str(case.pk), "outcome": "granted",
                                                    "reasoning": "ok"}, format="json")
    assert response.status_code == 401


@pytest.mark.promise("S0-40")
def test_staff_without_the_deciding_role_are_refused(personas: Any) -> None:
    case = application(personas["assessor"].user)
    for name in ("caseworker", "privacy_officer"):
        response = decide(personas[name], case)
        assert response.status_code == 403 and response.json()["reason"] == "role_not_granted"
    assert len(audit("decision.set.refused", "refused")) == 2


@pytest.mark.promise("S0-40", "S1-17")
def test_an_assessor_grants_with_reasoning_and_is_recorded_as_reviewer(personas: Any) -> None:
    from waarborg.engine.decisions.models import Decision

    assessor = personas["assessor"]
    case = application(assessor.user)
    response = decide(assessor, case, "granted", "Mantelzorg van meer dan 8 uur per week aangetoond")
    assert response.status_code == 201
    assert (response.json()["outcome"], response.json()["decided_by"]) == ("granted", "anna")
    decision = Decision.objects.get()
    assert decision.decided_by == assessor.user and decision.reasoning.startswith("Mantelzorg")
    [entry] = audit("decision.set")
    assert entry.actor == "anna" and entry.detail["reviewer"] == assessor.user.pk
    case_view = assessor.client.get(f"/api/v1/decisions/cases/{case.pk}").json()
    assert case_view["outcome"] == "granted"


def test_a_decision_without_reasoning_is_invalid(personas: Any) -> None:
    case = application(personas["assessor"].user)
    response = decide(personas["assessor"], case, "rejected", "   ")
    assert response.status_code == 422 and "reasoning" in response.json()["errors"]


@pytest.mark.promise("S0-40", "S1-17")
def test_a_service_token_cannot_decide_even_with_the_deciding_role(policy: Any, personas: Any) -> None:
    from waarborg.engine.accounts.actions import staff_create
    from waarborg.engine.decisions.models import Decision

    user, _, key = staff_create("checker", ["assessor"], service=True)
    assert key is not None
    service = Persona(user, key)
    case = application(personas["assessor"].user)
    response = decide(service, case)
    assert response.status_code == 403 and response.json()["reason"] == "human_decision_required"
    assert Decision.objects.count() == 0 and len(audit("decision.set.refused", "refused")) == 1

    flagged = service.client.post("/api/v1/decisions/flags", {"record": str(case.pk), "kind": "human_decision_required",
                                                              "reason": "Uren wijken af van vorig jaar"}, format="json")
    assert flagged.status_code == 201 and flagged.json()["raised_by"] == "checker"


@pytest.mark.promise("S0-40", "S1-17")
def test_a_job_can_only_flag_never_decide(personas: Any) -> None:
    from waarborg.core.errors import Refused
    from waarborg.engine.decisions import actions
    from waarborg.engine.decisions.models import Decision, Flag

    case = application(personas["assessor"].user)
    with pytest.raises(Refused) as refused:
        actions.decision_set("system:verification", case, outcome="rejected", reasoning="no answer to mails")
    assert refused.value.reason == "human_decision_required"
    flag = actions.flag_raise("system:verification", case, kind="human_decision_required",
                              reason="Verificatiemails onbeantwoord")
    assert Decision.objects.count() == 0 and Flag.objects.get() == flag and flag.raised_by == "system:verification"
    assert len(audit("decision.flag")) == 1


def test_a_record_outside_a_human_decision_purpose_is_not_a_case(db: Any) -> None:
    from waarborg.engine.records.actions import record_create, subject_create

    # Given the sociale kaart's privacy officer, who may `decide` on privacy requests, which are no cases
    activate_example("socialekaart")
    officer = Persona(*make_staff("pia", ["privacy_officer"]))
    subject = subject_create(officer.user)
    request = record_create(officer.user, subject=subject, type="privacy_request", purpose="privacy_requests",
                            data={"type": "access", "email": "iemand@example.nl"})
    # When they "decide" on one, then the policy says no: 403 not_a_case, on record
    response = decide(officer, request)
    assert response.status_code == 403 and response.json()["reason"] == "not_a_case"
    assert len(audit("decision.set.refused", "refused")) == 1


@pytest.mark.promise("S0-40", "S1-17")
def test_no_job_or_service_can_write_a_final_outcome(policy: Any, personas: Any) -> None:
    from waarborg.core.errors import Refused
    from waarborg.engine.accounts.actions import staff_create
    from waarborg.engine.records.actions import record_create, subject_create
    from waarborg.engine.vault.models import Record

    service, _, _ = staff_create("importer", ["assessor"], service=True)
    subject = subject_create(personas["assessor"].user)
    for actor in ("system:import", service):
        with pytest.raises(Refused) as refused:
            record_create(actor, subject=subject, type="application", purpose="eligibility",
                          data={**APPLICATION, "status": "granted"})
        assert refused.value.reason == "human_decision_required"
    assert Record.objects.count() == 0 and len(audit("write.refused", "refused")) == 2

    submitted = record_create("system:import", subject=subject, type="application", purpose="eligibility",
                              data={**APPLICATION, "status": "submitted"})
    assert submitted.plain["status"] == "submitted"


@pytest.mark.promise("S0-40")
def test_an_assessor_entering_the_outcome_is_a_recorded_human_decision(personas: Any) -> None:
    from waarborg.engine.records.actions import record_create, subject_create

    assessor = personas["assessor"].user
    record = record_create(assessor, subject=subject_create(assessor), type="application", purpose="eligibility",
                           data={**APPLICATION, "status": "granted"})
    assert record.created_by == assessor and record.plain["status"] == "granted"


@pytest.mark.promise("S0-40")
def test_the_decision_is_what_marks_the_application_granted(personas: Any) -> None:
    from tests.vault.stored import record_data

    assessor = personas["assessor"]
    case = application(assessor.user)
    decide(assessor, case, "rejected", "Zorgvrager woont niet in Assen")
    case.refresh_from_db()
    assert record_data(case)["status"] == "rejected"
