"""`waarborg sweep [--dry-run]` prints per rule what was (or would be) deleted or anonymised;
`--dry-run` changes nothing; `waarborg hold list` shows the holds in force and the sweep says which hold kept what."""

from __future__ import annotations

from typing import Any

import pytest
import time_machine

from tests.retention.conftest import at, record_exists
from waarborg.audiences.cli import main
from waarborg.engine.audit.models import AuditEntry
from waarborg.engine.retention.holds import hold_place
from waarborg.engine.vault.models import Record


@pytest.fixture
def expired(make: Any) -> dict[str, Any]:
    return {"tip": make.record("tip", at(2026, 1, 1)), "tip2": make.record("tip", at(2026, 1, 2)),
            "payout": make.record("payout", at(2024, 12, 15)),
            "young_tip": make.record("tip", at(2027, 11, 1))}


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    with time_machine.travel(at(2027, 12, 1), tick=False):
        status = main(list(args))
    return status, capsys.readouterr().out


@pytest.mark.promise("S4-09")
def test_a_dry_run_prints_what_would_go_and_changes_nothing(expired: Any, capsys: pytest.CaptureFixture[str]) -> None:
    before = AuditEntry.objects.count()
    status, out = _run(capsys, "sweep", "--dry-run")
    assert status == 0
    assert "tip_3m: 2 would be deleted" in out
    assert "award_cycle_anonymised: 1 would be anonymised" in out
    assert "dry run: nothing changed" in out
    assert Record.objects.count() == 4 and Record.objects.filter(anonymised_at__isnull=False).count() == 0
    assert AuditEntry.objects.count() == before


@pytest.mark.promise("S4-09", "S3-18")
def test_the_sweep_prints_what_it_did_and_the_chain_stays_intact(expired: Any, capsys: pytest.CaptureFixture[str]) -> None:
    status, out = _run(capsys, "sweep", "--batch-size", "1")
    assert status == 0
    assert "tip_3m: 2 deleted" in out and "award_cycle_anonymised: 1 anonymised" in out
    assert "total: 2 deleted, 1 anonymised; 3 data keys shredded" in out
    assert not record_exists(expired["tip"]) and record_exists(expired["young_tip"])
    assert sum(len(e.detail["items"]["record"]) for e in AuditEntry.objects.filter(action="record.delete",
                                                                          detail__rule="tip_3m")) == 2

    status, out = _run(capsys, "sweep")
    assert status == 0 and "total: 0 deleted, 0 anonymised" in out
    assert main(["audit", "verify"]) == 0


def test_a_preview_before_a_date_counts_per_rule(expired: Any, capsys: pytest.CaptureFixture[str]) -> None:
    status, out = _run(capsys, "sweep", "--before", "2028-03-01")
    assert status == 0 and "tip_3m: 3 would be deleted" in out and record_exists(expired["tip"])


def test_a_held_record_is_kept_and_reported(expired: Any, personas: Any, capsys: pytest.CaptureFixture[str]) -> None:
    hold = hold_place(personas["privacy_officer"].user, record=expired["tip"], reason="rights_request",
                      justification="Inzageverzoek loopt.")
    status, out = _run(capsys, "sweep")
    assert status == 0 and "tip_3m: 1 deleted, 1 kept by a hold" in out
    assert f"kept by hold {hold.pk} (rights_request): 1 record(s)" in out
    assert record_exists(expired["tip"]) and not record_exists(expired["tip2"])


def test_holds_list_shows_reason_target_and_justification(expired: Any, personas: Any,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["holds", "list"]) == 0
    assert "no holds in force" in capsys.readouterr().out
    hold_place(personas["privacy_officer"].user, subject=expired["payout"].subject, reason="fraud_investigation",
               justification="Vermoeden van dubbele aanvraag.", until=at(2028, 1, 1))
    assert main(["holds", "list"]) == 0
    out = capsys.readouterr().out
    assert "fraud_investigation" in out and f"subject {expired['payout'].subject_id}" in out
    assert "2028-01-01" in out and "Vermoeden van dubbele aanvraag." in out


def test_a_bad_batch_size_is_a_user_error(policy: Any, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["sweep", "--batch-size", "0"]) == 1
    assert "--batch-size" in capsys.readouterr().err
