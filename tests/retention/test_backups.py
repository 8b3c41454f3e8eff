"""Backups that forget: encrypted, pruned after the policy's 6 weeks (S0-34), and a restore of a
backup taken before an erasure finds the erased subject gone."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
import time_machine
from django.utils import timezone

from tests.retention.conftest import at, record_exists
from waarborg.audit.log import verify
from waarborg.audit.models import AuditEntry
from waarborg.cli import main
from waarborg.retention import backups
from waarborg.retention.sweep import sweep_expired
from waarborg.vault.models import SubjectKey


@pytest.fixture(autouse=True)
def _places(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WAARBORG_BACKUP_DIR", str(tmp_path / "backups"))
    monkeypatch.setenv("WAARBORG_ERASURE_JOURNAL", str(tmp_path / "journal.jsonl"))


@pytest.mark.django_db(transaction=True)
def test_a_restore_never_brings_an_erased_subject_back(make: Any) -> None:
    # Given a tip that has expired and an application that has not
    tip = make.record("tip", at(2026, 1, 1))
    application = make.record("application", timezone.now() - timedelta(days=30))
    # And a backup taken before the sweep
    backup = backups.create()
    raw = backup.path.read_bytes()
    assert raw.startswith(b"WBK1") and b"SQLite format" not in raw and b"Meer bankjes" not in raw

    # When the sweep erases the tip, and later that backup is restored
    assert sweep_expired().deleted["tip_3m"] == 1
    counts = backups.restore(backup)

    # Then the erased tip and its subject's key are gone again; the rest came back
    assert counts["record.delete"] == 1 and counts["subject.shred"] == 1
    assert not record_exists(tip) and record_exists(application)
    assert not SubjectKey.objects.filter(subject_id=tip.subject_id).exists()
    assert AuditEntry.objects.filter(action="backup.restore").count() == 1
    assert verify()[1] is None


@pytest.mark.promise("S0-34")
@pytest.mark.django_db(transaction=True)
def test_backups_older_than_six_weeks_are_pruned(policy: Any, capsys: pytest.CaptureFixture[str]) -> None:
    with time_machine.travel(at(2026, 9, 1), tick=False):
        old = backups.create()
    with time_machine.travel(at(2026, 9, 20), tick=False):
        young = backups.create()
    with time_machine.travel(at(2026, 10, 14), tick=False):
        assert main(["backup", "prune"]) == 0
    assert "1 backups deleted" in capsys.readouterr().out
    assert not old.path.exists() and young.path.exists()
    assert main(["backup", "list"]) == 0
    assert young.path.name in capsys.readouterr().out


@pytest.mark.django_db(transaction=True)
def test_a_changed_backup_is_refused(policy: Any, capsys: pytest.CaptureFixture[str]) -> None:
    backup = backups.create()
    data = bytearray(backup.path.read_bytes())
    data[40] ^= 1
    backup.path.write_bytes(bytes(data))
    assert main(["backup", "restore", backup.path.name]) == 1
    assert "cannot be decrypted" in capsys.readouterr().err
