"""The FG or the Autoriteit Persoonsgegevens checks an exported audit log with public material only: the
installation's public key (`waarborg audit public-key`), the checkpoint file, and the export
(`waarborg audit export -o log.jsonl`). `waarborg audit verify-export` needs no database, no master key and no
configuration; every kind of tampering with the export or the checkpoints is named, by entry where there is one."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from waarborg.audiences.cli import main
from waarborg.engine.audit.models import AuditEntry, AuditSeal

pytestmark = [pytest.mark.promise("S0-22", "S4-12"), pytest.mark.django_db]


@pytest.fixture
def handed_over(processed: Any, personas: dict[str, Any], settings: Any, tmp_path: Path,
                capsys: pytest.CaptureFixture[str]) -> dict[str, Any]:
    """What the installation hands the FG: a log with a refusal, sealed by a checkpoint, two entries after it;
    its export, its public key and a copy of its checkpoint file."""
    refused = personas["caseworker"].get(f"/api/v1/records/{processed.record.pk}", {"purpose": "eligibility"})
    assert refused.status_code == 403
    assert main(["audit", "checkpoint"]) == 0
    personas["assessor"].get(f"/api/v1/records/{processed.record.pk}", {"purpose": "eligibility"})
    export = tmp_path / "log.jsonl"
    assert main(["audit", "export", "-o", str(export)]) == 0
    capsys.readouterr()
    assert main(["audit", "public-key"]) == 0
    key = tmp_path / "key.pem"
    key.write_text(capsys.readouterr().out)
    checkpoints = tmp_path / "checkpoints.jsonl"
    checkpoints.write_text(Path(settings.WAARBORG_AUDIT_CHECKPOINTS).read_text())
    return {"export": export, "key": key, "checkpoints": checkpoints, "seal": AuditSeal.objects.get(),
            "refusal": AuditEntry.objects.get(outcome="refused").pk}


def verify_export(given: dict[str, Any], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    capsys.readouterr()
    status = main(["audit", "verify-export", str(given["export"]), "--public-key", str(given["key"]),
                   "--checkpoints", str(given["checkpoints"])])
    captured = capsys.readouterr()
    return status, captured.out + captured.err


def test_an_untouched_export_verifies_without_any_secret_or_database(handed_over: dict[str, Any],
                                                                     tmp_path: Path) -> None:
    # on the FG's machine: no home, no database, no master key, nothing of the installation's configuration
    env = {k: v for k, v in os.environ.items() if not k.startswith(("WAARBORG_", "DATABASE_URL"))}
    env.update(WAARBORG_HOME=str(tmp_path / "nothing-here"), WAARBORG_CONFIG="")
    done = subprocess.run([sys.executable, "-m", "waarborg", "audit", "verify-export", str(handed_over["export"]),
                           "--public-key", str(handed_over["key"]), "--checkpoints", str(handed_over["checkpoints"])],
                          env=env, capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    seal = handed_over["seal"]
    entries = len(handed_over["export"].read_text().splitlines()) - 1
    assert f"export intact: {entries} entries" in done.stdout
    assert "checkpoint 1 of " in done.stdout
    assert f"seals {seal.entries} entries up to entry {seal.last_entry}" in done.stdout
    assert not (tmp_path / "nothing-here").exists()


def test_the_export_itself_is_on_record(handed_over: dict[str, Any]) -> None:
    [entry] = AuditEntry.objects.filter(action="audit.export")
    assert entry.detail["entries"] == len(handed_over["export"].read_text().splitlines()) - 1


def _lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text().splitlines()]


def _write(path: Path, rows: list[dict[str, Any]]) -> None:
    path.write_text("".join(json.dumps(row, sort_keys=True, separators=(",", ":")) + "\n" for row in rows))


def remove_a_sealed_entry(given: dict[str, Any]) -> str:
    rows = _lines(given["export"])
    gone = rows.pop(2)
    _write(given["export"], rows)
    return f"at entry {gone['id']}: checkpoint 1 sealed it, and it is not in the export (removed)"


def cut_off_the_tail(given: dict[str, Any]) -> str:
    rows = _lines(given["export"])
    kept = [row for row in rows[:-1] if row["id"] < given["seal"].last_entry - 1]
    _write(given["export"], [*kept, rows[-1]])
    return f"entries up to entry {given['seal'].last_entry}: the last entries are missing (truncated)"


def rewrite_a_refusal_to_ok(given: dict[str, Any]) -> str:
    rows = _lines(given["export"])
    for row in rows:
        if row.get("id") == given["refusal"]:
            row["entry"]["outcome"], row["entry"]["reason"] = "ok", ""
    _write(given["export"], rows)
    return "a line was changed after the export was made"


def swap_two_entries(given: dict[str, Any]) -> str:
    rows = _lines(given["export"])
    rows[1], rows[2] = rows[2], rows[1]
    _write(given["export"], rows)
    return f"at entry {rows[2]['id']}: it comes after entry {rows[1]['id']}: the export's entries are out of order"


def change_a_sealed_mac(given: dict[str, Any]) -> str:
    rows = _lines(given["export"])
    rows[0]["hash"] = "0" * 64
    _write(given["export"], rows)
    return f"at entry {given['seal'].last_entry}: the entries after entry 0 up to this one are not the ones checkpoint 1"


def add_a_forged_entry_after_the_checkpoint(given: dict[str, Any]) -> str:
    rows = _lines(given["export"])
    forged = {**rows[-2], "id": rows[-2]["id"] + 1}
    _write(given["export"], [*rows[:-1], forged, rows[-1]])
    return "entries were removed or added after export"


def remove_the_signed_closing_line(given: dict[str, Any]) -> str:
    _write(given["export"], _lines(given["export"])[:-1])
    return "no signed closing line"


def resign_the_export_with_another_key(given: dict[str, Any]) -> str:
    import base64

    from waarborg.engine.audit.public import CLOSING_KEYS, canonical

    rows = _lines(given["export"])
    said = {name: rows[-1][name] for name in CLOSING_KEYS}
    said["digest"] = "f" * 64
    rows[-1] = {**said, "signature": base64.b64encode(Ed25519PrivateKey.generate().sign(canonical(said))).decode()}
    _write(given["export"], rows)
    return "the export's closing line is not signed with this public key"


def alter_a_checkpoint(given: dict[str, Any]) -> str:
    rows = _lines(given["checkpoints"])
    rows[-1]["entries"] -= 1
    _write(given["checkpoints"], rows)
    return "checkpoint file line 1 (checkpoint 1) is not signed with this public key"


def hand_over_another_installations_key(given: dict[str, Any]) -> str:
    other = Ed25519PrivateKey.generate().public_key()
    given["key"].write_bytes(other.public_bytes(serialization.Encoding.PEM,
                                                serialization.PublicFormat.SubjectPublicKeyInfo))
    return "is not signed with this public key"


@pytest.mark.parametrize("tamper", [remove_a_sealed_entry, cut_off_the_tail, rewrite_a_refusal_to_ok,
                                    swap_two_entries, change_a_sealed_mac, add_a_forged_entry_after_the_checkpoint,
                                    remove_the_signed_closing_line, resign_the_export_with_another_key,
                                    alter_a_checkpoint, hand_over_another_installations_key])
def test_tampering_with_the_export_or_the_checkpoints_is_named(handed_over: dict[str, Any],
                                                              tamper: Callable[[dict[str, Any]], str],
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    named = tamper(handed_over)
    status, said = verify_export(handed_over, capsys)
    assert status == 1
    assert "export does not verify" in said and named in said, said


def test_a_log_that_does_not_verify_is_not_exported(handed_over: dict[str, Any], tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    from django.db import connection

    # the table owner rewrites a refusal behind the platform's back (the triggers lifted for the moment)
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("DROP TRIGGER IF EXISTS audit_no_update")
        else:
            cursor.execute("ALTER TABLE audit_auditentry DISABLE TRIGGER USER")
        cursor.execute("UPDATE audit_auditentry SET outcome = 'ok' WHERE id = %s", [handed_over["refusal"]])
    capsys.readouterr()
    assert main(["audit", "export", "-o", str(tmp_path / "again.jsonl")]) == 1
    assert "the audit log does not verify" in capsys.readouterr().err
    assert not (tmp_path / "again.jsonl").exists() and not (tmp_path / "again.jsonl.partial").exists()


def test_an_empty_checkpoint_file_is_no_check_passed(handed_over: dict[str, Any],
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    """A user trial handed over an empty checkpoint file and got exit 0: without checkpoints, whoever made the
    export could have left entries out, so the FG must hear that nothing was checked."""
    handed_over["checkpoints"].write_text("")
    status, said = verify_export(handed_over, capsys)
    assert status == 1
    assert "holds no checkpoint" in said and "completeness cannot be checked" in said, said


def test_a_key_that_is_no_public_key_is_named_in_words(handed_over: dict[str, Any],
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    handed_over["key"].write_text("not a key\n")
    status, said = verify_export(handed_over, capsys)
    assert status == 1
    assert "export does not verify: the public key cannot be read" in said and "cryptography.io" not in said, said


def test_an_export_never_replaces_an_earlier_one_unasked(handed_over: dict[str, Any],
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    """A user trial wrote a new export over the one already handed to the FG. An existing file is refused, in
    words, and stays as it was; `--force` replaces it."""
    export = handed_over["export"]
    before = export.read_bytes()
    capsys.readouterr()
    assert main(["audit", "export", "-o", str(export)]) == 1
    assert "exists already" in capsys.readouterr().err
    assert export.read_bytes() == before
    assert main(["audit", "export", "-o", str(export), "--force"]) == 0
    assert export.read_bytes() != before  # the entries of the exports themselves are new
    assert export.stat().st_mode & 0o777 == 0o600  # for the FG, not for the machine's other users
