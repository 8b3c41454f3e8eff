"""Complaints are registered, tracked and closed; every answer names the Autoriteit Persoonsgegevens."""

from __future__ import annotations

from typing import Any

import pytest

from tests.rights.conftest import audit, file_request, verified_request

AP = "https://www.autoriteitpersoonsgegevens.nl"


@pytest.mark.promise("S4-17", "S0-41", "S2-30", "S3-29")
def test_a_complaint_is_registered_tracked_and_its_unresolved_closing_points_to_the_authority(
        personas: dict[str, Any], anna: Any) -> None:
    officer = personas["privacy_officer"]
    # given a complaint by e-mail (no identity check needed: nothing is released)
    filed = file_request(officer, anna, "complaint", "email", details="Mijn gegevens zijn naar de verkeerde gemeente")
    assert filed.status_code == 201 and filed.data["status"] == "received"
    # then it appears in the complaints register
    register = officer.get("/api/v1/complaints").json()
    assert [(c["id"], c["status"]) for c in register] == [(filed.data["id"], "received")]
    # when it is closed without agreement
    closed = officer.post(f"/api/v1/requests/{filed.data['id']}/close", {"outcome": "unresolved"}, format="json")
    assert closed.status_code == 200
    # then the closing message points to the AP, in Dutch and English, with the privacy contact
    answer = closed.json()["answer"]
    assert "Autoriteit Persoonsgegevens" in answer["nl"] and AP in answer["nl"] and AP in answer["en"]
    assert "privacy@valtes.nl" in answer["nl"]
    assert "niet uitgekomen" in answer["nl"]
    register = officer.get("/api/v1/complaints").json()
    assert [(c["status"], c["outcome"]) for c in register] == [("closed", "unresolved")]
    assert register[0]["closed_at"] and register[0]["answered_at"]
    assert audit("request.close")[0].detail == {"request": filed.data["id"], "type": "complaint",
                                                "outcome": "unresolved"}


@pytest.mark.promise("S2-30", "S0-41")
def test_a_resolved_complaint_is_closed_with_a_response_that_still_names_the_authority(
        personas: dict[str, Any], anna: Any) -> None:
    officer = personas["privacy_officer"]
    request_id = file_request(officer, anna, "complaint", "post").data["id"]
    answered = officer.post(f"/api/v1/requests/{request_id}/answer",
                            {"nl": "Wij hebben de fout hersteld.", "en": "We fixed the mistake."}, format="json")
    assert answered.status_code == 200
    closed = officer.post(f"/api/v1/requests/{request_id}/close", {"outcome": "resolved"}, format="json").json()
    assert closed["answer"]["nl"].startswith("Wij hebben de fout hersteld.")
    assert AP in closed["answer"]["nl"]
    assert closed["status"] == "closed"


@pytest.mark.promise("S1-28", "S0-41")
@pytest.mark.parametrize("type", ["access", "rectification", "erasure", "portability", "objection"])
def test_every_answer_and_every_refusal_names_the_right_to_complain_to_the_authority(
        personas: dict[str, Any], anna: Any, type: str) -> None:
    officer = personas["privacy_officer"]
    about = {"purpose": "policy_research"} if type == "objection" else {}  # an objection names its purpose
    answered_id = verified_request(officer, anna, type, **about)
    answered = officer.post(f"/api/v1/requests/{answered_id}/answer", {}, format="json").json()
    refused_id = file_request(officer, anna, type).data["id"]
    refused = officer.post(f"/api/v1/requests/{refused_id}/reject", {"nl": "Wij konden u niet identificeren."},
                           format="json").json()
    for letter in (answered["answer"], refused["answer"]):
        assert AP in letter["nl"] and AP in letter["en"]
        assert "klacht" in letter["nl"] and "complaint" in letter["en"]
    assert refused["status"] == "rejected" and refused["rejected_at"]


def test_a_refusal_needs_its_reason(personas: dict[str, Any], anna: Any) -> None:
    officer = personas["privacy_officer"]
    request_id = file_request(officer, anna).data["id"]
    answer = officer.post(f"/api/v1/requests/{request_id}/reject", {}, format="json")
    assert answer.status_code == 422
    assert officer.get(f"/api/v1/requests/{request_id}").json()["status"] == "awaiting_identification"


def test_a_closed_request_cannot_be_closed_or_answered_again(personas: dict[str, Any], anna: Any) -> None:
    officer = personas["privacy_officer"]
    request_id = file_request(officer, anna, "complaint").data["id"]
    officer.post(f"/api/v1/requests/{request_id}/close", {"outcome": "resolved"}, format="json")
    assert officer.post(f"/api/v1/requests/{request_id}/close", {}, format="json").status_code == 409
    assert officer.post(f"/api/v1/requests/{request_id}/answer", {}, format="json").status_code == 409
