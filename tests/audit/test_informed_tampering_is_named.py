"""Informed tampering with the audit log is named by `waarborg audit verify` (issue 14 found 0 of 9).

The attacker knows how the log works and has the table owner's rights on PostgreSQL, or the database file
on SQLite, but not the master key: they disable the append-only triggers, edit through a connection of
their own (on SQLite the file itself, with the sqlite3 module) and recompute whatever needs no key. Each
kind is done after `waarborg audit checkpoint` wrote a checkpoint outside the database; every one makes
`waarborg audit verify` exit 1 naming the entry, or the end of the log that is missing.
"""

from __future__ import annotations

import base64
import hashlib
import json
import sqlite3
from collections.abc import Iterator
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from django.db import connection

from waarborg.audiences.cli import main
from waarborg.engine.audit.log import HASHED, legacy_digest
from waarborg.engine.audit.models import AuditEntry, AuditSeal

pytestmark = [pytest.mark.promise("S0-22", "S4-12"), pytest.mark.django_db(transaction=True)]

COLUMNS = ("id", *HASHED, "prev_hash", "hash")


class Attacker:
    """Raw SQL with the owner's rights, or on the SQLite file, behind the platform's back."""

    def __init__(self) -> None:
        self.sqlite = connection.vendor == "sqlite"
        self.file = sqlite3.connect(connection.settings_dict["NAME"]) if self.sqlite else None
        if self.file is not None:
            for trigger in ("audit_no_update", "audit_no_delete", "audit_seal_no_update", "audit_seal_no_delete"):
                self.run(f"DROP TRIGGER IF EXISTS {trigger}")
        else:
            self.run("ALTER TABLE audit_auditentry DISABLE TRIGGER USER")
            self.run("ALTER TABLE audit_auditseal DISABLE TRIGGER USER")

    def run(self, sql: str, params: list[Any] | tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        if self.file is not None:
            rows = self.file.execute(sql.replace("%s", "?"), list(params)).fetchall()
            self.file.commit()
            return rows
        with connection.cursor() as cursor:
            cursor.execute(sql, list(params))
            return cursor.fetchall() if cursor.description else []

    def entry(self, entry_id: int) -> dict[str, Any]:
        row = self.run(f"SELECT {', '.join(COLUMNS)} FROM audit_auditentry WHERE id = %s",  # noqa: S608
                       [entry_id])[0]
        values = dict(zip(COLUMNS, row, strict=True))
        for name in ("detail", "subjects"):  # SQLite hands JSON back as text
            if isinstance(values[name], str):
                values[name] = json.loads(values[name])
        return values

    def insert(self, values: dict[str, Any]) -> None:
        row = [json.dumps(values[c]) if c in ("detail", "subjects") and values[c] is not None else values[c]
               for c in COLUMNS]
        marks = ", ".join(["%s"] * len(COLUMNS))
        self.run(f"INSERT INTO audit_auditentry ({', '.join(COLUMNS)}) VALUES ({marks})", row)  # noqa: S608

    def close(self) -> None:
        if self.file is not None:
            self.file.close()


@pytest.fixture
def checkpointed(processed: Any, personas: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """A log with a refusal in it, sealed by a checkpoint outside the database, then two more entries."""
    refused = personas["caseworker"].get(f"/api/v1/records/{processed.record.pk}", {"purpose": "eligibility"})
    assert refused.status_code == 403
    assert main(["audit", "checkpoint"]) == 0
    seal = AuditSeal.objects.get()
    personas["assessor"].get(f"/api/v1/records/{processed.record.pk}", {"purpose": "eligibility"})
    ids = list(AuditEntry.objects.order_by("id").values_list("id", flat=True))
    state = {"seal": seal, "ids": ids, "refusal": AuditEntry.objects.get(outcome="refused").pk}
    yield state
    if "attacker" in state:
        state["attacker"].close()


@pytest.fixture
def attacker(checkpointed: dict[str, Any]) -> Attacker:
    checkpointed["attacker"] = Attacker()
    return checkpointed["attacker"]


def verify(capsys: pytest.CaptureFixture[str]) -> str:
    capsys.readouterr()
    assert main(["audit", "verify"]) == 1
    return capsys.readouterr().err


def test_the_untouched_log_verifies_against_its_checkpoint(checkpointed: dict[str, Any],
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert main(["audit", "verify"]) == 0
    out = capsys.readouterr().out
    assert "audit chain intact" in out and "checkpoint 1 (outside the database" in out


def test_deleting_the_last_entries_is_named(checkpointed: dict[str, Any], attacker: Attacker,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    # When the last three sealed entries and everything after them are deleted
    cut = checkpointed["ids"][checkpointed["ids"].index(checkpointed["seal"].last_entry) - 2]
    attacker.run("DELETE FROM audit_auditentry WHERE id >= %s", [cut])
    # then verify says the end of the log is missing, up to the sealed last entry
    err = verify(capsys)
    assert "broken at the end" in err and "removed" in err and f"entry {checkpointed['seal'].last_entry}" in err


def test_truncating_the_log_is_named(checkpointed: dict[str, Any], attacker: Attacker,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    attacker.run("DELETE FROM audit_auditentry" if attacker.sqlite else "TRUNCATE audit_auditentry")
    err = verify(capsys)
    assert "the log is empty" in err and "checkpoint 1" in err


def test_emptying_the_log_and_its_checkpoints_in_the_database_is_named(checkpointed: dict[str, Any],
                                                                       attacker: Attacker,
                                                                       capsys: pytest.CaptureFixture[str]) -> None:
    # The checkpoint outside the database remembers what the database no longer does
    for table in ("audit_auditseal", "audit_auditentry"):
        attacker.run(f"DELETE FROM {table}" if attacker.sqlite else f"TRUNCATE {table}")  # noqa: S608
    err = verify(capsys)
    assert "the log is empty" in err and "checkpoint 1" in err


def test_removing_the_tail_with_the_checkpoint_that_sealed_it_is_named(checkpointed: dict[str, Any],
                                                                       attacker: Attacker,
                                                                       capsys: pytest.CaptureFixture[str]) -> None:
    last = checkpointed["seal"].last_entry
    attacker.run("DELETE FROM audit_auditseal")
    attacker.run("DELETE FROM audit_auditentry WHERE id >= %s", [last])
    err = verify(capsys)
    assert "broken at the end" in err and "removed" in err and f"entry {last}" in err


def test_an_appended_forged_entry_is_named(checkpointed: dict[str, Any], attacker: Attacker,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    # Given a copy of the last entry, made to say something else, hashed the way the old chain was
    last = attacker.entry(checkpointed["ids"][-1])
    forged = {**last, "id": last["id"] + 1, "action": "record.read", "actor": "anna", "prev_hash": last["hash"]}
    from waarborg.engine.audit.log import hashed

    forged["at"] = AuditEntry.objects.get(pk=last["id"]).at
    forged["hash"] = legacy_digest(last["hash"], hashed(forged))
    attacker.insert(forged)
    err = verify(capsys)
    assert f"broken at entry {forged['id']}:" in err and "not written by Waarborg" in err


def test_a_refusal_rewritten_to_ok_and_rehashed_is_named(checkpointed: dict[str, Any], attacker: Attacker,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    # When the refused read is turned into a permitted one, and its hash recomputed without the key
    refusal = checkpointed["refusal"]
    attacker.run("UPDATE audit_auditentry SET outcome = 'ok', reason = '', action = 'record.read' WHERE id = %s",
                 [refusal])
    values = attacker.entry(refusal)
    from waarborg.engine.audit.log import hashed

    values["at"] = AuditEntry.objects.get(pk=refusal).at
    guessed = hashlib.sha256(b"%d\0" % refusal + json.dumps(hashed(values), sort_keys=True).encode()).hexdigest()
    attacker.run("UPDATE audit_auditentry SET hash = %s WHERE id = %s", [guessed, refusal])
    err = verify(capsys)
    assert f"broken at entry {refusal}:" in err and "changed" in err


def test_a_removed_entry_with_the_rest_renumbered_is_named(checkpointed: dict[str, Any], attacker: Attacker,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    # When the refusal is removed and every later entry moves up one id, closing the gap
    refusal = checkpointed["refusal"]
    attacker.run("DELETE FROM audit_auditentry WHERE id = %s", [refusal])
    for entry_id in [i for i in checkpointed["ids"] if i > refusal]:
        attacker.run("UPDATE audit_auditentry SET id = %s WHERE id = %s", [entry_id - 1, entry_id])
    err = verify(capsys)
    assert f"broken at entry {refusal}:" in err


def test_two_entries_swapped_are_named(checkpointed: dict[str, Any], attacker: Attacker,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    first, second = checkpointed["ids"][1], checkpointed["ids"][2]
    attacker.run("UPDATE audit_auditentry SET id = %s WHERE id = %s", [-1, first])
    attacker.run("UPDATE audit_auditentry SET id = %s WHERE id = %s", [first, second])
    attacker.run("UPDATE audit_auditentry SET id = %s WHERE id = %s", [second, -1])
    err = verify(capsys)
    assert "broken at entry" in err and "changed" in err


def test_a_rewritten_log_with_a_checkpoint_signed_by_another_key_is_named(checkpointed: dict[str, Any],
                                                                          attacker: Attacker,
                                                                          capsys: pytest.CaptureFixture[str]) -> None:
    # When the attacker signs a checkpoint of their own over the log as they want it
    seal = checkpointed["seal"]
    said = {"format": "waarborg-audit-checkpoint/1", "sequence": 2, "after": seal.last_entry,
            "last_entry": checkpointed["ids"][-1], "gaps": [], "entries": len(checkpointed["ids"]),
            "head": "0" * 64, "at": seal.at.isoformat(), "legacy": False}
    signature = base64.b64encode(Ed25519PrivateKey.generate().sign(
        json.dumps(said, sort_keys=True, separators=(",", ":")).encode())).decode()
    attacker.run("INSERT INTO audit_auditseal (sequence, after, last_entry, gaps, entries, head, at, legacy, "
                 "signature) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s)",
                 [2, said["after"], said["last_entry"], "[]", said["entries"], said["head"], seal.at, False, signature])
    err = verify(capsys)
    assert "checkpoint 2 in the database is not signed with this installation's checkpoint key" in err
