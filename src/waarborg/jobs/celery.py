"""Celery for installations that outgrow one machine: the same jobs, run by workers.

WAARBORG_CELERY_BROKER: the broker URL, e.g. redis://127.0.0.1:6379/0 (required for `waarborg worker`).
The scheduler (`waarborg scheduler --celery`) decides what is due and sends `run_job` tasks; any number
of workers execute them. Results live in the JobRun table, so no result backend is needed.
"""

from __future__ import annotations

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "waarborg.settings")

app = Celery("waarborg")
app.conf.update(
    broker_url=os.environ.get("WAARBORG_CELERY_BROKER", "redis://127.0.0.1:6379/0"),
    task_ignore_result=True,
    task_acks_late=True,  # a worker killed mid-job leaves the task for another worker
    worker_prefetch_multiplier=1,
    broker_connection_retry_on_startup=True,
    task_default_queue=os.environ.get("WAARBORG_CELERY_QUEUE", "waarborg"),
)


@app.task(name="waarborg.run_job")
def run_job_task(name: str) -> str:
    import django

    django.setup()
    from waarborg.jobs.registry import run_job

    return run_job(name, "celery").outcome
