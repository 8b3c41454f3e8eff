"""The verification step: an ID copy is accepted only with photo, MRZ, document number and BSN
confirmed blacked out (S1-26); then the copy's reference is gone and the export opens."""

from __future__ import annotations

from typing import Any

import pytest

from tests.backoffice.conftest import session
from tests.rights.conftest import audit, file_request
from waarborg.engine.rights.models import Request


@pytest.mark.promise("S1-26", "S1-25")
def test_an_id_copy_needs_all_four_redactions_confirmed(personas: dict[str, Any], anna: Any) -> None:
    officer = personas["privacy_officer"]
    # given a letter registered by the helpdesk, with the ID copy that came with it
    request_id = file_request(personas["caseworker"], anna, "access", "post", id_copy="scan-2026-17.pdf").data["id"]
    client = session(officer)
    page = client.get(f"/backoffice/verzoeken/{request_id}").content.decode()
    for label in ("Pasfoto", "MRZ", "Documentnummer", "BSN"):
        assert label in page, label
    assert "Pas na vaststelling van de identiteit" in page
    assert client.get(f"/backoffice/verzoeken/{request_id}/export?format=json").status_code == 302  # not yet
    # when staff tick only three of the four boxes
    three = client.post(f"/backoffice/verzoeken/{request_id}/verifieren",
                        {"method": "id_copy", "redactions": ["photo", "mrz", "document_number"]}, follow=True)
    # then the identity is not verified and the page says what is missing
    assert "bsn" in three.content.decode()
    req = Request.objects.get(pk=request_id)
    assert not req.identity_verified and req.id_copy_ref == "scan-2026-17.pdf"
    # when all four are ticked
    four = client.post(f"/backoffice/verzoeken/{request_id}/verifieren",
                       {"method": "id_copy", "redactions": ["photo", "mrz", "document_number", "bsn"]}, follow=True)
    assert "Identiteit vastgesteld" in four.content.decode()
    req.refresh_from_db()
    assert req.identity_verified and req.id_copy_ref == "" and req.id_copy_deleted_at is not None
    assert req.identity_verified_by == officer.user and req.status == "in_progress"
    assert [e.actor for e in audit("request.verify")] == ["pia"]
