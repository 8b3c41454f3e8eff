"""S1-19, S2-14, S4-10: data goes out only under a reason the recipient lists; anything else is refused."""

from __future__ import annotations

from typing import Any

import pytest

from tests.disclosures.conftest import applicant, disclose, refused_entries


def test_disclosing_needs_a_login(anonymous: Any, sharing_policy: Any) -> None:
    response = anonymous.post("/api/v1/disclosures", {}, format="json")
    assert response.status_code == 401


def test_a_role_without_disclose_is_refused_and_logged(discloser: Any, bystander: Any) -> None:
    subject, _ = applicant(discloser.user)
    response = disclose(bystander, subject)
    assert response.status_code == 403 and response.json()["reason"] == "role_not_granted"
    assert len(refused_entries("role_not_granted")) == 1


@pytest.mark.promise("S2-14", "S1-19")
@pytest.mark.parametrize("reason", ["agreed_work", "legal_obligation"])
def test_agreed_work_and_legal_obligation_are_accepted_and_logged(discloser: Any, reason: str) -> None:
    from waarborg.engine.audit.models import AuditEntry

    subject, record = applicant(discloser.user)
    response = disclose(discloser, subject, reason=reason, records=[str(record.pk)])
    assert response.status_code == 201, response.json()
    assert response.json()["recipient"] == "care_partner" and response.json()["reason"] == reason
    logged = AuditEntry.objects.get(action="disclosure.create")
    assert logged.detail["reason"] == reason and logged.detail["records"] == [str(record.pk)]


@pytest.mark.promise("S2-14", "S1-19", "S4-10")
@pytest.mark.parametrize("reason", ["legitimate_interest", "consent", "vital_interest"])
def test_any_other_reason_is_refused_with_a_reason_code(discloser: Any, reason: str) -> None:
    from waarborg.engine.disclosures.models import Disclosure

    subject, _ = applicant(discloser.user)
    response = disclose(discloser, subject, reason=reason)
    assert response.status_code == 403
    assert response.json()["reason"] == "reason_not_allowed" and "agreed_work" in response.json()["detail"]
    assert Disclosure.objects.count() == 0 and len(refused_entries("reason_not_allowed")) == 1


@pytest.mark.promise("S2-14")
def test_an_authority_request_records_the_authority_and_its_legal_ground(discloser: Any) -> None:
    from waarborg.engine.disclosures.models import Disclosure

    subject, _ = applicant(discloser.user)
    without = disclose(discloser, subject, recipient="police", reason="authority_request")
    assert without.status_code == 422
    assert set(without.json()["errors"]) == {"authority", "legal_ground"}

    response = disclose(discloser, subject, recipient="police", reason="authority_request",
                        authority="Politie Drenthe", legal_ground="art. 126nd Wetboek van Strafvordering")
    assert response.status_code == 201
    stored = Disclosure.objects.get()
    assert (stored.authority, stored.legal_ground) == ("Politie Drenthe", "art. 126nd Wetboek van Strafvordering")


@pytest.mark.promise("S4-10")
@pytest.mark.parametrize("reason", ["contract", "legal_obligation", "legitimate_interest", "public_interest"])
def test_the_four_conditions_of_seed_004_are_accepted(discloser: Any, reason: str) -> None:
    subject, _ = applicant(discloser.user)
    response = disclose(discloser, subject, recipient="welfare_partner", reason=reason)
    assert response.status_code == 201, response.json()


@pytest.mark.promise("S0-36")
def test_a_recipient_outside_the_register_is_refused(personas: Any) -> None:
    subject, _ = applicant(personas["assessor"].user)
    response = disclose(personas["privacy_officer"], subject, recipient="data_broker", reason="agreed_work")
    assert response.status_code == 403 and response.json()["reason"] == "unknown_recipient"
    assert len(refused_entries("unknown_recipient")) == 1


@pytest.mark.promise("S0-36")
def test_the_registered_processors_receive_data_under_their_agreement(personas: Any) -> None:
    from waarborg.engine.audit.models import AuditEntry

    subject, _ = applicant(personas["assessor"].user)
    for recipient in ("hosting", "co_developer"):
        response = disclose(personas["privacy_officer"], subject, recipient=recipient, reason="agreed_work",
                            categories=["identity", "address"])
        assert response.status_code == 201, response.json()
        assert response.json()["agreement"].startswith("VWO-")
    assert AuditEntry.objects.filter(action="disclosure.create").count() == 2


def test_a_recipient_gets_only_the_categories_it_may_receive(personas: Any) -> None:
    subject, _ = applicant(personas["assessor"].user)
    # The municipality may receive identity, address and payout, not the care situation.
    response = disclose(personas["privacy_officer"], subject, recipient="gemeente_assen", reason="contract")
    assert response.status_code == 403 and response.json()["reason"] == "recipient_not_allowed"
    narrowed = disclose(personas["privacy_officer"], subject, recipient="gemeente_assen", reason="contract",
                        categories=["identity", "address", "payout"])
    assert narrowed.status_code == 201
    assert narrowed.json()["categories"] == ["address", "identity", "payout"]
    assert "application.hours_per_week" not in narrowed.json()["fields"]


def test_a_purpose_header_that_differs_from_the_body_is_refused(discloser: Any) -> None:
    subject, _ = applicant(discloser.user)
    response = discloser.client.post("/api/v1/disclosures", {
        "subject": str(subject.pk), "recipient": "care_partner", "purpose": "eligibility", "reason": "agreed_work"},
        format="json", HTTP_X_PURPOSE="newsletter")
    assert response.status_code == 403 and response.json()["reason"] == "purpose_mismatch"


def test_a_recipient_outside_the_purpose_is_refused(discloser: Any) -> None:
    subject, _ = applicant(discloser.user)
    response = disclose(discloser, subject, recipient="care_partner", purpose="newsletter")
    assert response.status_code == 403 and response.json()["reason"] == "recipient_not_allowed"


def test_a_restriction_gate_also_stops_a_disclosure(discloser: Any) -> None:
    from waarborg.engine.vault import gates

    def restricted(ctx: gates.AccessContext) -> gates.Refusal | None:
        return gates.Refusal("restricted", "Verwerking beperkt") if ctx.action == "disclose" else None

    subject, _ = applicant(discloser.user)
    gates.register(restricted, order=999)
    try:
        response = disclose(discloser, subject)
    finally:
        gates._gates[:] = [(o, g) for o, g in gates._gates if g is not restricted]
    assert response.status_code == 403 and response.json()["reason"] == "restricted"
    assert len(refused_entries("restricted")) == 1
