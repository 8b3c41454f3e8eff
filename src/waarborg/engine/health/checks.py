"""Readiness: can this process serve? The database, the keys, an active policy, Redis when configured.

The ages of the last retention sweep and the last audit checkpoint are reported next to the checks but do
not make the platform unready: a late sweep is for monitoring to alert on, not a reason to stop serving.
"""

from __future__ import annotations

import os
from datetime import datetime
from typing import Any

from django.conf import settings
from django.db import connection
from django.utils import timezone


def _database() -> str:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:  # any failure means "cannot serve"; the reason goes to the log, not the answer
        return "unavailable"
    return "ok"


def _keys() -> str:
    if settings.WAARBORG_NOT_READY or not settings.SECRET_KEY or len(settings.MASTER_KEY) != 32:
        return "missing"
    return "ok"


def _policy() -> str:
    from waarborg.engine.policy.active import current_version_number

    try:
        return "ok" if current_version_number() is not None else "none active"
    except Exception:  # the database check says why
        return "unavailable"


def broker_url() -> str:
    return os.environ.get("WAARBORG_CELERY_BROKER", "")


def _redis() -> str:
    url = broker_url()
    if not url.startswith(("redis://", "rediss://", "unix://")):
        return "not configured"
    import redis

    try:
        client = redis.Redis.from_url(url, socket_timeout=1, socket_connect_timeout=1)
        try:
            return "ok" if client.ping() else "unavailable"
        finally:
            client.close()
    except redis.exceptions.RedisError:
        return "unavailable"


def _age(moment: datetime | None, now: datetime) -> int | None:
    return None if moment is None else max(0, int((now - moment).total_seconds()))


def last_sweep() -> datetime | None:
    from waarborg.engine.jobs.models import JobRun

    return (JobRun.objects.filter(name="retention_sweep", outcome="ok").order_by("-started_at")
            .values_list("finished_at", flat=True).first())


def last_checkpoint() -> datetime | None:
    """When the audit log was last checkpointed outside the database (null before the first checkpoint)."""
    from waarborg.engine.audit import checkpoints

    latest: datetime | None = checkpoints.latest()
    return latest


def readiness() -> tuple[bool, dict[str, Any]]:
    checks = {"database": _database(), "keys": _keys()}
    checks["policy"] = _policy() if checks["database"] == "ok" else "unavailable"
    checks["redis"] = _redis()
    ready = all(value in ("ok", "not configured") for value in checks.values())
    now = timezone.now()
    body: dict[str, Any] = {"status": "ready" if ready else "not ready", "checks": checks}
    if checks["policy"] == "ok":
        body["last_sweep_age_seconds"] = _age(last_sweep(), now)
        body["last_audit_checkpoint_age_seconds"] = _age(last_checkpoint(), now)
    return ready, body
