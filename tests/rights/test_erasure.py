"""Erasure removes all that no legal obligation keeps, and says what was kept and why."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.rights.conftest import ALL_REDACTIONS, audit, file_request, verified_request
from waarborg.vault.models import Record, SubjectKey


@pytest.mark.promise("S0-39", "S1-21", "S2-27")
def test_helpdesk_files_an_erasure_and_all_but_the_legally_kept_payout_records_go(
        personas: dict[str, Any], anna: Any) -> None:
    officer = personas["privacy_officer"]
    ledger = anna.records.get(type="ledger_entry")
    payout = anna.records.get(type="payout")
    # given helpdesk staff filed an erasure request for a subject with a paid award
    request_id = file_request(personas["caseworker"], anna, "erasure", "phone").data["id"]
    officer.post(f"/api/v1/requests/{request_id}/verify", {"method": "id_copy", "redactions": ALL_REDACTIONS},
                 format="json")
    # when the officer carries it out
    answer = officer.post(f"/api/v1/requests/{request_id}/erase", {}, format="json")
    assert answer.status_code == 200
    result = answer.json()
    # then the payout and the ledger entry remain on their fiscal ground, each saying until when
    kept = {k["type"]: k for k in result["kept"]}
    assert {(t, k["record"]) for t, k in kept.items()} == {("ledger_entry", str(ledger.pk)),
                                                           ("payout", str(payout.pk))}
    assert "art. 52 Algemene wet inzake rijksbelastingen" in kept["ledger_entry"]["ground"]
    assert "fiscale bewaarplicht" in kept["payout"]["ground"]
    assert "until" in kept["payout"]
    assert sorted(anna.records.values_list("type", flat=True)) == ["ledger_entry", "payout"]
    assert result["anonymised"] == []
    # everything else is deleted
    assert sorted(d["type"] for d in result["deleted"]) == ["application", "helpdesk_ticket"]
    assert Record.objects.count() == 2
    # and the answer lists what was kept, on which ground, and the right to complain
    assert result["status"] == "answered"
    assert "art. 52 Algemene wet inzake rijksbelastingen" in result["answer"]["nl"]
    assert "https://www.autoriteitpersoonsgegevens.nl" in result["answer"]["nl"]
    # the key stays: the kept ledger entry still needs it
    assert SubjectKey.objects.filter(subject=anna).exists()
    anna.refresh_from_db()
    assert anna.bsn_hash is None and anna.sealed is None
    deletions = audit("record.delete")
    assert sorted(e.detail["type"] for e in deletions) == ["application", "helpdesk_ticket"]
    assert {e.record_id for e in deletions} == {d["record"] for d in result["deleted"]}
    assert audit("subject.erase")[0].detail["kept"] == 2


@pytest.mark.promise("S1-21")
def test_when_nothing_must_be_kept_the_subject_key_is_shredded(personas: dict[str, Any], bert: Any,
                                                                anna: Any) -> None:
    officer = personas["privacy_officer"]
    request_id = verified_request(officer, bert, "erasure", details="Verwijder alles")
    result = officer.post(f"/api/v1/requests/{request_id}/erase", {}, format="json").json()
    assert result["kept"] == [] and result["key_shredded"] is True
    assert not bert.records.exists() and not SubjectKey.objects.filter(subject=bert).exists()
    bert.refresh_from_db()
    assert bert.erased_at is not None and bert.external_id is None
    assert "niets van u bewaard" in result["answer"]["nl"]
    # Anna is untouched
    assert anna.records.count() == 4 and SubjectKey.objects.filter(subject=anna).exists()
    # the request itself remains as accountability, its sealed details unreadable now
    shown = officer.get(f"/api/v1/requests/{request_id}").json()
    assert (shown["type"], shown["status"], shown["details"]) == ("erasure", "answered", "")
    assert json.dumps(shown).count("Verwijder alles") == 0


def test_erasure_runs_only_for_an_erasure_request(personas: dict[str, Any], anna: Any) -> None:
    officer = personas["privacy_officer"]
    request_id = verified_request(officer, anna, "access")
    assert officer.post(f"/api/v1/requests/{request_id}/erase", {}, format="json").status_code == 409
    assert anna.records.count() == 4


def test_an_access_request_after_a_full_erasure_shows_that_nothing_is_left(personas: dict[str, Any],
                                                                        bert: Any) -> None:
    officer = personas["privacy_officer"]
    erasure_id = verified_request(officer, bert, "erasure")
    officer.post(f"/api/v1/requests/{erasure_id}/erase", {}, format="json")
    access_id = verified_request(officer, bert, "access")
    export = json.loads(officer.get(f"/api/v1/requests/{access_id}/export").content)
    assert export["purposes"] == [] and export["statements"] == []
    assert "bsn" not in export["subject"]
    assert [r["type"] for r in export["requests"]] == ["erasure", "access"]
