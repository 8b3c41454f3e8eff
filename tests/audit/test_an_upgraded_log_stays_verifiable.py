"""An audit log written before keyed entries existed is sealed by the upgrade (checkpoint 0) and verifies;
a later rewrite of it, even with its SHA-256 chain recomputed, is named."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from django.db import connection, transaction
from django.db.migrations.executor import MigrationExecutor

from waarborg.audiences.cli import main
from waarborg.engine.audit import append_only
from waarborg.engine.audit.log import GENESIS, append, hashed, legacy_digest
from waarborg.engine.audit.models import AuditEntry, AuditSeal

pytestmark = [pytest.mark.promise("S4-12"), pytest.mark.django_db(transaction=True)]

BEFORE, AFTER = ("audit", "0005_grouped_index"), ("audit", "0006_keyed_entries_and_checkpoints")


def _migrate(target: tuple[str, str]) -> None:
    executor = MigrationExecutor(connection)
    executor.migrate([target])


def _old_entry(entry_id: int, prev: str, outcome: str) -> dict[str, Any]:
    row = {"id": entry_id, "at": datetime(2026, 1, 5, 9, 0, tzinfo=UTC) + timedelta(minutes=entry_id),
           "actor_id": None, "actor": "anna", "actor_kind": "staff", "actor_roles": "assessor",
           "action": "record.read.refused" if outcome == "refused" else "record.read", "purpose": "payout",
           "policy_version": 1, "subject_pseudonym": "", "record_id": "", "outcome": outcome,
           "reason": "purpose_mismatch" if outcome == "refused" else "", "detail": {}, "sealed": None,
           "trace_id": "", "subjects": None, "prev_hash": prev}
    row["hash"] = legacy_digest(prev, hashed(row))
    return row


@pytest.fixture
def upgraded(db: Any) -> Iterator[list[dict[str, Any]]]:
    """The database as it was before 0006, with three entries of the SHA-256 chain; then the upgrade."""
    _migrate(BEFORE)
    rows, prev = [], GENESIS
    for entry_id, outcome in ((1, "ok"), (2, "refused"), (3, "ok")):
        rows.append(_old_entry(entry_id, prev, outcome))
        prev = rows[-1]["hash"]
    AuditEntry.objects.bulk_create([AuditEntry(**row) for row in rows])
    _migrate(AFTER)
    yield rows


def test_the_upgrade_seals_the_old_entries_and_verify_passes(upgraded: list[dict[str, Any]],
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    zero = AuditSeal.objects.get()
    assert (zero.sequence, zero.legacy, zero.last_entry, zero.entries) == (0, True, 3, 3)
    # and the log goes on with keyed entries, sealed by the next checkpoint outside the database
    with transaction.atomic():
        append(action="record.read", actor="system:test")
    assert main(["audit", "checkpoint"]) == 0
    assert main(["audit", "verify"]) == 0
    out = capsys.readouterr().out
    assert "audit chain intact: 5 entries" in out  # 3 old, 1 new, and the checkpoint's own entry
    assert "checkpoint 1 (outside the database" in out and "seals 4 entries up to entry" in out


def test_a_rewrite_of_the_old_entries_with_their_chain_recomputed_is_named(upgraded: list[dict[str, Any]],
                                                                           capsys: pytest.CaptureFixture[str]) -> None:
    # When the old refusal is made an "ok" and the SHA-256 chain after it recomputed, as before the upgrade
    rows = [dict(row) for row in upgraded]
    rows[1].update(outcome="ok", reason="", action="record.read")
    prev = rows[0]["hash"]
    for row in rows[1:]:
        row["prev_hash"] = prev
        row["hash"] = prev = legacy_digest(prev, hashed(row))
    append_only.lift(connection)
    for row in rows[1:]:
        AuditEntry.objects.filter(pk=row["id"]).update(**{k: v for k, v in row.items() if k != "id"})
    # then verify names the old segment's seal
    assert main(["audit", "verify"]) == 1
    err = capsys.readouterr().err
    assert "broken at entry 3:" in err and "checkpoint 0" in err
