"""The CMS's own bookkeeping around vault records. No personal data lives here: values stay in the vault.

A `Listing` points at the vault record with the public data and at the one with the verification
address; when retention or an erasure deletes the listing record, the listing goes with it.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models


class Listing(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    subject = models.ForeignKey("vault.Subject", on_delete=models.CASCADE, related_name="+")
    # Named reverse relations (never "+"): the retention sweep clears what points at the records it
    # deletes by walking Record's visible relations.
    record = models.OneToOneField("vault.Record", on_delete=models.CASCADE, related_name="listing")
    verification = models.ForeignKey("vault.Record", null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="verified_listings")
    published = models.BooleanField(default=True)
    created_at = models.DateTimeField()
    # S1-17: unanswered verification mails only flag a listing; an editor decides what happens.
    flagged_at = models.DateTimeField(null=True, blank=True)
    flag_reason = models.CharField(max_length=64, blank=True, default="")

    class Meta:
        ordering = ["created_at"]

    def __str__(self) -> str:
        return f"listing {self.id}"


class VerificationMail(models.Model):
    """One due verification (S1-05): sent to the address, or reported because there is none."""

    class Status(models.TextChoices):
        SENT = "sent", "Verstuurd"
        NO_ADDRESS = "no_address", "Geen controleadres"
        REFUSED = "refused", "Geweigerd"

    listing = models.ForeignKey(Listing, on_delete=models.CASCADE, related_name="mails")
    status = models.CharField(max_length=16, choices=Status.choices)
    at = models.DateTimeField()
    confirmed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["at", "id"]
        indexes = [models.Index(fields=["listing", "-at"])]

    def __str__(self) -> str:
        return f"verification {self.status} for {self.listing_id} at {self.at:%Y-%m-%d}"


class PublicReads(models.Model):
    """How often the public pages were read on a day: publication is audited per day, never per visitor."""

    day = models.DateField()
    kind = models.CharField(max_length=16)  # list | listing
    count = models.PositiveIntegerField(default=0)
    audited_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["day", "kind"], name="public_reads_day_kind")]

    def __str__(self) -> str:
        return f"{self.day} {self.kind}: {self.count}"


class Ticket(models.Model):
    """A customer-service ticket (S1-10): the feedback record and the page it came from."""

    class Status(models.TextChoices):
        OPEN = "open", "Open"
        ANSWERED = "answered", "Beantwoord"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    subject = models.ForeignKey("vault.Subject", on_delete=models.CASCADE, related_name="+")
    record = models.ForeignKey("vault.Record", null=True, blank=True, on_delete=models.SET_NULL,
                               related_name="tickets")
    listing = models.ForeignKey(Listing, null=True, blank=True, on_delete=models.SET_NULL, related_name="tickets")
    page = models.CharField(max_length=500, blank=True, default="")  # the page the form was on: no personal data
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.OPEN)
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["created_at"]

    def __str__(self) -> str:
        return f"ticket {self.id}"


class TicketMessage(models.Model):
    """A message sent to the feedback address: only the two kinds the statement allows (S1-09)."""

    ticket = models.ForeignKey(Ticket, on_delete=models.CASCADE, related_name="messages")
    kind = models.CharField(max_length=32)
    at = models.DateTimeField()
    by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                           related_name="+")

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.kind} on {self.ticket_id}"


class MinorReport(models.Model):
    """A report that data about a minor was collected without parental consent (S1-16).

    The reporter's address and words are a vault record (a privacy request, with its retention);
    this row only tracks the report from receipt to the erasure and the confirmation mail.
    """

    class Status(models.TextChoices):
        RECEIVED = "received", "Ontvangen"
        ERASED = "erased", "Verwijderd"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    reporter = models.ForeignKey("vault.Subject", on_delete=models.CASCADE, related_name="+")
    record = models.ForeignKey("vault.Record", null=True, blank=True, on_delete=models.SET_NULL,
                               related_name="minor_reports")
    reference = models.CharField(max_length=100, blank=True, default="")  # e.g. a ticket number the reporter names
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.RECEIVED)
    received_at = models.DateTimeField()
    erasure = models.ForeignKey("rights.Request", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    confirmed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="+")
    confirmed_at = models.DateTimeField(null=True, blank=True)
    reporter_told_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["received_at"]

    def __str__(self) -> str:
        return f"minor report {self.id}"
