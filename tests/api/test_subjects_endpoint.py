"""POST /api/v1/subjects: register a data subject; the BSN is 11-proof checked and never stored in
the clear."""

from __future__ import annotations

from typing import Any

import pytest

from tests.api.conftest import refused_entry
from tests.vault import factories
from waarborg.engine.keyring.crypto import keyed_hash
from waarborg.engine.vault.models import Subject

URL = "/api/v1/subjects"


def test_unauthenticated_callers_get_401(anonymous: Any, policy: Any) -> None:
    response = anonymous.post(URL, {"bsn": factories.VALID_BSN}, format="json")
    assert response.status_code == 401
    assert not Subject.objects.exists()


@pytest.mark.promise("S4-07")
def test_staff_without_a_writing_role_get_403_and_the_attempt_is_logged(personas: Any) -> None:
    outsider = personas["outsider"]
    response = outsider.post(URL, {"bsn": factories.VALID_BSN}, format="json")
    assert response.status_code == 403
    assert response.json()["reason"] == "role_not_granted" and response.json()["detail"]
    assert refused_entry(outsider).action == "write.refused"
    assert not Subject.objects.exists()


def test_a_subject_is_created_with_its_bsn_sealed_and_hashed(personas: Any) -> None:
    response = personas["assessor"].post(
        URL, {"bsn": "1112.22.333", "birth_date": "1961-04-12", "external_id": "AS-2025-0042"},
        format="json", HTTP_X_PURPOSE="eligibility")
    assert response.status_code == 201
    subject = Subject.objects.get(pk=response.json()["id"])
    assert list(response.json()) == ["id"]
    assert subject.bsn_hash == keyed_hash(factories.VALID_BSN)
    assert factories.VALID_BSN.encode() not in bytes(subject.sealed) and b"1961" not in bytes(subject.sealed)
    entry = factories.last_entry(action="subject.create")
    assert (entry.actor, entry.purpose, entry.detail) == ("anna", "eligibility", {"fields": ["birth_date", "bsn"]})


def test_a_bsn_failing_the_eleven_proof_is_refused_without_echoing_it(personas: Any) -> None:
    response = personas["assessor"].post(URL, {"bsn": "123456789"}, format="json")
    assert response.status_code == 422
    assert list(response.json()["errors"]) == ["bsn"]
    assert "123456789" not in response.content.decode()


def test_a_birth_date_in_the_future_is_refused(personas: Any) -> None:
    response = personas["assessor"].post(URL, {"birth_date": "2999-01-01"}, format="json")
    assert response.status_code == 422 and list(response.json()["errors"]) == ["birth_date"]


def test_a_second_subject_with_the_same_external_id_is_a_conflict(personas: Any) -> None:
    assessor = personas["assessor"]
    assert assessor.post(URL, {"bsn": factories.VALID_BSN, "external_id": "A-1"}, format="json").status_code == 201
    assert assessor.post(URL, {"external_id": "A-1"}, format="json").status_code == 409
    assert Subject.objects.count() == 1


def test_a_named_purpose_runs_the_full_check(personas: Any) -> None:
    response = personas["assessor"].post(URL, {}, format="json", HTTP_X_PURPOSE="newsletter")
    assert response.status_code == 403 and response.json()["reason"] == "role_not_granted"
