"""Scheduled backup jobs (see waarborg.engine.jobs.registry)."""

from __future__ import annotations

from typing import Any

from waarborg.engine.backups.actions import create, prune


def backup_job() -> dict[str, Any]:
    backup = create("system:scheduler")
    return {"file": backup.path.name, "size": backup.size}


def prune_job() -> dict[str, Any]:
    return {"removed": [b.path.name for b in prune("system:scheduler")]}
