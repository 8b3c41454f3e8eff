"""Restriction (beperking, blokkeren, afscherming): the data stays stored and is otherwise not used."""

from __future__ import annotations

from typing import Any

import pytest

from tests.consent.conftest import audited, give, new_subject, read_record, refusals, write_record
from waarborg.engine.consent.eligibility import eligible_subjects
from waarborg.engine.vault.models import Record


def _restrict(persona: Any, subject: Any, purpose: str = "") -> Any:
    return persona.client.post("/api/v1/restrictions", {"subject": str(subject.pk), "purpose": purpose,
                                                        "reason": "juistheid betwist"}, format="json")


def test_restricting_needs_authentication_and_a_role(care: Any, anonymous: Any) -> None:
    subject = new_subject()
    assert anonymous.post("/api/v1/restrictions", {"subject": str(subject.pk)}, format="json").status_code == 401
    # restricting every purpose at once is for whoever manages consents and requests
    refused = _restrict(care["supporter"], subject)
    assert refused.status_code == 403 and refused.json()["reason"] == "role_not_granted"
    assert refusals("role_not_granted", subject) == 1


@pytest.mark.promise("S3-22", "S4-15", "S3-23")
def test_restricted_data_stays_stored_but_is_not_used(care: Any) -> None:
    # Given a client with a dossier and feedback given with consent
    subject = new_subject()
    give(care["supporter"], subject, "service_improvement")
    dossier = write_record(care["supporter"], subject, "dossier", {"name": "Kees"}, "client_support")
    # When the privacy officer restricts all processing (blokkeren)
    response = _restrict(care["privacy_officer"], subject)
    assert response.status_code == 201
    # Then every use is refused with `restricted`, and logged
    read = read_record(care["supporter"], dossier.data["id"], "client_support")
    assert read.status_code == 403 and read.data["reason"] == "restricted"
    write = write_record(care["supporter"], subject, "feedback", {"remark": "x"}, "service_improvement")
    assert write.status_code == 403 and write.data["reason"] == "restricted"
    assert refusals("restricted", subject) == 2
    assert eligible_subjects("service_improvement", [subject.pk]) == []
    # And the data is still stored
    assert Record.objects.filter(pk=dossier.data["id"]).exists()
    # Except for legal claims
    claim = write_record(care["supporter"], subject, "claim_file", {"note": "Verweer"}, "legal_claims")
    assert claim.status_code == 201


@pytest.mark.promise("S3-23", "S4-15")
def test_a_lifted_restriction_lets_processing_resume(care: Any) -> None:
    subject = new_subject()
    restriction = _restrict(care["supporter"], subject, "client_support").json()
    refused = write_record(care["supporter"], subject, "dossier", {"name": "Kees"}, "client_support")
    assert refused.status_code == 403 and refused.data["reason"] == "restricted"
    # A restriction on one purpose leaves the others alone
    assert write_record(care["supporter"], subject, "signal", {"note": "x"}, "neighbourhood").status_code == 201
    response = care["supporter"].client.post(f"/api/v1/restrictions/{restriction['id']}/lift", {}, format="json")
    assert response.status_code == 200 and response.json()["status"] == "lifted"
    assert write_record(care["supporter"], subject, "dossier", {"name": "Kees"}, "client_support").status_code == 201
    assert [len(audited(a, subject)) for a in ("restriction.set", "restriction.lift")] == [1, 1]
    twice = care["supporter"].client.post(f"/api/v1/restrictions/{restriction['id']}/lift", {}, format="json")
    assert twice.status_code == 409


def test_a_colleague_cannot_lift_a_restriction_someone_else_set(care: Any) -> None:
    """A user trial: the caseworker whose work a restriction blocked could lift the privacy officer's
    restriction herself. Now only whoever manages consents lifts another's restriction, on record; the
    caseworker's own restriction beside it she may still lift, and the officer's stays in force."""
    subject = new_subject()
    officers = _restrict(care["privacy_officer"], subject, "client_support").json()
    own = _restrict(care["supporter"], subject, "client_support").json()
    refused = care["supporter"].client.post(f"/api/v1/restrictions/{officers['id']}/lift", {}, format="json")
    assert refused.status_code == 403 and refused.json()["reason"] == "not_own_restriction"
    assert refusals("not_own_restriction", subject) == 1
    assert care["supporter"].client.post(f"/api/v1/restrictions/{own['id']}/lift", {}, format="json").status_code == 200
    still = write_record(care["supporter"], subject, "dossier", {"name": "Kees"}, "client_support")
    assert still.status_code == 403 and still.data["reason"] == "restricted"
    lifted = care["privacy_officer"].client.post(f"/api/v1/restrictions/{officers['id']}/lift", {}, format="json")
    assert lifted.status_code == 200
    assert write_record(care["supporter"], subject, "dossier", {"name": "Kees"}, "client_support").status_code == 201
