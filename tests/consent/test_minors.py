"""Clients under 16: a parent or guardian co-signs, and staff verify it before anything depends on it."""

from __future__ import annotations

from typing import Any

import pytest

from tests.consent.conftest import audited, give, new_subject, refusals, write_record, years_ago
from waarborg.engine.consent.models import Consent
from waarborg.engine.vault.models import Record

SPECIAL = {"document": "TV-2024-0007", "scope": ["general", "special"]}
DOSSIER = {"name": "Kim", "situation": "Woont thuis met ouders", "diagnosis": "Autisme"}


@pytest.mark.promise("S1-15", "S2-07")
def test_a_minors_consent_without_a_parent_signature_is_not_stored(care: Any) -> None:
    # Given a client of 14
    child = new_subject(birth_date=years_ago(14))
    # When only the child signs
    response = give(care["supporter"], child, "client_support", signatories=[{"role": "self", "name": "Kim"}],
                    evidence=SPECIAL)
    # Then the consent is refused, the refusal is on record, and nothing is registered
    assert response.status_code == 403 and response.json()["reason"] == "parental_consent_required"
    assert refusals("parental_consent_required", child) == 1
    assert not Consent.objects.filter(subject=child).exists()


@pytest.mark.promise("S2-07")
def test_a_parent_signature_needs_the_parents_name(care: Any) -> None:
    child = new_subject(birth_date=years_ago(14))
    response = give(care["supporter"], child, "client_support", signatories=[{"role": "parent"}], evidence=SPECIAL)
    assert response.status_code == 422 and "signatories.0.name" in response.json()["errors"]


@pytest.mark.promise("S1-15", "S2-07", "S2-08")
def test_a_minors_consent_signed_by_a_parent_waits_for_verification(care: Any) -> None:
    # Given a client of 14 and a consent statement co-signed by a parent
    child = new_subject(birth_date=years_ago(14))
    response = give(care["supporter"], child, "client_support", evidence=SPECIAL,
                    signatories=[{"role": "self", "name": "Kim"}, {"role": "parent", "name": "Ria de Vries"}])
    # Then the consent is registered, pending verification
    assert response.status_code == 201
    assert response.json()["status"] == "pending_verification"
    # And the dossier (special data) cannot be stored yet: dependent processing is blocked
    blocked = write_record(care["supporter"], child, "dossier", DOSSIER, "client_support")
    assert blocked.status_code == 403 and blocked.data["reason"] == "no_active_consent"
    assert refusals("no_active_consent", child) == 1
    assert not Record.objects.filter(subject=child).exists()


@pytest.mark.promise("S2-08", "S1-15")
def test_after_staff_verify_the_parents_consent_the_dossier_can_be_stored(care: Any) -> None:
    child = new_subject(birth_date=years_ago(14))
    consent = give(care["supporter"], child, "client_support", evidence=SPECIAL,
                   signatories=[{"role": "parent", "name": "Ria de Vries"}]).json()
    # When a staff member records how the parent's consent was checked
    response = care["supporter"].client.post(f"/api/v1/consents/{consent['id']}/verify",
                                             {"method": "phone_callback"}, format="json")
    # Then the consent is active, with who, when and how
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "active" and body["verification_method"] == "phone_callback"
    assert body["verified_by"] == "sanne" and body["verified_at"]
    assert [e.detail["method"] for e in audited("consent.verify", child)] == ["phone_callback"]
    # And the dossier can be stored
    assert write_record(care["supporter"], child, "dossier", DOSSIER, "client_support").status_code == 201


def test_verifying_needs_authentication_a_role_and_a_known_method(care: Any, anonymous: Any) -> None:
    child = new_subject(birth_date=years_ago(14))
    consent = give(care["supporter"], child, "client_support", evidence=SPECIAL,
                   signatories=[{"role": "parent", "name": "Ria de Vries"}]).json()
    url = f"/api/v1/consents/{consent['id']}/verify"
    assert anonymous.post(url, {"method": "in_person"}, format="json").status_code == 401
    outsider = care["outsider"].client.post(url, {"method": "in_person"}, format="json")
    assert outsider.status_code == 403 and outsider.json()["reason"] == "role_not_granted"
    assert refusals("role_not_granted", child) == 1
    unknown = care["supporter"].client.post(url, {"method": "gut_feeling"}, format="json")
    assert unknown.status_code == 422 and "method" in unknown.json()["errors"]
    assert Consent.objects.get(pk=consent["id"]).status == "pending_verification"


def test_an_adults_consent_needs_no_verification(care: Any) -> None:
    adult = new_subject(birth_date=years_ago(16))  # 16 today: no longer under 16
    consent = give(care["supporter"], adult, "client_support", evidence=SPECIAL).json()
    assert consent["status"] == "active"
    again = care["supporter"].client.post(f"/api/v1/consents/{consent['id']}/verify", {"method": "in_person"},
                                          format="json")
    assert again.status_code == 409


@pytest.mark.promise("S1-15")
def test_a_minor_cannot_be_processed_for_a_parental_purpose_without_any_consent(care: Any) -> None:
    # client_support rests on a contract, but for a minor the policy asks parental consent first
    child = new_subject(birth_date=years_ago(16, days=-1))  # turns 16 tomorrow
    response = write_record(care["supporter"], child, "dossier", {"name": "Kim"}, "client_support")
    assert response.status_code == 403 and response.data["reason"] == "no_active_consent"
    adult = new_subject(birth_date=years_ago(30))
    assert write_record(care["supporter"], adult, "dossier", {"name": "Kees"}, "client_support").status_code == 201
