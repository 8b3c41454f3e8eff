"""The sweep and backups together: a restore of a backup taken before a sweep forgets again what the
sweep erased, and redoes what it anonymised."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from django.utils import timezone

from tests.retention.conftest import at, record_exists
from waarborg.engine.audit.log import verify
from waarborg.engine.audit.models import AuditEntry
from waarborg.engine.backups import actions
from waarborg.engine.retention.sweep import sweep_expired
from waarborg.engine.vault.models import SubjectKey


@pytest.fixture(autouse=True)
def _places(settings: Any, tmp_path: Path) -> None:
    settings.WAARBORG_BACKUP_DIR = tmp_path / "backups"
    settings.WAARBORG_ERASURE_JOURNAL = tmp_path / "journal.jsonl"


@pytest.mark.promise("S0-34")
@pytest.mark.django_db(transaction=True)
def test_a_restore_never_brings_a_swept_subject_back(make: Any) -> None:
    # Given a tip that has expired and an application that has not
    tip = make.record("tip", at(2026, 1, 1))
    application = make.record("application", timezone.now() - timedelta(days=30))
    # And a backup taken before the sweep
    backup = actions.create()
    raw = backup.path.read_bytes()
    assert raw.startswith(b"WBK1") and b"SQLite format" not in raw and b"Meer bankjes" not in raw

    # When the sweep erases the tip, and later that backup is restored
    assert sweep_expired().deleted["tip_3m"] == 1
    assert actions.restore(backup.path) >= 1

    # Then the erased tip and its subject's key are gone again; the rest came back
    assert not record_exists(tip) and record_exists(application)
    assert not SubjectKey.objects.filter(subject_id=tip.subject_id).exists()
    assert AuditEntry.objects.filter(action="backup.restore").count() == 1
    assert verify()[1] is None
