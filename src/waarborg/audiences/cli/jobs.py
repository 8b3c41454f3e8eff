"""`waarborg scheduler [--once] [--celery]`, `waarborg jobs list|run NAME`, `waarborg worker`.

One machine: `waarborg scheduler` runs due jobs itself. The production topology: `waarborg scheduler --celery`
is Celery beat (the registry's schedule, see jobs/celery.py) and `waarborg worker` runs what it sends.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from waarborg.audiences.cli import UserError


def register(sub: Any) -> None:
    scheduler = sub.add_parser("scheduler", help="run due jobs (sweep, backups, deadlines) on schedule")
    scheduler.add_argument("--once", action="store_true", help="run what is due now and exit")
    scheduler.add_argument("--celery", action="store_true",
                           help="run Celery beat, which sends due jobs to Celery workers (needs WAARBORG_CELERY_BROKER)")
    scheduler.add_argument("--interval", type=float, default=30.0)
    scheduler.set_defaults(handler=_scheduler)
    jobs = sub.add_parser("jobs", help="the scheduled jobs")
    jsub = jobs.add_subparsers(dest="jobs_command", metavar="ACTION", required=True)
    jsub.add_parser("list", help="jobs, their schedule and last run").set_defaults(handler=_list)
    run = jsub.add_parser("run", help="run one job now")
    run.add_argument("name")
    run.set_defaults(handler=_run)
    worker = sub.add_parser("worker", help="a Celery worker for the jobs (needs WAARBORG_CELERY_BROKER)")
    worker.add_argument("--concurrency", type=int, default=1)
    worker.set_defaults(handler=_worker)


def _dispatcher(celery: bool) -> Any:
    if not celery:
        return None
    from waarborg.engine.jobs.celery import run_job_task

    return lambda name: run_job_task.delay(name)


def _scheduler(args: argparse.Namespace) -> int:
    from waarborg.engine.jobs.scheduler import AlreadyRunning, loop, single_instance, tick

    if args.celery and not args.once:
        return _beat()
    try:
        if args.once:
            with single_instance():
                names = tick(_dispatcher(args.celery))
            print(f"{'dispatched' if args.celery else 'ran'}: {', '.join(names) or 'nothing due'}")
            return 0
        loop(args.interval, _dispatcher(args.celery))
    except AlreadyRunning as exc:
        raise UserError(str(exc)) from None
    return 0


def _list(args: argparse.Namespace) -> int:
    from django.utils import timezone

    from waarborg.engine.jobs.models import JobRun
    from waarborg.engine.jobs.registry import JOBS, JobMissing

    for job in JOBS:
        when = f"daily {job.daily_at:%H:%M}" if job.daily_at else f"every {job.every}"
        last = JobRun.objects.filter(name=job.name).order_by("-started_at").first()
        try:
            job.function()
            state = "available"
        except JobMissing:
            state = "MISSING"
        # The schedule is in TIME_ZONE (Europe/Amsterdam), so is the last run, with the zone said.
        ran = f"{timezone.localtime(last.started_at):%Y-%m-%d %H:%M %Z} {last.outcome}" if last else "-"
        print(f"{job.name:<18} {when:<16} {state:<13} last: {ran}  ({job.description})")
    return 0


def _run(args: argparse.Namespace) -> int:
    from waarborg.engine.jobs.registry import job, run_job

    try:
        job(args.name)
    except KeyError:
        raise UserError(f"no job named {args.name!r}; see `waarborg jobs list`") from None
    run = run_job(args.name, "cli")
    print(f"{run.name}: {run.outcome} {run.summary}")
    return 0 if run.outcome in ("ok", "skipped") else 1  # skipped: its module is off in the active policy


def _broker() -> None:
    if not os.environ.get("WAARBORG_CELERY_BROKER"):
        raise UserError("set WAARBORG_CELERY_BROKER, e.g. redis://127.0.0.1:6379/0")


def _beat() -> int:
    """Celery beat with the registry's schedule; its state file lives in the home."""
    from django.conf import settings

    from waarborg.conf.env import env_int
    from waarborg.engine.jobs.celery import app, beat_schedule

    _broker()
    # WAARBORG_SCHEDULER_TICK: seconds between Celery beat's catch-up checks (default 60).
    tick = env_int("WAARBORG_SCHEDULER_TICK", 60, minimum=1)
    app.conf.update(timezone=settings.TIME_ZONE, beat_schedule=beat_schedule(tick))
    app.start(["beat", "--loglevel=INFO", f"--schedule={Path(settings.VAR_DIR) / 'celerybeat-schedule'}"])
    return 0


def _worker(args: argparse.Namespace) -> int:
    _broker()
    from waarborg.engine.jobs.celery import app

    app.worker_main(["worker", "--loglevel=INFO", f"--concurrency={args.concurrency}", "--pool=prefork",
                     "-Q", app.conf.task_default_queue])
    return 0 if sys.exc_info()[0] is None else 1
