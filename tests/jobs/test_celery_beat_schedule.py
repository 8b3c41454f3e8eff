"""Celery beat's schedule is the job registry's: sweeps, breach-clock reminders, verification mails and
the rest, plus a catch-up tick; a slot claimed once is never run twice, whoever sends it again."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import time_machine
from celery.schedules import crontab

from waarborg.engine.jobs.celery import beat_schedule
from waarborg.engine.jobs.models import JobRun
from waarborg.engine.jobs.registry import JOBS, job, run_job_if_due


def test_beat_runs_every_installed_job_of_the_registry_at_its_time() -> None:
    schedule = beat_schedule(tick_seconds=60)
    assert schedule["catch-up"] == {"task": "waarborg.dispatch_due", "schedule": dt.timedelta(seconds=60)}
    sweep = schedule["retention_sweep"]
    assert sweep["task"] == "waarborg.run_due_job" and sweep["args"] == ("retention_sweep",)
    assert sweep["schedule"] == crontab(minute=0, hour=2)  # in the platform's time zone (Europe/Amsterdam)
    assert schedule["breach_deadlines"]["schedule"] == dt.timedelta(hours=1)
    assert schedule["sociale_kaart"]["schedule"] == crontab(minute=0, hour=6)  # verification mails
    assert "audit_verify" in schedule
    # audit checkpoints outside the database, every 10 minutes
    assert job("audit_checkpoint").function() is not None
    assert schedule["audit_checkpoint"]["schedule"] == dt.timedelta(minutes=10)
    assert set(schedule) == {"catch-up"} | {j.name for j in JOBS if j.function() is not None}


@pytest.mark.django_db(transaction=True)
def test_a_slot_runs_once_however_often_it_is_sent(policy: Any, settings: Any, tmp_path: Path) -> None:
    settings.WAARBORG_BACKUP_DIR = tmp_path / "backups"
    night = dt.datetime(2026, 3, 2, 2, 30, tzinfo=dt.UTC)  # 03:30 in Amsterdam, after the 02:00 sweep slot
    with time_machine.travel(night, tick=False):
        first = run_job_if_due("retention_sweep", "celery")
        again = run_job_if_due("retention_sweep", "celery")  # a second beat, or the catch-up tick
    assert first is not None and first.outcome == "ok" and again is None
    with time_machine.travel(night + dt.timedelta(days=1), tick=False):
        assert run_job_if_due("retention_sweep", "celery") is not None  # the next night's slot
    assert JobRun.objects.filter(name="retention_sweep").count() == 2
