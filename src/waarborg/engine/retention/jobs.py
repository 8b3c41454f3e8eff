"""The daily retention sweep as a scheduled job (see waarborg.engine.jobs.registry)."""

from __future__ import annotations

from typing import Any

from waarborg.engine.retention.sweep import sweep_expired


def sweep_job() -> dict[str, Any]:
    from waarborg.engine.audit.checkpoints import checkpoint

    report = sweep_expired()
    checkpoint()  # the sweep's entries sealed outside the database at once, not at the next scheduled checkpoint
    return {"deleted": dict(report.deleted), "anonymised": dict(report.anonymised), "shredded": report.shredded,
            "held": {str(hold): n for hold, n in report.holds.items()}}
