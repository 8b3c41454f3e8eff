"""The daily retention sweep as a scheduled job (see waarborg.engine.jobs.registry)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from waarborg.engine.retention.sweep import sweep_expired


def sweep_job() -> dict[str, Any]:
    from waarborg.engine.audit.checkpoints import checkpoint

    report = sweep_expired()
    checkpoint()  # the sweep's entries sealed outside the database at once, not at the next scheduled checkpoint
    return summary(report)


def summary(report: Any) -> dict[str, Any]:
    """What a sweep did, without personal data: the job's summary, shown to the officer in words."""
    return {"deleted": dict(report.deleted), "anonymised": dict(report.anonymised), "shredded": report.shredded,
            "held": {str(hold): n for hold, n in report.holds.items()}}


def record_cli_sweep(report: Any, started: datetime) -> None:
    """`waarborg sweep` (not a dry run) goes into the same run history as the scheduled job, so the back office's
    "last sweeps" and `jobs list` show it too."""
    from django.utils import timezone

    from waarborg.engine.jobs.models import JobRun

    JobRun.objects.create(name="retention_sweep", runner="cli", started_at=started, finished_at=timezone.now(),
                          outcome="ok", summary=summary(report))
