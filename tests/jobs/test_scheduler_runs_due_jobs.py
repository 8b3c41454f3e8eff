"""The built-in scheduler runs each due job once per slot, records it and audits it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import time_machine

from waarborg.audiences.cli import main
from waarborg.engine.audit.models import AuditEntry
from waarborg.engine.jobs import registry
from waarborg.engine.jobs.models import JobRun


@pytest.fixture
def isolated(settings: Any, tmp_path: Path) -> None:
    settings.WAARBORG_BACKUP_DIR = tmp_path / "backups"
    settings.VAR_DIR = tmp_path


@pytest.mark.django_db(transaction=True)
def test_due_jobs_run_once_per_slot(policy: Any, isolated: None, capsys: pytest.CaptureFixture[str]) -> None:
    night = dt.datetime(2026, 3, 2, 3, 30, tzinfo=dt.UTC)  # 04:30 in Amsterdam: after the 01:00-03:00 slots
    with time_machine.travel(night, tick=False):
        assert main(["scheduler", "--once"]) == 0
        ran = capsys.readouterr().out
        assert "backup_create" in ran and "audit_verify" in ran
        outcomes = dict(JobRun.objects.values_list("name", "outcome"))
        assert outcomes.pop("sociale_kaart") == "skipped"  # ikzorginassen does not switch the listings module on
        assert set(outcomes.values()) == {"ok"}
        assert main(["scheduler", "--once"]) == 0
        assert "nothing due" in capsys.readouterr().out
    with time_machine.travel(night + dt.timedelta(days=1), tick=False):
        assert main(["scheduler", "--once"]) == 0
    assert JobRun.objects.filter(name="backup_create").count() == 2
    assert AuditEntry.objects.filter(action="job.run").count() == JobRun.objects.count()


@pytest.mark.django_db
def test_a_failing_job_is_recorded_without_its_message(policy: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    def explode() -> None:
        raise ValueError("Jan Jansen, Markt 1")  # a message that must never reach the records

    broken = registry.Job("audit_verify", "x:y")
    monkeypatch.setattr(registry.Job, "function", lambda self: explode if self is broken else None)
    monkeypatch.setattr(registry, "JOBS", (broken,))
    run = registry.run_job("audit_verify", "cli")
    assert run.outcome == "failed" and run.summary == {"error": "ValueError"}
    entry = AuditEntry.objects.get(action="job.run")
    assert entry.outcome == "error" and "Jansen" not in str(entry.detail)


@pytest.mark.django_db
def test_unknown_job_is_a_user_error(policy: Any, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["jobs", "run", "make_coffee"]) == 1
    assert "no job named 'make_coffee'" in capsys.readouterr().err
