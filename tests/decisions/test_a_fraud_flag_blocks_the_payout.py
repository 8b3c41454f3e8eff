"""S0-10: a suspected-fraud flag blocks every payout until a person clears it; the applicant can talk."""

from __future__ import annotations

from typing import Any

import pytest
from rest_framework.test import APIClient

from tests.conftest import Persona, make_staff
from tests.decisions.conftest import application, audit, decide, pay, payout_record


def flag(persona: Any, record: Any, kind: str = "suspected_fraud", reason: str = "Zelfde IBAN bij 4 aanvragen") -> Any:
    return persona.client.post("/api/v1/decisions/flags", {"record": str(record.pk), "kind": kind, "reason": reason},
                               format="json")


def test_flagging_needs_a_login(anonymous: Any, personas: Any) -> None:
    case = application(personas["assessor"].user)
    response = anonymous.post("/api/v1/decisions/flags", {"record": str(case.pk), "kind": "suspected_fraud",
                                                          "reason": "x"}, format="json")
    assert response.status_code == 401


def test_staff_outside_the_purpose_cannot_flag(personas: Any) -> None:
    case = application(personas["assessor"].user)
    response = flag(personas["outsider"], case)
    assert response.status_code == 403 and response.json()["reason"] == "role_not_granted"


@pytest.mark.promise("S0-10")
def test_a_flagged_application_is_not_paid_until_a_person_clears_the_flag(personas: Any) -> None:
    from waarborg.engine.decisions.models import Payout

    assessor = personas["assessor"]
    case = application(assessor.user)
    payout = payout_record(assessor.user, case)
    assert decide(assessor, case).status_code == 201
    raised = flag(assessor, case)
    assert raised.status_code == 201

    for _ in range(2):  # every attempt is refused, and each refusal is logged
        response = pay(assessor, case, payout)
        assert response.status_code == 403 and response.json()["reason"] == "payout_blocked"
        assert "suspected_fraud" in response.json()["detail"]
    assert Payout.objects.count() == 0 and len(audit("payout.refused", "refused")) == 2

    alone = assessor.client.post(f"/api/v1/decisions/flags/{raised.json()['id']}/clear",
                                 {"reasoning": "Zelf nagekeken"}, format="json")
    assert alone.status_code == 403 and alone.json()["reason"] == "separation_of_duties"  # four eyes
    assert len(audit("decision.flag_clear.refused", "refused")) == 1
    colleague = Persona(*make_staff("alex", ["assessor"]))
    cleared = colleague.client.post(f"/api/v1/decisions/flags/{raised.json()['id']}/clear",
                                    {"reasoning": "IBAN hoort bij een stichting die voor vier mantelzorgers betaalt"},
                                    format="json")
    assert cleared.status_code == 200 and cleared.json()["cleared_by"] == "alex"
    assert pay(assessor, case, payout).status_code == 201
    assert [len(audit("decision.flag")), len(audit("decision.flag_clear")), len(audit("payout.execute"))] == [1, 1, 1]


@pytest.mark.promise("S0-10")
def test_a_job_cannot_clear_a_flag(personas: Any) -> None:
    from waarborg.core.errors import Refused
    from waarborg.engine.decisions import actions

    case = application(personas["assessor"].user)
    raised = actions.flag_raise("system:fraud-check", case, kind="suspected_fraud", reason="Adres komt 6x voor")
    with pytest.raises(Refused) as refused:
        actions.flag_clear("system:fraud-check", raised, reasoning="auto")
    assert refused.value.reason == "human_decision_required"
    raised.refresh_from_db()
    assert raised.cleared_at is None and len(audit("decision.flag_clear.refused", "refused")) == 1


def test_only_a_decider_clears_a_flag(personas: Any) -> None:
    case = application(personas["assessor"].user)
    raised = flag(personas["assessor"], case).json()
    response = personas["caseworker"].client.post(f"/api/v1/decisions/flags/{raised['id']}/clear",
                                                  {"reasoning": "ok"}, format="json")
    assert response.status_code == 403 and response.json()["reason"] == "role_not_granted"


@pytest.mark.promise("S0-10")
def test_the_applicant_can_open_a_conversation_about_the_flag(personas: Any) -> None:
    from waarborg.engine.accounts.models import User

    assessor = personas["assessor"]
    case = application(assessor.user)
    raised = flag(assessor, case).json()
    citizen = User.objects.create(username="jan", kind=User.Kind.CITIZEN, subject=case.subject)
    client = APIClient()
    client.force_authenticate(citizen)
    response = client.post("/api/v1/decisions/conversations",
                           {"record": str(case.pk), "flag": raised["id"],
                            "message": "Ik wil graag uitleggen waarom het IBAN vaker voorkomt."}, format="json")
    assert response.status_code == 201 and response.json()["flag"] == raised["id"]

    view = assessor.client.get(f"/api/v1/decisions/cases/{case.pk}").json()
    assert view["blocked"] is True
    assert [(c["opened_by"], c["message"][:14]) for c in view["conversations"]] == [("jan", "Ik wil graag u")]
    [entry] = audit("decision.conversation")
    assert "IBAN" not in str(entry.detail)


def test_someone_else_cannot_open_a_conversation_on_a_case(personas: Any) -> None:
    from waarborg.engine.accounts.models import User
    from waarborg.engine.records.actions import subject_create

    case = application(personas["assessor"].user)
    stranger = User.objects.create(username="kees", kind=User.Kind.CITIZEN,
                                   subject=subject_create(personas["assessor"].user))
    client = APIClient()
    client.force_authenticate(stranger)
    response = client.post("/api/v1/decisions/conversations", {"record": str(case.pk), "message": "hallo"},
                           format="json")
    assert response.status_code == 403 and response.json()["reason"] == "role_not_granted"
