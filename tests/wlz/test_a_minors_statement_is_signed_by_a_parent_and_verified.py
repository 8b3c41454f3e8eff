"""For a client under 16, WlzCliëntondersteuning has the consent statement (co-)signed by a parent (S2-07)
and checks that the parent really consented before anything depends on it (S2-08). Through the REST API with
the shipped policy active."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from django.utils import timezone

from tests.wlz.conftest import intake, records, refused, sign, store

CARE_FILE = {"care_situation": "Woont thuis bij zijn ouders; dagbesteding drie dagen.", "health": "Autisme"}


def _born(years: int, days: int = 0) -> str:
    today = timezone.localdate()
    day = 28 if (today.month, today.day) == (2, 29) else today.day
    return (date(today.year - years, today.month, day) - timedelta(days=days)).isoformat()


@pytest.mark.promise("S2-07")
def test_a_statement_signed_by_a_fourteen_year_old_alone_does_not_count(people: dict[str, Any]) -> None:
    supporter, officer = people["worker"], people["officer"]
    child = intake(supporter, birth_date=_born(14))
    # only the child signs: refused, logged, and nothing in the register
    alone = sign(supporter, child, signatories=[{"role": "self", "name": "Daan"}])
    assert alone.status_code == 403 and alone.json()["reason"] == "parental_consent_required"
    assert [e.actor for e in refused("parental_consent_required", child)] == ["wendy"]
    assert officer.get("/api/v1/consents", {"subject": child}).json() == []
    # a parent's signature needs the parent's name
    nameless = sign(supporter, child, signatories=[{"role": "self", "name": "Daan"}, {"role": "parent"}])
    assert nameless.status_code == 422 and "signatories.1.name" in nameless.json()["errors"]
    # and without a counted statement the care file cannot be stored
    blocked = store(supporter, child, "care_file", CARE_FILE, "client_support")
    assert blocked.status_code == 403 and blocked.json()["reason"] == "no_active_consent"


@pytest.mark.promise("S2-07", "S2-08")
def test_a_parents_signature_waits_for_staff_to_verify_it_before_the_care_file_is_stored(
        people: dict[str, Any]) -> None:
    supporter, officer = people["worker"], people["officer"]
    child = intake(supporter, birth_date=_born(14))
    # given a statement signed by the child and his mother, with her relationship
    signed = sign(supporter, child, signatories=[{"role": "self", "name": "Daan"},
                                                 {"role": "parent", "name": "Ria de Vries"}])
    assert signed.status_code == 201 and signed.json()["status"] == "pending_verification"
    # then until it is verified, the care file is refused and nothing is stored
    blocked = store(supporter, child, "care_file", CARE_FILE, "client_support")
    assert blocked.status_code == 403 and blocked.json()["reason"] == "no_active_consent"
    assert "verificatie" in blocked.json()["detail"]
    # the supporter who recorded it cannot also check it (four eyes, S2-08)
    url = f"/api/v1/consents/{signed.json()['id']}/verify"
    alone = supporter.post(url, {"method": "phone_callback"}, format="json")
    assert alone.status_code == 403 and alone.json()["reason"] == "separation_of_duties"
    # when a colleague records how she checked it with the mother
    verified = officer.post(url, {"method": "phone_callback"}, format="json")
    # then the statement is active, with who, when and how, also in the register
    assert verified.status_code == 200, verified.content
    body = verified.json()
    assert (body["status"], body["verification_method"], body["verified_by"]) == ("active", "phone_callback", "pia")
    [row] = officer.get("/api/v1/consents", {"subject": child}).json()
    assert row["signatories"] == [{"role": "self", "name": "Daan"}, {"role": "parent", "name": "Ria de Vries"}]
    assert row["verified_at"] and row["verification_method"] == "phone_callback"
    # and the care file can be stored and read
    assert store(supporter, child, "care_file", CARE_FILE, "client_support").status_code == 201
    assert [r["data"]["health"] for r in records(supporter, child, "client_support").json()] == ["Autisme"]


@pytest.mark.promise("S2-08")
def test_verifying_needs_a_role_and_a_known_method_and_happens_once(people: dict[str, Any], anonymous: Any) -> None:
    supporter = people["worker"]
    child = intake(supporter, birth_date=_born(10))
    consent = sign(supporter, child, signatories=[{"role": "guardian", "name": "Bureau Jeugdzorg, mr. Smit"}]).json()
    url = f"/api/v1/consents/{consent['id']}/verify"
    assert anonymous.post(url, {"method": "in_person"}, format="json").status_code == 401
    outsider = people["outsider"].post(url, {"method": "in_person"}, format="json")
    assert outsider.status_code == 403 and outsider.json()["reason"] == "role_not_granted"
    assert len(refused("role_not_granted", child)) == 1
    officer = people["officer"]
    unknown = officer.post(url, {"method": "gut_feeling"}, format="json")
    assert unknown.status_code == 422 and "method" in unknown.json()["errors"]
    # a method the policy does not name for this purpose is not a check either
    assert officer.post(url, {"method": "id_document"}, format="json").status_code == 422
    assert officer.post(url, {"method": "in_person"}, format="json").status_code == 200
    assert officer.post(url, {"method": "in_person"}, format="json").status_code == 409


def test_a_client_of_sixteen_signs_alone(people: dict[str, Any]) -> None:
    supporter = people["worker"]
    client = intake(supporter, birth_date=_born(16))
    signed = sign(supporter, client, signatories=[{"role": "self", "name": "Sem"}])
    assert signed.status_code == 201 and signed.json()["status"] == "active"
    assert store(supporter, client, "care_file", CARE_FILE, "client_support").status_code == 201
