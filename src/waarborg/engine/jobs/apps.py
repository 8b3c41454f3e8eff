"""The jobs app. Its system check fails `serve`, `check` and `migrate` when a job's function cannot be imported,
so a renamed module can never silently stop the retention sweep or the audit checkpoints."""

from typing import Any

from django.apps import AppConfig
from django.core import checks


def jobs_importable(**_: Any) -> list[checks.CheckMessage]:
    from waarborg.engine.jobs.registry import missing

    return [checks.Error(message, id="waarborg.E100") for message in missing()]


class JobsConfig(AppConfig):
    name = "waarborg.engine.jobs"
    label = "jobs"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        checks.register(jobs_importable)
