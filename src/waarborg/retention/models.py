"""Models of the retention capability: the facts retention clocks are computed from.

- `Event`: something happened (an edition closed, a service ended, a consent was withdrawn). Org-level
  events have neither subject nor record; they add dates to a policy calendar.
- `Hold`: keep data past its expiry for a stated reason, never past the rule's ceiling.
- `Adjustment`: an extension (at most `rule.extension.times`) or a shortening on the subject's request.

Records are referred to by id, not by foreign key: the sweep deletes records, and these facts
(which hold no personal data themselves) explain afterwards why.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models


class Event(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    name = models.CharField(max_length=64)
    at = models.DateTimeField()
    subject = models.ForeignKey("vault.Subject", null=True, blank=True, on_delete=models.CASCADE,
                                related_name="retention_events")
    record_id = models.UUIDField(null=True, blank=True)
    attributes = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField()
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")

    class Meta:
        indexes = [
            models.Index(fields=["name", "at"], name="event_name_at"),
            models.Index(fields=["subject", "name"], name="event_subject_name"),
            models.Index(fields=["record_id", "name"], name="event_record_name"),
        ]

    def __str__(self) -> str:
        return f"event {self.name} at {self.at:%Y-%m-%d}"


class Hold(models.Model):
    class Reason(models.TextChoices):
        RIGHTS_REQUEST = "rights_request", "Lopend verzoek van de betrokkene"
        DISPUTE = "dispute", "Geschil"
        FRAUD_INVESTIGATION = "fraud_investigation", "Fraudeonderzoek"
        LEGAL_OBLIGATION = "legal_obligation", "Wettelijke plicht"

    subject = models.ForeignKey("vault.Subject", null=True, blank=True, on_delete=models.CASCADE,
                                related_name="retention_holds")
    record_id = models.UUIDField(null=True, blank=True)
    reason = models.CharField(max_length=32, choices=Reason.choices)
    justification = models.TextField()
    until = models.DateTimeField(null=True, blank=True)  # null: until released (still capped by the ceiling)
    created_at = models.DateTimeField()
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    released_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["subject"], name="hold_subject"),
                   models.Index(fields=["record_id"], name="hold_record")]
        constraints = [models.CheckConstraint(
            condition=models.Q(subject__isnull=False) | models.Q(record_id__isnull=False),
            name="hold_names_subject_or_record")]

    def __str__(self) -> str:
        return f"hold ({self.reason})"


class Adjustment(models.Model):
    class Kind(models.TextChoices):
        EXTENSION = "extension", "Verlenging"
        SHORTENING = "shortening", "Verkorting"

    class Basis(models.TextChoices):
        SUBJECT_REQUEST = "subject_request", "Verzoek van de betrokkene"
        SUBJECT_CONSENT = "subject_consent", "Toestemming van de betrokkene"
        STAFF = "staff", "Besluit van een medewerker"

    kind = models.CharField(max_length=16, choices=Kind.choices)
    subject = models.ForeignKey("vault.Subject", on_delete=models.CASCADE, related_name="retention_adjustments")
    rule = models.CharField(max_length=64)  # applies to the subject's records under this rule
    basis = models.CharField(max_length=32, choices=Basis.choices)
    evidence = models.CharField(max_length=200)  # where the request or consent is recorded (no personal data)
    at = models.DateTimeField()
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")

    class Meta:
        indexes = [models.Index(fields=["subject", "rule"], name="adjustment_subject_rule")]

    def __str__(self) -> str:
        return f"{self.kind} of {self.rule}"
