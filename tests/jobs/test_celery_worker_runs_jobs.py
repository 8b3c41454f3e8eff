"""A real Celery worker, on the real Redis, runs a job against the real PostgreSQL database."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import uuid
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.db import connection

from tests.redis import redis_server
from waarborg.engine.jobs.models import JobRun

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.django_db(transaction=True)
def test_a_celery_worker_runs_a_dispatched_job(policy: Any, tmp_path: Path) -> None:
    if connection.vendor != "postgresql":
        pytest.skip("the worker is another process: it shares the PostgreSQL test database, not SQLite's in-memory one")
    with redis_server(tmp_path) as broker:
        _run_one_job(policy, tmp_path, broker)


def _run_one_job(policy: Any, tmp_path: Path, broker: str) -> None:
    s = connection.settings_dict
    queue = f"waarborg-test-{uuid.uuid4().hex[:8]}"
    env = dict(os.environ) | {
        "PYTHONPATH": str(ROOT / "src"), "WAARBORG_CELERY_BROKER": broker, "WAARBORG_CONFIG": "",
        "WAARBORG_CELERY_QUEUE": queue, "WAARBORG_ENV": "test", "WAARBORG_HOME": str(tmp_path),
        "WAARBORG_MASTER_KEY": settings.MASTER_KEY_B64, "WAARBORG_SECRET_KEY": settings.SECRET_KEY,
        "DATABASE_URL": f"postgres://{s['USER']}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{s['NAME']}",
    }
    worker = subprocess.Popen([sys.executable, "-m", "waarborg", "worker"], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        from waarborg.engine.jobs.celery import app, run_job_task

        run_job_task.apply_async(args=["audit_verify"], queue=queue, connection=app.connection_for_write(broker))
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not JobRun.objects.filter(name="audit_verify").exclude(outcome="running").exists():
            time.sleep(0.5)
        run = JobRun.objects.get(name="audit_verify")
        assert run.runner == "celery" and run.outcome == "ok" and run.summary["entries"] >= 1
    finally:
        worker.terminate()
        worker.wait(timeout=30)
