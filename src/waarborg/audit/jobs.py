"""Scheduled audit-chain check (see waarborg.jobs.registry)."""

from __future__ import annotations

from typing import Any

from waarborg.audit.log import verify


def verify_job() -> dict[str, Any]:
    count, broken = verify()
    if broken is not None:
        # A broken chain is an incident: the job fails so operators are alerted.
        raise RuntimeError(f"audit chain broken at entry {broken.entry_id}")
    return {"entries": count}
