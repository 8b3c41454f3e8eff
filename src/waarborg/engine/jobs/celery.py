"""Celery for the production topology: Celery beat decides when, Celery workers run the jobs.

WAARBORG_CELERY_BROKER: the broker URL, e.g. redis://127.0.0.1:6379/0 (required for `waarborg worker` and
`waarborg scheduler --celery`). WAARBORG_CELERY_QUEUE: the queue both use (default `waarborg`).
WAARBORG_SCHEDULER_TICK: seconds between catch-up checks of Celery beat (default 60).

The schedule is the job registry's (`registry.JOBS`), never a second copy: `beat_schedule()` turns each
job into a Celery beat entry (a crontab in the platform's time zone for daily jobs, an interval for the
others), plus one catch-up entry that sends whatever is due and has not run since its slot (a job missed
while beat was down, or every job on a fresh installation). Each entry sends `waarborg.run_due_job`, which
claims the slot in the database first: two beats, a redelivered message or the catch-up tick never run a
slot twice. Results live in the JobRun table, so no result backend is needed.
"""

from __future__ import annotations

import os
from datetime import timedelta
from typing import Any

from celery import Celery
from celery.schedules import crontab

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "waarborg.settings")

app = Celery("waarborg")
app.conf.update(
    broker_url=os.environ.get("WAARBORG_CELERY_BROKER", "redis://127.0.0.1:6379/0"),
    task_ignore_result=True,
    task_acks_late=True,  # a worker killed mid-job leaves the task for another worker
    worker_prefetch_multiplier=1,
    broker_connection_retry_on_startup=True,
    task_default_queue=os.environ.get("WAARBORG_CELERY_QUEUE", "waarborg"),
    worker_hijack_root_logger=False,  # Django's LOGGING stays in charge: ids, never values
)


def _setup() -> None:
    import django

    django.setup()


@app.task(name="waarborg.run_job")
def run_job_task(name: str) -> str:
    """Run a job now, due or not (`waarborg scheduler --once --celery`)."""
    _setup()
    from waarborg.engine.jobs.registry import run_job

    return run_job(name, "celery").outcome


@app.task(name="waarborg.run_due_job")
def run_due_job_task(name: str) -> str:
    """Run a job if its slot has not been run yet (Celery beat's entries)."""
    _setup()
    from waarborg.engine.jobs.registry import run_job_if_due

    run = run_job_if_due(name, "celery")
    return run.outcome if run is not None else "not due"


@app.task(name="waarborg.dispatch_due")
def dispatch_due_task() -> list[str]:
    """The catch-up tick: send every job that is due now to the workers."""
    _setup()
    from waarborg.engine.jobs.registry import due

    names = [job.name for job in due()]
    for name in names:
        run_due_job_task.delay(name)
    return names


def beat_schedule(tick_seconds: float) -> dict[str, dict[str, Any]]:
    """The registry as Celery beat entries; a job whose function is missing still runs, fails and is recorded."""
    from waarborg.engine.jobs.registry import JOBS

    entries: dict[str, dict[str, Any]] = {
        "catch-up": {"task": "waarborg.dispatch_due", "schedule": timedelta(seconds=tick_seconds)},
    }
    for job in JOBS:
        when = (crontab(minute=job.daily_at.minute, hour=job.daily_at.hour) if job.daily_at is not None
                else job.every or timedelta(hours=1))
        entries[job.name] = {"task": "waarborg.run_due_job", "schedule": when, "args": (job.name,)}
    return entries
