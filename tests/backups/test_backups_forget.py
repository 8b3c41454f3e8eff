"""Backups are encrypted, expire after the policy's period, and a restore never brings erased people back."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import time_machine
from django.db import transaction

from tests.vault.stored import record_data
from waarborg.audiences.cli import main
from waarborg.engine.backups import actions, archive
from waarborg.engine.records import actions as vault
from waarborg.engine.vault import journal
from waarborg.engine.vault.keys import shred
from waarborg.engine.vault.models import Record, Subject

APPLICATION = {
    "name": "Jan Jansen", "phone": "0592 123456", "address": "Markt 1, Assen", "birth_date": "1970-05-01",
    "care_recipient_address": "Markt 2, Assen", "edition": 2026,
}


def _erase(subject: Subject) -> None:
    """What an erasure does to the vault: journal first, then delete and shred in one transaction."""
    with transaction.atomic():
        journal.note("subject", [subject.pk], "erasure")
        Record.objects.filter(subject=subject).delete()
        shred(subject)
        subject.delete()


@pytest.fixture
def backups_dir(settings: Any, tmp_path: Path) -> Path:
    settings.WAARBORG_BACKUP_DIR = tmp_path / "backups"
    settings.WAARBORG_ERASURE_JOURNAL = tmp_path / "journal.jsonl"
    return tmp_path / "backups"


@pytest.mark.promise("S0-34")
@pytest.mark.django_db(transaction=True)
def test_a_restore_never_brings_an_erased_subject_back(personas: Any, backups_dir: Path) -> None:
    # given two applicants and a backup holding both
    assessor = personas["assessor"].user
    kept, erased = (vault.subject_create(assessor) for _ in range(2))
    for subject in (kept, erased):
        vault.record_create(assessor, subject=subject, type="application", data=APPLICATION, purpose="eligibility")
    backup = actions.create()
    # when one of them is erased after the backup, and the backup is restored
    _erase(erased)
    assert main(["backup", "restore", str(backup.path), "--yes"]) == 0
    # then the erased subject and its records are gone again, the other one is back intact
    assert not Subject.objects.filter(pk=erased.pk).exists()
    assert not Record.objects.filter(subject_id=erased.pk).exists()
    record = Record.objects.get(subject=kept)
    assert record_data(record)["name"] == "Jan Jansen"
    assert main(["audit", "verify"]) == 0


@pytest.mark.django_db(transaction=True)
def test_a_backup_holds_no_plaintext_and_a_tampered_backup_is_refused(personas: Any, backups_dir: Path,
                                                                        tmp_path: Path) -> None:
    assessor = personas["assessor"].user
    subject = vault.subject_create(assessor)
    vault.record_create(assessor, subject=subject, type="application", data=APPLICATION, purpose="eligibility")
    backup = actions.create()
    raw = backup.path.read_bytes()
    assert b"Jan Jansen" not in raw and b"Assen" not in raw and b"valtes" not in raw
    tampered = tmp_path / "tampered.wbk"
    tampered.write_bytes(raw[:-20] + bytes(20))
    with pytest.raises(archive.BackupCorrupt):
        archive.decrypt(tampered, tmp_path / "out")


@pytest.mark.promise("S0-34")
@pytest.mark.django_db(transaction=True)
def test_prune_removes_backups_older_than_six_weeks(policy: Any, backups_dir: Path) -> None:
    start = dt.datetime(2026, 1, 1, 3, 0, tzinfo=dt.UTC)
    with time_machine.travel(start, tick=False):
        old = actions.create()
    with time_machine.travel(start + dt.timedelta(days=41), tick=False):
        recent = actions.create()
        assert actions.prune() == []
    with time_machine.travel(start + dt.timedelta(days=42), tick=False):
        assert main(["backup", "prune"]) == 0
        names = [b.path.name for b in actions.listing()]
    assert old.path.name not in names and recent.path.name in names
