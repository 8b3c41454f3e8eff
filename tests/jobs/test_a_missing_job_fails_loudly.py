"""A job whose module cannot be imported (a rename, a typo) is never skipped in silence: the system check fails
`waarborg check` and `serve`, `jobs list` says MISSING, and a run of it is recorded as failed and logged."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError

from waarborg.audiences.cli import main
from waarborg.engine.audit.models import AuditEntry
from waarborg.engine.jobs import registry
from waarborg.engine.jobs.models import JobRun

GONE = registry.Job("retention_sweep", "waarborg.engine.retention.jobs_renamed:sweep_job", every=None,
                    description="the sweep, after a careless rename")


@pytest.fixture
def renamed(monkeypatch: Any) -> None:
    monkeypatch.setattr(registry, "JOBS", (GONE, *(j for j in registry.JOBS if j.name != GONE.name)))


def test_every_shipped_job_can_be_imported() -> None:
    assert registry.missing() == []


def test_the_system_check_names_the_missing_job(renamed: None) -> None:
    with pytest.raises(SystemCheckError) as failed:
        call_command("check")
    assert "retention_sweep" in str(failed.value) and "waarborg.E100" in str(failed.value)


@pytest.mark.django_db
def test_jobs_list_and_a_run_say_what_is_missing(policy: Any, renamed: None, capsys: Any) -> None:
    assert main(["jobs", "list"]) == 0
    [line] = [row for row in capsys.readouterr().out.splitlines() if row.startswith("retention_sweep")]
    assert "MISSING" in line
    assert main(["jobs", "run", "retention_sweep"]) == 1
    assert "failed" in capsys.readouterr().out
    run = JobRun.objects.get(name="retention_sweep")
    assert run.outcome == "failed" and run.summary["error"] == "JobMissing"
    assert [e.outcome for e in AuditEntry.objects.filter(action="job.run")
            if e.detail.get("job") == "retention_sweep"] == ["error"]
