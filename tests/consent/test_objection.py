"""Objection (bezwaar) stops a purpose on a public task or legitimate interest, unless staff record
compelling grounds."""

from __future__ import annotations

from typing import Any

import pytest

from tests.consent.conftest import audited, new_subject, read_record, refusals, write_record
from waarborg.engine.consent.eligibility import eligible_subjects
from waarborg.engine.consent.models import Objection


def _object(persona: Any, subject: Any, purpose: str) -> Any:
    return persona.client.post("/api/v1/objections", {"subject": str(subject.pk), "purpose": purpose,
                                                      "channel": "post"}, format="json")


def test_recording_an_objection_needs_authentication_and_a_role(care: Any, anonymous: Any) -> None:
    subject = new_subject()
    body = {"subject": str(subject.pk), "purpose": "neighbourhood"}
    assert anonymous.post("/api/v1/objections", body, format="json").status_code == 401
    refused = _object(care["outsider"], subject, "neighbourhood")
    assert refused.status_code == 403 and refused.json()["reason"] == "role_not_granted"
    assert refusals("role_not_granted", subject) == 1
    assert not Objection.objects.exists()


@pytest.mark.promise("S1-22", "S3-23", "S4-16")
def test_an_objection_stops_the_purpose_for_that_subject(care: Any) -> None:
    # Given a neighbourhood signal about a subject (legitimate interest)
    subject, neighbour = new_subject(), new_subject()
    signal = write_record(care["supporter"], subject, "signal", {"note": "Post stapelt zich op"}, "neighbourhood")
    assert signal.status_code == 201
    # When the subject objects
    response = _object(care["supporter"], subject, "neighbourhood")
    assert response.status_code == 201 and response.json()["status"] == "active"
    # Then reading and writing for that purpose are refused with `objected`, and logged
    read = read_record(care["supporter"], signal.data["id"], "neighbourhood")
    assert read.status_code == 403 and read.data["reason"] == "objected"
    write = write_record(care["supporter"], subject, "signal", {"note": "Weer"}, "neighbourhood")
    assert write.status_code == 403 and write.data["reason"] == "objected"
    assert refusals("objected", subject) == 2
    # And jobs skip the subject, while others are untouched
    assert eligible_subjects("neighbourhood", [subject.pk, neighbour.pk]) == [str(neighbour.pk)]
    assert write_record(care["supporter"], neighbour, "signal", {"note": "x"}, "neighbourhood").status_code == 201
    assert len(audited("objection.record", subject)) == 1


@pytest.mark.promise("S4-16", "S3-23")
def test_compelling_grounds_recorded_by_staff_let_processing_resume(care: Any) -> None:
    subject = new_subject()
    objection = _object(care["supporter"], subject, "referral").json()
    assert write_record(care["supporter"], subject, "referral_note", {"note": "x"},
                        "referral").data["reason"] == "objected"
    # When staff record the overriding grounds
    response = care["supporter"].client.post(f"/api/v1/objections/{objection['id']}/override",
                                             {"grounds": "Acuut risico voor de veiligheid van het kind"},
                                             format="json")
    assert response.status_code == 200 and response.json()["status"] == "overridden"
    # Then processing resumes, and the override is logged without the grounds in clear text
    assert write_record(care["supporter"], subject, "referral_note", {"note": "x"}, "referral").status_code == 201
    entry = audited("objection.override", subject)[0]
    assert "veiligheid" not in str(entry.detail) and entry.sealed


def test_overriding_needs_grounds(care: Any) -> None:
    objection = _object(care["supporter"], new_subject(), "referral").json()
    response = care["supporter"].client.post(f"/api/v1/objections/{objection['id']}/override", {"grounds": ""},
                                             format="json")
    assert response.status_code == 422 and "grounds" in response.json()["errors"]


@pytest.mark.promise("S1-22")
def test_objection_to_a_consent_purpose_is_a_withdrawal_instead(care: Any) -> None:
    subject = new_subject()
    response = _object(care["supporter"], subject, "service_improvement")
    assert response.status_code == 403 and response.json()["reason"] == "not_objectable"
    assert "withdraw consent" in response.json()["detail"] and refusals("not_objectable", subject) == 1
