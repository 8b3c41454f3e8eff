"""The built-in scheduler: one process that runs due jobs in turn, or hands them to Celery.

Only one scheduler may run against a database: it holds a PostgreSQL advisory lock (or, on SQLite,
an exclusive lock file next to the database) for its whole life. A job that was due while the
scheduler was down runs once when it comes back, not once per missed slot.
"""

from __future__ import annotations

import fcntl
import logging
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.db import connection

from waarborg.engine.jobs.registry import due, run_job

log = logging.getLogger(__name__)
_LOCK_ID = 7_420_002


class AlreadyRunning(RuntimeError):
    pass


@contextmanager
def single_instance() -> Iterator[None]:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_try_advisory_lock(%s)", [_LOCK_ID])
            if not cursor.fetchone()[0]:
                raise AlreadyRunning("another scheduler holds the lock")
        try:
            yield
        finally:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock(%s)", [_LOCK_ID])
        return
    path = Path(settings.VAR_DIR) / "scheduler.lock"
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            raise AlreadyRunning("another scheduler holds the lock") from exc
        yield


def tick(dispatch: Callable[[str], object] | None = None) -> list[str]:
    """Run (or dispatch) every job that is due now; returns their names."""
    names = [job.name for job in due()]
    for name in names:
        if dispatch is None:
            run_job(name, "scheduler")
        else:
            dispatch(name)
    return names


def loop(interval: float = 30.0, dispatch: Callable[[str], object] | None = None) -> None:
    with single_instance():
        while True:
            for name in tick(dispatch):
                log.info("job %s %s", name, "dispatched" if dispatch else "ran")
            time.sleep(interval)
