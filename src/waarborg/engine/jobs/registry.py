"""What runs when, and `run_job`, the one way any runner executes a job."""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from waarborg.engine.audit.log import Entry, append
from waarborg.engine.jobs.models import JobRun
from waarborg.engine.policy.active import NoActivePolicy, current

log = logging.getLogger(__name__)
_CLAIM_LOCK = 7_420_003  # with hashtext(job name): one claim of a job at a time


class JobMissing(RuntimeError):
    """A job's function cannot be imported: a renamed module must never silently stop a sweep."""


@dataclass(frozen=True)
class Job:
    name: str
    target: str  # "module:function"; the function takes no arguments and returns a JSON-able summary
    daily_at: time | None = None  # local time (settings.TIME_ZONE)
    every: timedelta | None = None
    description: str = ""
    # The organisation module the job belongs to: while the active policy does not switch it on, a run does
    # nothing and is recorded as `skipped` with the reason (not `failed`: nothing went wrong).
    module: str | None = None

    def function(self) -> Callable[[], Any]:
        module, _, attr = self.target.partition(":")
        try:
            fn: Callable[[], Any] = getattr(importlib.import_module(module), attr)
        except (ImportError, AttributeError) as exc:
            raise JobMissing(f"job {self.name}: {self.target} cannot be imported ({type(exc).__name__})") from exc
        return fn

    def last_slot(self, now: datetime) -> datetime:
        """The most recent moment this job was due."""
        if self.daily_at is not None:
            local = now.astimezone(ZoneInfo(settings.TIME_ZONE))
            slot = local.replace(hour=self.daily_at.hour, minute=self.daily_at.minute, second=0, microsecond=0)
            if slot > local:
                slot -= timedelta(days=1)
            return slot
        step = self.every or timedelta(hours=1)
        epoch = datetime(2000, 1, 1, tzinfo=now.tzinfo)
        return epoch + ((now - epoch) // step) * step


JOBS: tuple[Job, ...] = (
    Job("retention_sweep", "waarborg.engine.retention.jobs:sweep_job", daily_at=time(2, 0),
        description="delete or anonymise what has expired (bewaartermijnen)"),
    Job("backup_create", "waarborg.engine.backups.jobs:backup_job", daily_at=time(1, 0),
        description="encrypted backup of the database"),
    Job("backup_prune", "waarborg.engine.backups.jobs:prune_job", daily_at=time(1, 30),
        description="delete backups older than the policy's backup period"),
    Job("breach_deadlines", "waarborg.engine.breaches.jobs:deadline_job", every=timedelta(hours=1),
        description="warn before and flag after the 72-hour authority deadline"),
    Job("request_deadlines", "waarborg.engine.rights.jobs:deadline_job", daily_at=time(7, 0),
        description="flag rights requests past their due date"),
    Job("visit_prune", "waarborg.modules.statistics.jobs:prune_job", daily_at=time(2, 30),
        description="delete visit statistics past their retention period", module="statistics"),
    Job("audit_verify", "waarborg.engine.audit.jobs:verify_job", daily_at=time(3, 0),
        description="walk the audit log's hash chain"),
    Job("sociale_kaart", "waarborg.modules.listings.jobs:daily_job", daily_at=time(6, 0),
        description="verification mails to listed organisations (twice a year) and yesterday's public reads",
        module="listings"),
    # The interval is how long the removal of the newest entries can go unnoticed (waarborg.engine.audit.checkpoints).
    Job("audit_checkpoint", "waarborg.engine.audit.checkpoints:checkpoint_job", every=timedelta(minutes=10),
        description="seal the audit log and write a signed checkpoint outside the database"),
)


def job(name: str) -> Job:
    for candidate in JOBS:
        if candidate.name == name:
            return candidate
    raise KeyError(name)


def is_due(spec: Job, moment: datetime) -> bool:
    last = JobRun.objects.filter(name=spec.name).order_by("-started_at").values_list("started_at", flat=True).first()
    return last is None or last < spec.last_slot(moment)


def due(now: datetime | None = None) -> list[Job]:
    moment = now or timezone.now()
    return [candidate for candidate in JOBS if is_due(candidate, moment)]


def run_job(name: str, runner: str) -> JobRun:
    """Run one job now, record the run and audit it. A failing job is recorded, never raised."""
    spec = job(name)
    return _execute(spec, JobRun.objects.create(name=name, runner=runner, started_at=timezone.now()))


def run_job_if_due(name: str, runner: str) -> JobRun | None:
    """Run the job only if no run has started since its last slot; None when it was not due.

    The check and the claim (the JobRun row) are one transaction under a per-job lock, so two deliveries of
    the same slot (two beats, a retried message, the catch-up tick) start it once.
    """
    spec = job(name)
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(%s, hashtext(%s))", [_CLAIM_LOCK, name])
        # SQLite: the IMMEDIATE transaction already holds the database's write lock.
        if not is_due(spec, timezone.now()):
            return None
        run = JobRun.objects.create(name=name, runner=runner, started_at=timezone.now())
    return _execute(spec, run)


def _switched_off(spec: Job) -> dict[str, str] | None:
    """Why a module's job does nothing now (the policy does not switch its module on), or None: it runs."""
    if spec.module is None:
        return None
    try:
        on = current().module(spec.module).on
    except NoActivePolicy:
        return {"skipped": "no_active_policy", "module": spec.module}
    return None if on else {"skipped": "module_not_enabled", "module": spec.module}


def _outcome(spec: Job) -> tuple[str, dict[str, Any]]:
    try:
        fn = spec.function()  # first, even for a job that is off: a target that cannot be imported is a failure
    except JobMissing:
        log.error("job %s cannot run: %s cannot be imported", spec.name, spec.target)
        return "failed", {"error": "JobMissing", "target": spec.target}
    skipped = _switched_off(spec)
    if skipped is not None:
        return "skipped", skipped
    try:
        result = fn()
    except Exception as exc:
        # Only the exception type: messages may carry values we must not log.
        log.exception("job %s failed", spec.name)
        return "failed", {"error": type(exc).__name__}
    return "ok", result if isinstance(result, dict) else {"result": str(result)}


def _execute(spec: Job, run: JobRun) -> JobRun:
    run.outcome, run.summary = _outcome(spec)
    run.finished_at = timezone.now()
    run.save(update_fields=["outcome", "summary", "finished_at"])
    detail = {"job": spec.name, "run": run.pk, "outcome": run.outcome}
    if run.outcome == "skipped":
        detail["reason"] = run.summary["skipped"]
    with transaction.atomic():
        append(Entry(action="job.run", actor=f"system:{run.runner}", outcome="error" if run.outcome == "failed" else "ok",
                     detail=detail))
    return run


def missing() -> list[str]:
    """The jobs whose function cannot be imported, as messages (a system check and `jobs list` show them)."""
    found = []
    for candidate in JOBS:
        try:
            candidate.function()
        except JobMissing as exc:
            found.append(str(exc))
    return found
