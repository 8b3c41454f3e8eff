"""Notices: people are told when their data came from someone else, or is processed on an interest."""

from __future__ import annotations

from typing import Any

import pytest

from tests.consent.conftest import audited, new_subject, refusals, write_record
from waarborg.engine.consent.models import Notice


def _unsent(persona: Any) -> list[dict[str, Any]]:
    response = persona.client.get("/api/v1/notices")
    assert response.status_code == 200
    return response.json()


def test_the_notice_list_needs_authentication_and_a_role(care: Any, anonymous: Any) -> None:
    assert anonymous.get("/api/v1/notices").status_code == 401
    refused = care["supporter"].client.get("/api/v1/notices")
    assert refused.status_code == 403 and refused.json()["reason"] == "role_not_granted"
    assert refusals("role_not_granted") == 1


@pytest.mark.promise("S4-05")
def test_data_from_someone_else_makes_a_notice_naming_the_source_due(care: Any) -> None:
    # Given a referral by the municipality (not by the person)
    subject = new_subject()
    response = write_record(care["supporter"], subject, "referral_note", {"note": "Aanmelding Wmo-loket"}, "referral",
                            source={"kind": "municipality", "detail": "Wmo-loket Kampen"})
    assert response.status_code == 201
    # Then the back office lists a notice to the subject naming the source
    notices = [n for n in _unsent(care["privacy_officer"]) if n["kind"] == "indirect_collection"]
    assert len(notices) == 1
    assert notices[0]["subject"] == str(subject.pk) and notices[0]["purpose"] == "referral"
    assert notices[0]["source"] == {"kind": "municipality", "detail": "Wmo-loket Kampen"}
    assert notices[0]["sent_at"] is None and notices[0]["due_at"]
    assert audited("notice.due", subject)


@pytest.mark.promise("S4-04")
def test_processing_on_a_public_legitimate_or_vital_interest_makes_a_notice_due(care: Any) -> None:
    subject = new_subject()
    for record_type, data, purpose in (("referral_note", {"note": "x"}, "referral"),
                                       ("signal", {"note": "x"}, "neighbourhood"),
                                       ("emergency_contact", {"phone": "0612345678"}, "emergency")):
        assert write_record(care["supporter"], subject, record_type, data, purpose).status_code == 201
    notices = {(n["purpose"], n["basis"]) for n in _unsent(care["privacy_officer"]) if n["kind"] == "basis_interest"}
    assert notices == {("referral", "public_task"), ("neighbourhood", "legitimate_interest"),
                       ("emergency", "vital_interest")}
    # A second record on the same purpose does not repeat the notice
    write_record(care["supporter"], subject, "signal", {"note": "y"}, "neighbourhood")
    assert Notice.objects.filter(subject=subject, purpose="neighbourhood").count() == 1


def test_data_the_person_gave_on_a_contract_needs_no_notice(care: Any) -> None:
    subject = new_subject()
    assert write_record(care["supporter"], subject, "dossier", {"name": "Kees"}, "client_support").status_code == 201
    assert write_record(care["supporter"], subject, "dossier", {"name": "Kees"}, "client_support",
                        source={"kind": "website_form", "detail": "aanmeldformulier"}).status_code == 201
    assert write_record(care["supporter"], subject, "silent_note", {"note": "x"}, "silent_referral",
                        source={"kind": "municipality", "detail": "gemeente"}).status_code == 201
    assert not Notice.objects.filter(subject=subject).exists()


@pytest.mark.promise("S4-04", "S4-05")
def test_recording_that_the_notice_was_sent_takes_the_subject_off_the_list(care: Any) -> None:
    subject = new_subject()
    write_record(care["supporter"], subject, "signal", {"note": "x"}, "neighbourhood",
                 source={"kind": "involved_person", "detail": "buurvrouw"})
    notices = _unsent(care["privacy_officer"])
    assert {n["kind"] for n in notices} == {"indirect_collection", "basis_interest"}
    for notice in notices:
        response = care["privacy_officer"].client.post(f"/api/v1/notices/{notice['id']}/sent", {"channel": "post"},
                                                       format="json")
        assert response.status_code == 200 and response.json()["sent_at"]
    assert _unsent(care["privacy_officer"]) == []
    assert [e.detail["channel"] for e in audited("notice.sent", subject)] == ["post", "post"]
    again = care["privacy_officer"].client.post(f"/api/v1/notices/{notices[0]['id']}/sent", {"channel": "post"},
                                                format="json")
    assert again.status_code == 409


def test_the_notices_command_lists_the_subjects_not_yet_informed(care: Any,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    from waarborg.audiences.cli import main

    subject = new_subject()
    write_record(care["supporter"], subject, "signal", {"note": "x"}, "neighbourhood")
    assert main(["notices"]) == 0
    out = capsys.readouterr().out
    assert f"{subject.pk}\tneighbourhood\tbasis_interest" in out
    assert "1 kennisgeving(en) nog niet verstuurd" in out
