"""Stored policy versions: immutable, hashed, one current (S2-31: the history stays visible)."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class PolicyVersion(models.Model):
    number = models.PositiveIntegerField(unique=True)
    sha256 = models.CharField(max_length=64)
    source = models.TextField()
    filename = models.CharField(max_length=500)
    organisation = models.CharField(max_length=64)
    statement_version = models.CharField(max_length=32)
    statement_effective = models.DateField()
    activated_at = models.DateTimeField()
    activated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    is_current = models.BooleanField(default=False)
    # Scheduled activation ("changes take effect four weeks after publication"): stored and published at
    # once, in force from `effective_at`. `scheduled` stays true until `policy.active` makes it current.
    effective_at = models.DateTimeField(null=True, blank=True)
    scheduled = models.BooleanField(default=False)

    class Meta:
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(fields=["is_current"], condition=models.Q(is_current=True), name="one_current_policy"),
        ]

    def __str__(self) -> str:
        return f"policy v{self.number} ({self.organisation}, statement {self.statement_version})"
