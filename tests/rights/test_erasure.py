"""Erasure removes all that no legal obligation keeps, and says what was kept and why."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import pytest
import time_machine
from django.utils import timezone

from tests.rights.conftest import ALL_REDACTIONS, PAYOUT, audit, file_request, verified_request
from waarborg.core.times import day_in_words, parse
from waarborg.engine.consent.models import Restriction
from waarborg.engine.vault.models import Record, SubjectKey


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
    # the ledger entry until its date, seven years after it was booked; never an empty "until"
    seven_years = timezone.localtime(ledger.collected_at).date().replace(year=ledger.collected_at.year + 7)
    assert kept["ledger_entry"]["until"].endswith("Z")  # the one time format
    assert timezone.localtime(parse(kept["ledger_entry"]["until"])).date() == seven_years
    assert kept["ledger_entry"]["until_words"]["nl"].startswith(f"tot {day_in_words(seven_years)}, daarna verwijderd")
    for item in result["kept"]:
        assert item.get("until", "set") is not None and item["until_words"]["nl"] and item["until_words"]["en"]
        assert item["restricted"] is True
    # kept data serves only its legal ground from now on: its purposes are restricted for this subject
    assert set(Restriction.objects.filter(subject=anna, lifted_at=None).values_list("purpose", flat=True)) == {
        "payout", "administration"}
    assert personas["assessor"].get(f"/api/v1/records/{payout.pk}?purpose=payout").json()["reason"] == "restricted"
    assert sorted(anna.records.values_list("type", flat=True)) == ["ledger_entry", "payout"]
    assert result["anonymised"] == []
    # everything else is deleted
    assert sorted(d["type"] for d in result["deleted"]) == ["application", "helpdesk_ticket"]
    assert Record.objects.count() == 2
    # and the answer lists what was kept, on which ground, and the right to complain
    assert result["status"] == "answered"
    assert "art. 52 Algemene wet inzake rijksbelastingen" in result["answer"]["nl"]
    assert "https://www.autoriteitpersoonsgegevens.nl" in result["answer"]["nl"]
    for item in result["kept"]:  # the letter says until when, as the answer does
        assert item["until_words"]["nl"] in result["answer"]["nl"]
        assert item["until_words"]["en"] in result["answer"]["en"]
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


def _paid(personas: dict[str, Any], collected_at: datetime) -> Any:
    from waarborg.engine.records.actions import record_create, subject_create

    assessor = personas["assessor"].user
    subject = subject_create(assessor)
    record_create(assessor, subject=subject, type="payout", data=PAYOUT, purpose="payout", collected_at=collected_at)
    return subject


@pytest.mark.promise("S0-39", "S1-21")
@pytest.mark.parametrize(("paid", "until", "words"), [
    # paid in March 2025: the next edition closes on 30-11-2026, so the link to the person goes on 30-11-2027
    (datetime(2025, 3, 1, 12, tzinfo=UTC), "2027-11-30", "tot 30 november 2027, daarna geanonimiseerd"),
    # paid in March 2026: the closing of the next edition is not known yet; the answer gives the rule in words
    (datetime(2026, 3, 1, 12, tzinfo=UTC), None, "Tot 12 maanden na de sluiting van de volgende ronde"),
])
def test_a_kept_payout_says_until_which_date_or_gives_the_rule_in_words_when_the_date_is_not_known_yet(
        personas: dict[str, Any], paid: datetime, until: str | None, words: str) -> None:
    officer = personas["privacy_officer"]
    subject = _paid(personas, paid)
    with time_machine.travel(datetime(2026, 4, 1, 9, tzinfo=UTC), tick=False):
        request_id = verified_request(officer, subject, "erasure")
        result = officer.post(f"/api/v1/requests/{request_id}/erase", {}, format="json").json()
    [kept] = result["kept"]
    assert kept["type"] == "payout" and "fiscale bewaarplicht" in kept["ground"]
    if until is None:
        assert "until" not in kept
        assert "nog niet bekend" in kept["until_words"]["nl"] and "not known yet" in kept["until_words"]["en"]
    else:
        assert timezone.localtime(parse(kept["until"])).date().isoformat() == until  # UTC with Z, a local day
    assert words in kept["until_words"]["nl"]
    assert kept["until_words"]["nl"] in result["answer"]["nl"]
