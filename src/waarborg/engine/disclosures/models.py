"""Disclosures (verstrekkingen) to recipients outside the organisation.

Each row is one disclosure that was allowed: to whom, when, under which purpose and reason
(grond), which records, categories and fields. The per-subject overview (S2-15) is read from
these rows, and every row has exactly one `disclosure.create` audit entry naming it.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models


class Disclosure(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    subject = models.ForeignKey("vault.Subject", on_delete=models.PROTECT, related_name="disclosures")
    recipient = models.CharField(max_length=64)  # recipient id of the policy
    recipient_label = models.CharField(max_length=200)  # as named when disclosed
    purpose = models.CharField(max_length=64)
    reason = models.CharField(max_length=32)
    at = models.DateTimeField()
    records = models.JSONField(default=list)  # record ids
    categories = models.JSONField(default=list)
    fields = models.JSONField(default=list)  # "record_type.field"
    agreement = models.CharField(max_length=200, blank=True, default="")  # the reference it ran under
    authority = models.CharField(max_length=200, blank=True, default="")  # who asked (authority_request)
    legal_ground = models.CharField(max_length=300, blank=True, default="")
    consent_ref = models.CharField(max_length=64, blank=True, default="")
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    policy_version = models.PositiveIntegerField()

    class Meta:
        ordering = ["at", "id"]
        indexes = [models.Index(fields=["subject", "at"])]

    def __str__(self) -> str:
        return f"disclosure {self.id} to {self.recipient}"
