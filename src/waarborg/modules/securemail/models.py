"""Access codes, secure messages with their attachments, and requests that arrived by e-mail.

Nothing here holds an address or a text in the clear: a code row keeps keyed hashes only, and the
contents of a message live in its vault record and in `SecureAttachment.sealed`, both sealed with the
sender's data key. Deleting the vault record (retention: one month) deletes the attachment with it.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models


class AccessCode(models.Model):
    """A one-time code sent to an address; proof that the sender owns that address (S3-41)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    address_hash = models.CharField(max_length=64, db_index=True)  # keyed hash of the lower-cased address
    code_hash = models.CharField(max_length=64)  # keyed hash of address and code: bound to that address
    created_at = models.DateTimeField()
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)
    failed_attempts = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"access code {self.id}"


class SecureMessage(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    record = models.OneToOneField("vault.Record", on_delete=models.CASCADE, related_name="secure_message")
    code = models.OneToOneField(AccessCode, null=True, on_delete=models.SET_NULL, related_name="message")
    received_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"secure message {self.id}"


class SecureAttachment(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    message = models.ForeignKey(SecureMessage, on_delete=models.CASCADE, related_name="attachments")
    size = models.PositiveIntegerField()
    checksum = models.CharField(max_length=64)  # SHA-256 of the clear bytes
    sealed = models.BinaryField()  # {"filename", "content_type", "data" (base64)} under the sender's key

    def __str__(self) -> str:
        return f"attachment {self.id}"


class MailRequest(models.Model):
    """A question, appointment or no-DigiD request that came in by e-mail: a task for the front office."""

    class Kind(models.TextChoices):
        QUESTION = "question", "Vraag"
        APPOINTMENT = "appointment", "Afspraak"
        NO_DIGID = "no_digid", "Aanvraag zonder DigiD"

    class Status(models.TextChoices):
        OPEN = "open", "Open"
        ANSWERED = "answered", "Beantwoord"
        FORMS_SENT = "forms_sent", "Formulieren verstuurd"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    kind = models.CharField(max_length=16, choices=Kind.choices)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.OPEN)
    subject = models.ForeignKey("vault.Subject", on_delete=models.PROTECT, related_name="mail_requests")
    record = models.OneToOneField("vault.Record", on_delete=models.CASCADE, related_name="mail_request")
    received_at = models.DateTimeField()
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    handled_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    handled_at = models.DateTimeField(null=True, blank=True)
    forms = models.JSONField(default=list, blank=True)  # ids of the forms sent (S3-42)

    class Meta:
        ordering = ["received_at"]
        indexes = [models.Index(fields=["status", "received_at"])]

    def __str__(self) -> str:
        return f"{self.kind} mail request {self.id}"


class SecureDelivery(models.Model):
    """An answer to a rights request waiting for its requester (secure mail the other way round, S3-41).

    Holds no copy of the export: it is made when the requester picks it up, with a one-time access code sent
    to the address the link went to (kept here as a keyed hash only), before `expires_at`.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    delivery = models.OneToOneField("rights.Delivery", on_delete=models.CASCADE, related_name="secure_mail")
    address_hash = models.CharField(max_length=64)
    lang = models.CharField(max_length=2, default="nl")
    created_at = models.DateTimeField()
    expires_at = models.DateTimeField()
    pickups = models.PositiveSmallIntegerField(default=0)

    def __str__(self) -> str:
        return f"secure delivery {self.id}"
