"""Scheduled audit-log check (see waarborg.engine.jobs.registry); the checkpoint job is `checkpoints.checkpoint_job`."""

from __future__ import annotations

from typing import Any

from waarborg.engine.audit.log import verify


def verify_job() -> dict[str, Any]:
    count, broken = verify()
    if broken is not None:
        # A broken chain is an incident: the job fails so operators are alerted.
        raise RuntimeError(f"audit chain broken at entry {broken.entry_id}" if broken.entry_id is not None
                           else "audit chain broken: entries are missing at the end")
    return {"entries": count}
