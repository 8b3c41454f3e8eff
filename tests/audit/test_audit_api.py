"""GET /api/v1/audit/entries: read-only, for the privacy officer; no method changes an entry."""

from __future__ import annotations

from typing import Any

import pytest
from rest_framework.test import APIClient

from waarborg.engine.audit.models import AuditEntry
from waarborg.engine.keyring.crypto import pseudonym

URL = "/api/v1/audit/entries"


def test_unauthenticated_gets_401(anonymous: APIClient, policy: Any) -> None:
    assert anonymous.get(URL).status_code == 401


def test_a_caseworker_is_refused_and_the_attempt_is_logged(personas: dict[str, Any]) -> None:
    response = personas["caseworker"].get(URL)
    assert response.status_code == 403
    assert response.json()["reason"] == "role_not_granted"
    refused = AuditEntry.objects.get(action="audit.read.refused")
    assert refused.actor == "carl" and refused.outcome == "refused"


def test_the_privacy_officer_reads_the_chain_in_pages(processed: Any, personas: dict[str, Any]) -> None:
    officer = personas["privacy_officer"]
    first = officer.get(URL, {"limit": 2}).json()
    assert len(first["entries"]) == 2 and first["next_after"] == first["entries"][-1]["id"]
    # in id order, each with its own MAC (keyed entries have no prev_hash: checkpoints chain them)
    assert first["entries"][0]["id"] < first["entries"][1]["id"]
    assert all(len(e["hash"]) == 64 and e["prev_hash"] == "" for e in first["entries"])
    own = officer.get(URL, {"subject": str(processed.subject.pk)}).json()["entries"]
    assert [e["action"] for e in own] == ["subject.create", "record.create", "record.read"]
    assert {e["subject"] for e in own} == {pseudonym(processed.subject.pk)}
    assert own[-1]["actor"] == "anna" and own[-1]["purpose"] == "eligibility"
    # reading the log is itself logged
    assert AuditEntry.objects.filter(action="audit.read", actor="pia").count() == 2


@pytest.mark.promise("S0-22", "S0-24")
@pytest.mark.parametrize("method", ["put", "patch", "delete", "post"])
def test_no_method_changes_or_removes_an_entry_through_the_api(processed: Any, personas: dict[str, Any],
                                                               method: str) -> None:
    # Given the privacy officer, who may read the log
    entry = AuditEntry.objects.get(action="record.read")
    before = list(AuditEntry.objects.values_list("id", "hash"))
    client = personas["privacy_officer"].client
    # when any writing method is tried, on the list or on an entry
    for url in (URL, f"{URL}/{entry.pk}"):
        response = getattr(client, method)(url, {"action": "record.create"}, format="json")
        assert response.status_code in (404, 405)
    # then every entry is as it was
    assert list(AuditEntry.objects.filter(id__lte=before[-1][0]).values_list("id", "hash")) == before
