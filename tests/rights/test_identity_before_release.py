"""No data leaves before the requester's identity is verified; ID copies are redacted and deleted."""

from __future__ import annotations

from typing import Any

import pytest

from tests.rights.conftest import ALL_REDACTIONS, audit, colleague, file_request
from waarborg.engine.accounts.models import ApiToken, User
from waarborg.engine.rights.models import Request


@pytest.mark.promise("S1-25", "S3-25")
def test_an_access_request_releases_nothing_until_staff_verify_identity(personas: dict[str, Any], anna: Any) -> None:
    officer = personas["privacy_officer"]
    # given an access request without verified identity, registered by the helpdesk
    request_id = file_request(personas["caseworker"], anna, "access", "email").data["id"]
    # when the export is asked for, then nothing is released
    refused = officer.get(f"/api/v1/requests/{request_id}/export")
    assert refused.status_code == 409
    assert "identiteit" in refused.json()["detail"]
    assert not audit("request.review")
    assert Request.objects.get(pk=request_id).status == "awaiting_identification"
    # and the other actions that act on the data wait too
    erase_id = file_request(personas["caseworker"], anna, "erasure", "email").data["id"]
    assert officer.post(f"/api/v1/requests/{erase_id}/erase", {}, format="json").status_code == 409
    assert anna.records.count() == 4
    # when staff record the verification, then the export is produced
    verified = officer.post(f"/api/v1/requests/{request_id}/verify",
                            {"method": "id_copy", "redactions": ALL_REDACTIONS}, format="json")
    assert verified.status_code == 200 and verified.json()["status"] == "in_progress"
    assert officer.get(f"/api/v1/requests/{request_id}/export").status_code == 200


@pytest.mark.promise("S1-26")
def test_staff_must_confirm_all_four_redactions_before_accepting_an_id_copy(
        personas: dict[str, Any], anna: Any) -> None:
    officer = personas["privacy_officer"]
    request_id = file_request(colleague(officer), anna, "access", "post", id_copy="archief/post/2026-031.pdf").data["id"]
    # when staff confirm only three of the four redactions
    answer = officer.post(f"/api/v1/requests/{request_id}/verify",
                          {"method": "id_copy", "redactions": ["photo", "mrz", "bsn"]}, format="json")
    # then the copy is not accepted and the request still waits
    assert answer.status_code == 422
    assert "document_number" in answer.json()["errors"]["redactions"][0]
    req = Request.objects.get(pk=request_id)
    assert (req.status, req.id_copy_ref) == ("awaiting_identification", "archief/post/2026-031.pdf")
    # when all four are confirmed, identity is verified and the copy's reference is deleted
    answer = officer.post(f"/api/v1/requests/{request_id}/verify",
                          {"method": "id_copy", "redactions": ALL_REDACTIONS}, format="json")
    assert answer.status_code == 200
    identity = answer.json()["identity"]
    assert identity["id_copy_held"] is False and identity["id_copy_deleted_at"]
    req.refresh_from_db()
    assert req.id_copy_ref == "" and req.redactions_confirmed == ALL_REDACTIONS
    assert audit("request.verify")[0].detail["id_copy_deleted"] is True


@pytest.mark.promise("S1-26")
def test_an_id_copy_that_still_shows_a_bsn_or_mrz_is_refused(personas: dict[str, Any], anna: Any) -> None:
    officer = personas["privacy_officer"]
    request_id = file_request(officer, anna, "access", "email").data["id"]
    url = f"/api/v1/requests/{request_id}/id-copy"
    bsn = officer.post(url, {"reference": "mail/17.jpg", "text": "PASPOORT BSN 1112.22.333"}, format="json")
    assert bsn.status_code == 422 and "bsn" in bsn.json()["errors"]["text"][0]
    mrz = officer.post(url, {"reference": "mail/17.jpg", "text": "P<NLDDE<VRIES<<ANNA<<<<<<<<<<<<<<<<<<<<<<<<<"},
                       format="json")
    assert mrz.status_code == 422 and "mrz" in mrz.json()["errors"]["text"][0]
    assert Request.objects.get(pk=request_id).id_copy_ref == ""
    clean = officer.post(url, {"reference": "mail/17.jpg", "text": "PASPOORT ██████ Anna ██████"}, format="json")
    assert clean.status_code == 200 and clean.json()["identity"]["id_copy_held"] is True


def test_a_verification_method_the_policy_does_not_offer_is_refused(personas: dict[str, Any], anna: Any) -> None:
    officer = personas["privacy_officer"]
    request_id = file_request(colleague(officer), anna).data["id"]
    answer = officer.post(f"/api/v1/requests/{request_id}/verify", {"method": "in_person"}, format="json")
    assert answer.status_code == 422 and "method" in answer.json()["errors"]
    # portal_login is the subject's own step, in the portal: staff cannot claim it for them
    answer = officer.post(f"/api/v1/requests/{request_id}/verify", {"method": "portal_login"}, format="json")
    assert answer.status_code == 422 and "portal" in answer.json()["errors"]["method"][0]
    assert not Request.objects.get(pk=request_id).identity_verified


@pytest.mark.promise("S1-25")
def test_a_citizen_logged_in_to_the_portal_is_identified_by_that_login(personas: dict[str, Any], anna: Any,
                                                                       bert: Any) -> None:
    citizen = User.objects.get(subject=anna)  # opened by her application
    _, key = ApiToken.issue(citizen)
    from rest_framework.test import APIClient

    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    own = file_request(client, anna, "access", "portal")
    assert own.status_code == 201 and own.data["status"] == "in_progress"
    assert Request.objects.get(pk=own.data["id"]).identity_method == "portal_login"
    # a citizen cannot file for somebody else
    other = file_request(client, bert, "access", "portal")
    assert other.status_code == 403
    assert not Request.objects.filter(subject=bert).exists()
