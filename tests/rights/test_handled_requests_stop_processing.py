"""A handled restriction, objection or withdrawal goes through the consent register: from then on
the gates refuse the processing (`restricted`, `objected`, `no_active_consent`)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.consent.conftest import care, new_subject, read_record, write_record  # noqa: F401 - fixture
from tests.rights.conftest import audit, verified_request
from waarborg.engine.consent.actions import consent_give
from waarborg.engine.consent.models import Consent, Objection, Restriction


def _answer(officer: Any, request_id: str) -> Any:
    return officer.post(f"/api/v1/requests/{request_id}/answer", {}, format="json")


@pytest.mark.promise("S3-23", "S3-22")
def test_after_a_restriction_request_is_handled_reading_for_that_purpose_is_restricted(
        personas: dict[str, Any], anna: Any) -> None:
    officer, assessor = personas["privacy_officer"], personas["assessor"]
    application = anna.records.get(type="application")
    # given a verified restriction request for the award assessment
    request_id = verified_request(officer, anna, "restriction", purpose="eligibility")
    # while it is not handled, the assessor still reads the application
    assert read_record(assessor, application.pk, "eligibility").status_code == 200
    # when the privacy officer answers it
    assert _answer(officer, request_id).status_code == 200
    # then the consent register holds the restriction and the gate refuses the assessor
    assert Restriction.objects.filter(subject=anna, purpose="eligibility", lifted_at=None).count() == 1
    refused = read_record(assessor, application.pk, "eligibility")
    assert refused.status_code == 403 and refused.json()["reason"] == "restricted"
    # blocked, not deleted: the record is still stored
    application.refresh_from_db()
    assert application.subject_id == anna.pk
    assert audit("request.answer")[0].detail["scope"] == "eligibility"
    # other purposes go on
    assert read_record(assessor, anna.records.get(type="payout").pk, "payout").status_code == 200


def test_a_refused_restriction_request_restricts_nothing(personas: dict[str, Any], anna: Any) -> None:
    officer = personas["privacy_officer"]
    request_id = verified_request(officer, anna, "restriction", purpose="eligibility")
    refused = officer.post(f"/api/v1/requests/{request_id}/reject", {"nl": "De gegevens zijn juist."}, format="json")
    assert refused.status_code == 200 and not Restriction.objects.exists()


@pytest.mark.promise("S1-22", "S3-23")
def test_after_an_objection_request_is_handled_reading_for_that_purpose_is_objected(care: Any) -> None:  # noqa: F811
    officer, supporter = care["privacy_officer"], care["supporter"]
    subject = new_subject()
    signal = write_record(supporter, subject, "signal", {"note": "Post stapelt zich op"}, "neighbourhood")
    assert signal.status_code == 201
    # given a verified objection against the neighbourhood signals (legitimate interest)
    request_id = verified_request(officer, subject, "objection", purpose="neighbourhood")
    assert read_record(supporter, signal.data["id"], "neighbourhood").status_code == 200
    # when it is handled
    assert _answer(officer, request_id).status_code == 200
    # then the objection is on record and the gate refuses the supporter
    [objection] = Objection.objects.filter(subject=subject)
    assert objection.purpose == "neighbourhood" and objection.recorded_by == officer.user
    refused = read_record(supporter, signal.data["id"], "neighbourhood")
    assert refused.status_code == 403 and refused.json()["reason"] == "objected"


def test_an_objection_request_without_a_purpose_cannot_be_answered(care: Any) -> None:  # noqa: F811
    officer = care["privacy_officer"]
    request_id = verified_request(officer, new_subject(), "objection")
    answer = _answer(officer, request_id)
    assert answer.status_code == 422 and "purpose" in answer.json()["errors"]
    assert not Objection.objects.exists()


@pytest.mark.promise("S1-22")
def test_after_a_withdrawal_request_is_handled_the_consent_is_withdrawn(personas: dict[str, Any], anna: Any) -> None:
    from waarborg.engine.records.actions import record_create

    officer = personas["privacy_officer"]
    consent = consent_give("system:test", subject=anna, purpose="newsletter")
    subscription = record_create("system:test", subject=anna, type="newsletter_subscription",
                                 data={"email": "anna@example.nl"}, purpose="newsletter")
    assert read_record(officer, subscription.pk, "newsletter").status_code == 200
    # when her withdrawal request is handled
    request_id = verified_request(officer, anna, "withdraw_consent", purpose="newsletter")
    assert _answer(officer, request_id).status_code == 200
    # then the consent is withdrawn (kept as proof) and the newsletter may no longer use her address
    consent.refresh_from_db()
    assert consent.status == Consent.Status.WITHDRAWN and consent.withdrawn_by == officer.user
    refused = read_record(officer, subscription.pk, "newsletter")
    assert refused.status_code == 403 and refused.json()["reason"] == "no_active_consent"
