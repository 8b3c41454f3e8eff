"""Every run of a job, by any runner: when, how it ended, a summary without personal data."""

from __future__ import annotations

from django.db import models


class JobRun(models.Model):
    name = models.CharField(max_length=64)
    runner = models.CharField(max_length=16)  # scheduler | celery | cli
    started_at = models.DateTimeField()
    finished_at = models.DateTimeField(null=True, blank=True)
    outcome = models.CharField(max_length=16, default="running")  # running | ok | skipped (its module is off) | failed
    summary = models.JSONField(default=dict, blank=True)

    class Meta:
        indexes = [models.Index(fields=["name", "-started_at"])]

    def __str__(self) -> str:
        return f"{self.name} {self.started_at:%Y-%m-%d %H:%M} {self.outcome}"
