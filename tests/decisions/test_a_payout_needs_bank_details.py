"""S0-09: a payout needs the IBAN and the account holder's name; without them there is no payout."""

from __future__ import annotations

from typing import Any

import pytest

from tests.decisions.conftest import application, audit, decide, pay, payout_record


def without(record: Any, field: str) -> Any:
    """Given a payout record whose bank detail went missing (imported from an older system)."""
    from tests.vault.stored import record_data
    from waarborg.engine.vault import keys
    from waarborg.engine.vault.models import Record

    data = {k: v for k, v in record_data(record).items() if k in ("iban", "account_holder") and k != field}
    Record.objects.filter(pk=record.pk).update(sealed=keys.seal(record.subject, data, f"record:{record.pk}"))
    return record


def test_paying_out_needs_a_login(anonymous: Any, personas: Any) -> None:
    response = anonymous.post("/api/v1/decisions/payouts", {}, format="json")
    assert response.status_code == 401


def test_a_role_without_payout_decisions_cannot_pay(personas: Any) -> None:
    case = application(personas["assessor"].user)
    payout = payout_record(personas["assessor"].user, case)
    decide(personas["assessor"], case)
    response = pay(personas["caseworker"], case, payout)
    assert response.status_code == 403 and response.json()["reason"] == "role_not_granted"


@pytest.mark.promise("S0-09")
@pytest.mark.parametrize("field", ["iban", "account_holder"])
def test_a_payout_without_bank_details_fails_with_a_clear_error(personas: Any, field: str) -> None:
    from waarborg.engine.decisions.models import Payout

    assessor = personas["assessor"]
    case = application(assessor.user)
    payout = without(payout_record(assessor.user, case), field)
    decide(assessor, case)
    response = pay(assessor, case, payout)
    assert response.status_code == 422
    assert list(response.json()["errors"]) == [field]
    assert "niet uitbetalen" in response.json()["errors"][field][0]
    assert Payout.objects.count() == 0
    [entry] = audit("payout.refused", "refused")
    assert entry.reason == "missing_bank_details" and entry.detail == {"missing": [field]}


@pytest.mark.promise("S0-09")
def test_with_both_bank_details_the_granted_award_is_paid(personas: Any) -> None:
    assessor = personas["assessor"]
    case = application(assessor.user)
    payout = payout_record(assessor.user, case)
    decide(assessor, case)
    response = pay(assessor, case, payout)
    assert response.status_code == 201 and response.json()["payout_record"] == str(payout.pk)
    assert pay(assessor, case, payout).status_code == 409  # never twice


@pytest.mark.promise("S0-40")
def test_an_application_no_person_granted_is_not_paid(personas: Any) -> None:
    assessor = personas["assessor"]
    case = application(assessor.user)
    payout = payout_record(assessor.user, case)
    assert pay(assessor, case, payout).status_code == 409
    decide(assessor, case, "rejected", "Geen mantelzorg in Assen")
    assert pay(assessor, case, payout).status_code == 409
