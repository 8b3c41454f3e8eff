"""Who may touch personal data: authenticated staff with a signed confidentiality declaration
(S4-07, S4-08), under a registered purpose with a legal basis (S3-05, S4-06), with a role that
grants the action (S0-22). Every refusal is in the audit log (S3-19)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import make_staff
from tests.vault import factories
from waarborg.core.errors import Refused
from waarborg.engine.records.actions import record_create, record_read, subject_create
from waarborg.engine.vault import authorisation
from waarborg.engine.vault.access import check
from waarborg.engine.vault.gates import AccessContext


def _refused(call: Any, *args: Any, **kwargs: Any) -> str:
    with pytest.raises(Refused) as caught:
        call(*args, **kwargs)
    return caught.value.reason


@pytest.mark.promise("S4-08")
def test_staff_without_a_signed_confidentiality_declaration_reach_no_personal_data(application: Any) -> None:
    # Given an assessor whose confidentiality declaration is not on file
    user, _ = make_staff("nina", ["assessor"], confidentiality_signed=False)
    # When she opens an application, then she is refused and the attempt is logged
    assert _refused(record_read, user, application, "eligibility") == "confidentiality_not_signed"
    entry = factories.last_entry(outcome="refused")
    assert (entry.actor, entry.action, entry.reason) == ("nina", "read.refused", "confidentiality_not_signed")
    assert entry.record_id == str(application.pk)


@pytest.mark.promise("S4-08")
def test_once_the_declaration_is_signed_the_same_staff_member_gets_access(application: Any) -> None:
    from django.utils import timezone

    user, _ = make_staff("nina", ["assessor"], confidentiality_signed=False)
    user.confidentiality_signed_at = timezone.now()
    assert record_read(user, application, "eligibility")["name"] == "Joke de Vries"


@pytest.mark.promise("S3-05", "S4-06")
def test_processing_under_a_purpose_the_policy_does_not_register_is_refused(personas: Any, subject: Any) -> None:
    reason = _refused(check, personas["assessor"].user, "read", "marketing", subject=subject)
    assert reason == "unknown_purpose"
    assert factories.last_entry(outcome="refused").purpose == "marketing"


@pytest.mark.promise("S4-06")
def test_a_purpose_without_a_legal_basis_is_refused(personas: Any, policy: Any) -> None:
    # The policy language requires a basis, so this guards a policy that lost it (e.g. a future edit).
    stripped = policy.model_copy(update={"purposes": {
        **policy.purposes, "eligibility": policy.purposes["eligibility"].model_copy(update={"basis": None})}})
    ctx = AccessContext(actor=personas["assessor"].user, action="read", purpose="eligibility", policy=stripped)
    refusal = authorisation.registered_purpose(ctx)
    assert refusal is not None and refusal.reason == "no_legal_basis"
    assert authorisation.registered_purpose(
        AccessContext(actor=personas["assessor"].user, action="read", purpose="eligibility", policy=policy)) is None


@pytest.mark.promise("S0-22", "S4-07")
@pytest.mark.parametrize("persona", ["outsider", "caseworker", "project_leader"])
def test_a_role_without_permission_is_refused_on_application_and_payment_data(
        personas: Any, subject: Any, persona: str) -> None:
    assessor = personas["assessor"].user
    payout = record_create(assessor, subject=subject, type="payout", data=factories.PAYOUT, purpose="payout")
    assert _refused(record_read, personas[persona].user, payout, "payout") == "role_not_granted"
    entry = factories.last_entry(outcome="refused")
    assert (entry.actor, entry.purpose, entry.reason) == (personas[persona].user.username, "payout",
                                                          "role_not_granted")


@pytest.mark.promise("S4-07")
def test_an_anonymous_caller_is_refused(application: Any) -> None:
    assert _refused(record_read, None, application, "eligibility") == "not_authenticated"
    assert factories.last_entry(outcome="refused").actor_kind == "anonymous"


def test_a_citizen_account_never_reaches_the_vault_through_staff_access(application: Any) -> None:
    user, _ = make_staff("cees", ["assessor"])
    user.kind = "citizen"
    assert _refused(record_read, user, application, "eligibility") == "staff_only"


def test_a_service_account_never_makes_a_decision(personas: Any, subject: Any) -> None:
    from waarborg.engine.accounts.actions import staff_create

    service, _, _ = staff_create("intake-koppeling", ["assessor"], service=True)
    check(service, "write", "eligibility", subject=subject)  # a service may deliver data
    assert _refused(check, service, "decide", "eligibility", subject=subject) == "role_not_granted"
    check(personas["assessor"].user, "decide", "eligibility", subject=subject)  # a person may decide


def test_the_platforms_own_jobs_pass_the_person_bound_gates(application: Any) -> None:
    check("system:sweep", "delete", "eligibility", subject=application.subject, record=application)
    assert _refused(check, "system:sweep", "delete", "marketing") == "unknown_purpose"


def test_creating_a_subject_needs_a_role_that_writes_personal_data(personas: Any) -> None:
    assert _refused(subject_create, personas["outsider"].user, bsn=factories.VALID_BSN) == "role_not_granted"
    assert subject_create(personas["assessor"].user, external_id="A-1").external_id == "A-1"


def test_the_vault_gates_are_registered_at_start() -> None:
    from waarborg.engine.vault import gates

    registered = [gate for _, gate in gates._gates]
    for gate in (authorisation.staff_only, authorisation.confidentiality, authorisation.registered_purpose,
                 authorisation.role_grants, authorisation.same_purpose, authorisation.need_to_know):
        assert gate in registered
