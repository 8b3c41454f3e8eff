"""Data-subject requests (AVG art. 12-22): intake, identity, deadline, answer, and what was delivered.

A request never holds personal data in the clear: its free-text details and the subject's own
statements are sealed with the subject's data key, so crypto-shredding the subject after an
erasure also makes them unreadable. What stays is the accountability trail: which kind of request
arrived when, through which channel, when it was answered and on which ground data was kept.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import pgettext_lazy


class Request(models.Model):
    class Type(models.TextChoices):
        ACCESS = "access", pgettext_lazy("request type", "Inzage")
        RECTIFICATION = "rectification", pgettext_lazy("request type", "Correctie")
        COMPLETION = "completion", pgettext_lazy("request type", "Aanvulling")
        ERASURE = "erasure", pgettext_lazy("request type", "Verwijdering")
        RESTRICTION = "restriction", pgettext_lazy("request type", "Beperking (afscherming)")
        OBJECTION = "objection", pgettext_lazy("request type", "Bezwaar")
        PORTABILITY = "portability", pgettext_lazy("request type", "Overdraagbaarheid")
        WITHDRAW_CONSENT = "withdraw_consent", pgettext_lazy("request type", "Intrekken toestemming")
        DISCLOSURES = "disclosures", pgettext_lazy("request type", "Overzicht verstrekkingen")
        COMPLAINT = "complaint", pgettext_lazy("request type", "Klacht")

    class Status(models.TextChoices):
        RECEIVED = "received", pgettext_lazy("request status", "Ontvangen")
        AWAITING_IDENTIFICATION = "awaiting_identification", pgettext_lazy("request status", "Wacht op identificatie")
        IN_PROGRESS = "in_progress", pgettext_lazy("request status", "In behandeling")
        ANSWERED = "answered", pgettext_lazy("request status", "Beantwoord")
        REJECTED = "rejected", pgettext_lazy("request status", "Afgewezen")
        CLOSED = "closed", pgettext_lazy("request status", "Gesloten")

    OPEN = (Status.RECEIVED, Status.AWAITING_IDENTIFICATION, Status.IN_PROGRESS)

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    subject = models.ForeignKey("vault.Subject", on_delete=models.PROTECT, related_name="requests")
    type = models.CharField(max_length=32, choices=Type.choices)
    channel = models.CharField(max_length=32)
    purpose = models.CharField(max_length=64, blank=True, default="")  # the purpose the request is about
    details_sealed = models.BinaryField(null=True, blank=True)  # free text, sealed with the subject's key
    # Who asked: the subject, a guardian/parent, or a representative (authorised person). Their name, contact
    # and authorisation are sealed with the subject's key like the details; the kind alone is in the clear.
    requester_kind = models.CharField(max_length=16, default="subject")
    requester_sealed = models.BinaryField(null=True, blank=True)
    status = models.CharField(max_length=32, choices=Status.choices)
    received_at = models.DateTimeField()
    due_at = models.DateTimeField()
    created_at = models.DateTimeField()
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    # Extension (art. 12(3)): at most rights.extension_max, with a reason told to the subject in time.
    first_due_at = models.DateTimeField()
    extension_reason = models.TextField(blank=True, default="")
    extended_at = models.DateTimeField(null=True, blank=True)
    subject_told_at = models.DateTimeField(null=True, blank=True)
    # Identity before release (S1-25, S3-25, S1-26).
    identity_method = models.CharField(max_length=32, blank=True, default="")
    identity_verified_at = models.DateTimeField(null=True, blank=True)
    identity_verified_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                             on_delete=models.SET_NULL, related_name="+")
    redactions_confirmed = models.JSONField(default=list, blank=True)
    id_copy_ref = models.CharField(max_length=200, blank=True, default="")  # where the copy is; cleared once checked
    id_copy_received_at = models.DateTimeField(null=True, blank=True)
    id_copy_deleted_at = models.DateTimeField(null=True, blank=True)
    # The outcome.
    started_at = models.DateTimeField(null=True, blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    rejected_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    outcome = models.CharField(max_length=32, blank=True, default="")  # e.g. resolved / unresolved (complaints)
    answer = models.JSONField(default=dict, blank=True)  # {"nl": ..., "en": ...}: no personal data, only facts
    handled_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")

    class Meta:
        ordering = ["due_at"]
        indexes = [models.Index(fields=["status", "due_at"]), models.Index(fields=["type", "received_at"])]

    def __str__(self) -> str:
        return f"{self.type} request {self.id}"

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN

    @property
    def identity_verified(self) -> bool:
        return self.identity_verified_at is not None


class Step(models.Model):
    """Every step with its moment and actor: the request's own history.

    `action` names the step (filed, verified, reviewed, delivered, answered, ...); `status` is the
    request's status after it (a review or a delivery leaves the status as it was)."""

    request = models.ForeignKey(Request, on_delete=models.CASCADE, related_name="steps")
    action = models.CharField(max_length=32, blank=True, default="")
    status = models.CharField(max_length=32)
    at = models.DateTimeField()
    by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                           related_name="+")
    note = models.CharField(max_length=200, blank=True, default="")  # never personal data

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.request_id} -> {self.status}"


class Delivery(models.Model):
    """An export handed over to the requester (the subject, a guardian, a representative), or to a
    recipient the subject named (art. 20(2)), through a channel: the portal download, secure mail, a
    letter staff post, or the API (to a named recipient)."""

    request = models.ForeignKey(Request, on_delete=models.CASCADE, related_name="deliveries")
    format = models.CharField(max_length=8)
    to = models.CharField(max_length=16, default="subject")  # subject | guardian | representative | recipient
    channel = models.CharField(max_length=16, blank=True, default="")  # portal | secure_mail | letter | api
    recipient = models.CharField(max_length=200, blank=True, default="")  # an organisation's name
    at = models.DateTimeField()
    received_at = models.DateTimeField(null=True, blank=True)  # secure mail: when the requester picked it up
    by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                           related_name="+")

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.format} export of {self.request_id} to {self.to}"


class Statement(models.Model):
    """Completion (art. 16, S4-15): the subject's own statement added to their data."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    request = models.ForeignKey(Request, on_delete=models.PROTECT, related_name="statements")
    subject = models.ForeignKey("vault.Subject", on_delete=models.CASCADE, related_name="statements")
    record = models.ForeignKey("vault.Record", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    sealed = models.BinaryField()
    at = models.DateTimeField()

    class Meta:
        ordering = ["at"]

    def __str__(self) -> str:
        return f"statement {self.id}"
