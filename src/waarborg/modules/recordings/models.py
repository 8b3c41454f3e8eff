"""Requests to record, recordings, copies, the other party's written consent, and shares.

The recording's bytes are sealed with the client's data key (`sealed`), with the SHA-256 of the clear
bytes taken at upload (`checksum`); the row is linked to its vault record (type `recording`, purpose
`recordings`), so retention and erasure remove the file together with the record. Rows are never
updated after the file is stored, except to note that a copy went out.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models


class Party(models.TextChoices):
    CLIENT = "client", "Cliënt"
    STAFF = "staff", "Medewerker"


class RecordingRequest(models.Model):
    """A client asks to record a conversation (S3-34): approved unless refused for a weighty reason."""

    class Status(models.TextChoices):
        APPROVED = "approved", "Toegestaan"
        REFUSED = "refused", "Geweigerd"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    subject = models.ForeignKey("vault.Subject", on_delete=models.PROTECT, related_name="recording_requests")
    conversation_at = models.DateTimeField()
    requested_at = models.DateTimeField()
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.APPROVED)
    # The weighty reason and the alternative offered, sealed with the client's key.
    sealed = models.BinaryField(null=True, blank=True)
    decided_at = models.DateTimeField()
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")

    def __str__(self) -> str:
        return f"recording request {self.id} ({self.status})"


class Recording(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    subject = models.ForeignKey("vault.Subject", on_delete=models.PROTECT, related_name="recordings")
    made_by = models.CharField(max_length=8, choices=Party.choices)
    request = models.ForeignKey(RecordingRequest, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    consent = models.ForeignKey("consent.Consent", null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    conversation_started_at = models.DateTimeField()
    announced_at = models.DateTimeField()  # S3-35: said beforehand, so before the conversation started
    registered_at = models.DateTimeField()
    registered_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    # The file (absent while a client keeps their own recording and nobody asked for a copy).
    record = models.OneToOneField("vault.Record", null=True, blank=True, on_delete=models.CASCADE,
                                  related_name="recording")
    sealed = models.BinaryField(null=True, blank=True)
    checksum = models.CharField(max_length=64, blank=True, default="")
    size = models.PositiveIntegerField(default=0)
    stored_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"recording {self.id} by {self.made_by}"


class CopyRequest(models.Model):
    """The other party wants a copy (S3-36): client of a staff recording, or staff of a client's."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    recording = models.ForeignKey(Recording, on_delete=models.CASCADE, related_name="copy_requests")
    requested_by = models.CharField(max_length=8, choices=Party.choices)
    requested_at = models.DateTimeField()
    fulfilled_at = models.DateTimeField(null=True, blank=True)
    via = models.CharField(max_length=16, blank=True, default="")  # mail | upload

    def __str__(self) -> str:
        return f"copy of {self.recording_id} for {self.requested_by}"


class ShareConsent(models.Model):
    """The other party's written consent to share with a third party (S3-38)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    recording = models.ForeignKey(Recording, on_delete=models.CASCADE, related_name="share_consents")
    document = models.CharField(max_length=200)  # the reference of the signed, written consent
    stated_at_start = models.BooleanField(default=False)  # named at the start of the recording
    recorded_at = models.DateTimeField()
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")

    def __str__(self) -> str:
        return f"share consent for {self.recording_id}"


class Share(models.Model):
    recording = models.ForeignKey(Recording, on_delete=models.CASCADE, related_name="shares")
    consent = models.ForeignKey(ShareConsent, on_delete=models.CASCADE, related_name="shares")
    recipient = models.CharField(max_length=200)  # an organisation or role, never a private person's name
    shared_at = models.DateTimeField()
    shared_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")

    def __str__(self) -> str:
        return f"share of {self.recording_id}"
