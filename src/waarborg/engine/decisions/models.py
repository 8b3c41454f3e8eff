"""Human decisions on cases (AVG art. 22: no decision with real effect by software alone).

A *case* is a record of a record type whose purpose is marked `human_decision` (an award
application, a payout). Only a person decides (`Decision`, with the reviewer and reasoning);
software and service accounts can only raise a `Flag`. An open flag blocks the dependent action
(the payout) until a person clears it, and the subject can open a `Conversation` about the case.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models


class Decision(models.Model):
    class Outcome(models.TextChoices):
        GRANTED = "granted", "Toegekend"
        REJECTED = "rejected", "Afgewezen"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    # CASCADE: when retention deletes the case, its decisions (with their reasoning) go with it.
    record = models.ForeignKey("vault.Record", on_delete=models.CASCADE, related_name="decisions")
    purpose = models.CharField(max_length=64)
    outcome = models.CharField(max_length=16, choices=Outcome.choices)
    reasoning = models.TextField()
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    decided_at = models.DateTimeField()
    policy_version = models.PositiveIntegerField()

    class Meta:
        ordering = ["decided_at", "id"]

    def __str__(self) -> str:
        return f"{self.outcome} for record {self.record_id}"


class Flag(models.Model):
    class Kind(models.TextChoices):
        SUSPECTED_FRAUD = "suspected_fraud", "Vermoeden van fraude"
        SUSPECTED_MISUSE = "suspected_misuse", "Vermoeden van misbruik"
        HUMAN_DECISION_REQUIRED = "human_decision_required", "Menselijke beoordeling nodig"
        INCOMPLETE = "incomplete", "Gegevens onvolledig"
        OTHER = "other", "Anders"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    record = models.ForeignKey("vault.Record", on_delete=models.CASCADE, related_name="flags")
    kind = models.CharField(max_length=32, choices=Kind.choices)
    reason = models.TextField()
    raised_by = models.CharField(max_length=150)  # username or "system:<job>"
    raised_by_user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                       related_name="+")
    raised_at = models.DateTimeField()
    cleared_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                   related_name="+")
    cleared_at = models.DateTimeField(null=True, blank=True)
    clear_reasoning = models.TextField(blank=True, default="")

    class Meta:
        ordering = ["raised_at", "id"]
        indexes = [models.Index(fields=["record", "cleared_at"])]

    def __str__(self) -> str:
        return f"{self.kind} on record {self.record_id}"


class Conversation(models.Model):
    """The subject asks to talk about a case (e.g. a fraud flag, S0-10), or objects to it. Sealed message."""

    class Kind(models.TextChoices):
        CONVERSATION = "conversation", "Gesprek"
        APPEAL = "appeal", "Bezwaar tegen de beslissing"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    record = models.ForeignKey("vault.Record", on_delete=models.CASCADE, related_name="conversations")
    flag = models.ForeignKey(Flag, null=True, blank=True, on_delete=models.SET_NULL, related_name="conversations")
    kind = models.CharField(max_length=16, choices=Kind.choices, default=Kind.CONVERSATION)
    opened_by = models.CharField(max_length=150)
    opened_at = models.DateTimeField()
    sealed = models.BinaryField(null=True, blank=True)  # {"message": ...} under the subject's key
    status = models.CharField(max_length=16, default="open")

    class Meta:
        ordering = ["opened_at", "id"]

    def __str__(self) -> str:
        return f"conversation on record {self.record_id}"


class Payout(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    # The application is deleted by retention before the (anonymised) payout record: keep the payout.
    application = models.ForeignKey("vault.Record", null=True, on_delete=models.SET_NULL, related_name="+")
    payout_record = models.OneToOneField("vault.Record", on_delete=models.CASCADE, related_name="payout_done")
    decision = models.ForeignKey(Decision, null=True, on_delete=models.SET_NULL, related_name="payouts")
    paid_at = models.DateTimeField()
    paid_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    def __str__(self) -> str:
        return f"payout {self.id}"
