"""The daily retention sweep as a scheduled job (see waarborg.jobs.registry)."""

from __future__ import annotations

from typing import Any

from waarborg.retention.sweep import sweep_expired


def sweep_job() -> dict[str, Any]:
    report = sweep_expired()
    return {"deleted": dict(report.deleted), "anonymised": dict(report.anonymised), "shredded": report.shredded,
            "held": {str(hold): n for hold, n in report.holds.items()}}
