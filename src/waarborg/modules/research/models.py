"""Research projects, their keys, prior-information notices, profiling runs and datasets.

A dataset row holds only a pseudonym and generalised, declared values; the key that made the
pseudonym lives in `ProjectKey` (wrapped by the master key), never in the dataset or its export.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models

MODULE = "research"


def purpose_for(kind: str) -> str:
    """The active policy's purpose for a project of `kind`: the one it names for the research module's
    `profiling`, or for its `research` (big data); NotFound while the policy does not switch research on."""
    from waarborg.engine.policy.active import current

    return current().module(MODULE).require("profiling" if kind == Project.Kind.PROFILING else "research")


class Project(models.Model):
    class Kind(models.TextChoices):
        PROFILING = "profiling", "Profilering"
        BIG_DATA = "big_data", "Big data en tracking"

    class Status(models.TextChoices):
        REGISTERED = "registered", "Geregistreerd"
        STARTED = "started", "Gestart"
        STOPPED = "stopped", "Gestopt"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=16, choices=Kind.choices)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.REGISTERED)
    # The public notice (S3-11): {"conditions": {"nl", "en"}, "points_of_use": [...]}.
    notice = models.JSONField(default=dict, blank=True)
    notice_published_at = models.DateTimeField(null=True, blank=True)
    informed_at = models.DateTimeField(null=True, blank=True)  # the active information step was taken
    information_channel = models.CharField(max_length=64, blank=True, default="")
    created_at = models.DateTimeField()
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    started_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.kind} project {self.name}"

    @property
    def purpose(self) -> str:
        """The policy's purpose for projects of this kind (`modules.research.purposes`)."""
        return purpose_for(self.kind)


class ProjectKey(models.Model):
    """The project's pseudonymisation key (S3-16), wrapped by the master key, outside every dataset."""

    project = models.OneToOneField(Project, primary_key=True, on_delete=models.CASCADE, related_name="key")
    wrapped = models.BinaryField()

    def __str__(self) -> str:
        return f"key of {self.project_id}"


class ProfilingNotice(models.Model):
    """The subject was told in advance about this project's profiling (S3-09)."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="notices")
    subject = models.ForeignKey("vault.Subject", on_delete=models.CASCADE, related_name="+")
    informed_at = models.DateTimeField()
    channel = models.CharField(max_length=32, blank=True, default="")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        indexes = [models.Index(fields=["project", "subject"])]

    def __str__(self) -> str:
        return f"notice of {self.project_id}"


class ProfilingRun(models.Model):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="runs")
    run_at = models.DateTimeField()
    run_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    included = models.JSONField(default=list)  # project pseudonyms of the subjects processed
    excluded = models.PositiveIntegerField(default=0)  # only a count: they were not processed

    def __str__(self) -> str:
        return f"profiling run {self.pk}"


class Dataset(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    project = models.ForeignKey(Project, on_delete=models.PROTECT, related_name="datasets")
    purpose = models.TextField()  # the declared goal (S3-15)
    fields = models.JSONField()  # the declared fields; nothing else is ever stored
    created_at = models.DateTimeField()
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")  # S3-14
    # Who works with it (S3-13): a Werkzaak researcher, or a processor of the policy's recipients.
    assigned_user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                      related_name="+")
    assigned_recipient = models.CharField(max_length=64, blank=True, default="")
    assigned_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"dataset {self.id}"


class DatasetRow(models.Model):
    dataset = models.ForeignKey(Dataset, on_delete=models.CASCADE, related_name="rows")
    pseudonym = models.CharField(max_length=64, db_index=True)
    values = models.JSONField()
    collected_at = models.DateTimeField()
    collected_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return f"row {self.pk} of {self.dataset_id}"
