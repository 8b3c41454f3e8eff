"""A mailing as sent: what, for which purpose, by whom, and how many it reached. Never the addresses."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models


class Mailing(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    purpose = models.CharField(max_length=64)
    message_type = models.CharField(max_length=64)
    title = models.CharField(max_length=200)  # the e-mail's subject line
    body = models.TextField()
    html = models.TextField(blank=True, default="")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField()
    sent_at = models.DateTimeField(null=True, blank=True)
    sent = models.PositiveIntegerField(default=0)
    failed = models.PositiveIntegerField(default=0)
    excluded = models.JSONField(default=dict)  # reason -> count

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"mailing {self.id} ({self.purpose}/{self.message_type})"
