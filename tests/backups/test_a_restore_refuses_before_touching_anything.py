"""A restore first checks what could stop it halfway or bring erased people back, and refuses with nothing
changed (an operator's report: without the erasure journal a restore re-applied 0 erasures; an append-only
checkpoint file crashed it after the tables were already replaced)."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from waarborg.audiences.cli import main
from waarborg.engine.backups import actions
from waarborg.engine.records.actions import subject_create
from waarborg.engine.vault.models import Subject


@pytest.fixture(autouse=True)
def _places(settings: Any, tmp_path: Path) -> None:
    settings.WAARBORG_BACKUP_DIR = tmp_path / "backups"
    settings.WAARBORG_ERASURE_JOURNAL = tmp_path / "journal.jsonl"


def _chattr(flag: str, path: Path) -> bool:
    done = subprocess.run(["chattr", flag, str(path)], capture_output=True, check=False)
    return done.returncode == 0


@pytest.fixture
def append_only(settings: Any) -> Iterator[Path]:
    """The checkpoint file made append-only, as docs/operator.md advises (`chattr +a`); root only."""
    path = Path(settings.WAARBORG_AUDIT_CHECKPOINTS)
    if os.geteuid() != 0 or not shutil.which("chattr"):
        pytest.skip("chattr +a needs root and e2fsprogs")
    assert main(["audit", "checkpoint"]) == 0
    if not _chattr("+a", path):
        pytest.skip("this file system keeps no append-only attribute")
    try:
        yield path
    finally:
        _chattr("-a", path)


@pytest.mark.promise("S0-34")
@pytest.mark.django_db(transaction=True)
def test_a_restore_without_the_erasure_journal_is_refused_unless_told_there_is_none(
        personas: dict[str, Any], settings: Any, capsys: pytest.CaptureFixture[str]) -> None:
    # Given a backup, a subject registered after it, and no erasure journal where the configuration says
    backup = actions.create()
    later = subject_create(personas["assessor"].user)
    journal = Path(settings.WAARBORG_ERASURE_JOURNAL)
    # when the operator restores
    assert main(["backup", "restore", str(backup.path), "--yes"]) == 1
    # then it refuses, naming the journal's path and the way out, and nothing changed
    said = capsys.readouterr().err
    assert f"the erasure journal {journal} (WAARBORG_ERASURE_JOURNAL) does not exist" in said
    assert "--no-journal" in said and "Nothing was changed" in said and "Traceback" not in said
    assert Subject.objects.filter(pk=later.pk).exists()
    # when they say there is none, it restores, and says it re-applied nothing
    assert main(["backup", "restore", str(backup.path), "--yes", "--no-journal"]) == 0
    out, err = capsys.readouterr()
    assert f"erasure journal {journal}: no file, 0 made after the backup was taken" in out
    assert "warning: no erasure journal" in err
    assert not Subject.objects.filter(pk=later.pk).exists()


@pytest.mark.django_db(transaction=True)
def test_a_restore_names_the_journal_it_replays_and_warns_when_it_is_empty(
        policy: Any, settings: Any, capsys: pytest.CaptureFixture[str]) -> None:
    backup = actions.create()
    journal = Path(settings.WAARBORG_ERASURE_JOURNAL)
    journal.touch()  # e.g. the new machine's own, empty journal instead of the old one's
    assert main(["backup", "restore", str(backup.path), "--yes"]) == 0
    out, err = capsys.readouterr()
    assert f"erasure journal {journal}: 0 erasure(s), 0 made after the backup was taken" in out
    assert f"warning: the erasure journal {journal} is empty" in err


@pytest.mark.django_db(transaction=True)
def test_an_append_only_checkpoint_file_is_refused_before_the_tables_are_replaced(
        personas: dict[str, Any], settings: Any, append_only: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # Given a backup, the journal in place, a subject registered since, and `chattr +a` on the checkpoint file
    backup = actions.create()
    Path(settings.WAARBORG_ERASURE_JOURNAL).touch()
    later = subject_create(personas["assessor"].user)
    assert main(["audit", "checkpoint"]) == 0
    # when the operator restores
    assert main(["backup", "restore", str(backup.path), "--yes"]) == 1
    # then it refuses before anything is replaced, saying what to do, without a traceback
    said = capsys.readouterr().err
    assert f"the audit checkpoint file {append_only} is append-only (chattr +a)" in said
    assert f"chattr -a {append_only}" in said and "Traceback" not in said
    assert Subject.objects.filter(pk=later.pk).exists()
    assert not list(append_only.parent.glob(f"{append_only.name}.before-restore-*"))
    assert main(["audit", "verify"]) == 0
    # and once the attribute is lifted, the same restore goes through
    assert _chattr("-a", append_only)
    assert main(["backup", "restore", str(backup.path), "--yes"]) == 0
    assert not Subject.objects.filter(pk=later.pk).exists()
    assert main(["audit", "verify"]) == 0


@pytest.mark.django_db(transaction=True)
def test_backup_check_authenticates_a_backup_without_restoring_it(
        personas: dict[str, Any], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # Given a backup, and a subject registered after it
    backup = actions.create()
    later = subject_create(personas["assessor"].user)
    # when the operator checks the backup
    assert main(["backup", "check", str(backup.path)]) == 0
    # then it decrypts completely and says what it holds, and the database is untouched
    out = capsys.readouterr().out
    assert f"{backup.path.name}: authentic" in out and " tables" in out
    assert int(out.split(" tables")[0].rsplit(" ", 1)[1]) > 20
    assert Subject.objects.filter(pk=later.pk).exists()
    # and an altered copy fails, naming it
    altered = tmp_path / "altered.wbk"
    raw = backup.path.read_bytes()
    altered.write_bytes(raw[:-40] + bytes(40))
    assert main(["backup", "check", str(altered)]) == 1
    assert "altered.wbk does not decrypt (wrong master key or altered file)" in capsys.readouterr().err
