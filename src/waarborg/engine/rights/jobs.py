"""The daily request-deadline check as a scheduled job (see waarborg.engine.jobs.registry)."""

from __future__ import annotations

from typing import Any

from waarborg.engine.rights.actions import overdue


def deadline_job() -> dict[str, Any]:
    # Counts only: the overdue list itself is in the back office and at GET requests?overdue=1.
    return {"overdue": overdue().count()}
