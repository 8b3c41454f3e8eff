"""The breach register (datalekkenregister, AVG art. 33(5)).

A breach is known from `aware_at` (the moment the organisation learned of it); the 72-hour clock
for the Autoriteit Persoonsgegevens runs from there. Everything that happens to a breach also goes
into its own append-only trail (`BreachLogEntry`), so the record can later show a person who
suffered damage what was known when, and what was done (S4-21).
"""

from __future__ import annotations

import uuid
from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import pgettext_lazy


class Kind(models.TextChoices):
    """Breach kinds the seeds name (S4-23), plus the classic security incidents."""

    MISADDRESSED_EMAIL = "misaddressed_email", pgettext_lazy("breach kind", "E-mail aan de verkeerde ontvanger")
    MISADDRESSED_LETTER = "misaddressed_letter", pgettext_lazy("breach kind", "Brief aan het verkeerde adres")
    WEBSITE_OVEREXPOSURE = "website_overexposure", pgettext_lazy("breach kind", "Te veel informatie op een website")
    LOST_FILE = "lost_file", pgettext_lazy("breach kind", "Verloren dossier, bestand of gegevensdrager")
    UNAUTHORISED_ACCESS = "unauthorised_access", pgettext_lazy("breach kind", "Onbevoegde toegang")
    STOLEN_DEVICE = "stolen_device", pgettext_lazy("breach kind", "Gestolen apparaat")
    MALWARE = "malware", pgettext_lazy("breach kind", "Malware of hack")
    OTHER = "other", pgettext_lazy("breach kind", "Anders")


class Status(models.TextChoices):
    REPORTED = "reported", pgettext_lazy("breach status", "Gemeld, nog te beoordelen")
    ASSESSED = "assessed", pgettext_lazy("breach status", "Beoordeeld")
    NOTIFIED = "notified", pgettext_lazy("breach status", "Gemeld aan AP en/of betrokkenen")
    CLOSED = "closed", pgettext_lazy("breach status", "Afgesloten")


class Risk(models.TextChoices):
    NONE = "none", pgettext_lazy("breach risk", "Geen risico (niet meldplichtig)")
    LOW = "low", pgettext_lazy("breach risk", "Risico")
    HIGH = "high", pgettext_lazy("breach risk", "Hoog risico")


class Breach(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    kind = models.CharField(max_length=32, choices=Kind.choices, default=Kind.OTHER)
    description = models.TextField()
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.REPORTED)
    # Intake: staff register it, or anyone reports a suspicion through the public form.
    source = models.CharField(max_length=16, default="staff")  # staff | public
    reported_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+")
    reporter_name = models.CharField(max_length=200, blank=True, default="")
    reporter_contact = models.CharField(max_length=200, blank=True, default="")
    received_at = models.DateTimeField()
    aware_at = models.DateTimeField()
    authority_due_at = models.DateTimeField()
    # Timeline of the incident itself (meldformulier 2).
    started_at = models.DateTimeField(null=True, blank=True)
    ended_at = models.DateTimeField(null=True, blank=True)
    ongoing = models.BooleanField(default=False)
    categories = models.JSONField(default=list, blank=True)  # policy category ids
    # Assessment (meldformulier 3, 6, 7).
    risk = models.CharField(max_length=8, choices=Risk.choices, blank=True, default="")
    nature = models.JSONField(default=list, blank=True)  # read, copy, change, delete, theft
    cause = models.TextField(blank=True, default="")
    consequences = models.TextField(blank=True, default="")
    prior_measures = models.TextField(blank=True, default="")
    encrypted = models.BooleanField(null=True, blank=True)  # data unintelligible to whoever got it?
    measures_taken = models.TextField(blank=True, default="")
    measures_subject_can_take = models.TextField(blank=True, default="")
    follow_up = models.TextField(blank=True, default="")
    record_count = models.PositiveIntegerField(null=True, blank=True)
    assessed_at = models.DateTimeField(null=True, blank=True)
    authority_notified_at = models.DateTimeField(null=True, blank=True)
    authority_reference = models.CharField(max_length=100, blank=True, default="")
    subjects_notified_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField()
    policy_version = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["aware_at"]
        indexes = [models.Index(fields=["status", "authority_due_at"])]

    def __str__(self) -> str:
        return f"breach {self.id} ({self.kind})"


class AffectedSubject(models.Model):
    """One person involved, with *their* categories (S4-19) and the notice they received."""

    breach = models.ForeignKey(Breach, on_delete=models.PROTECT, related_name="affected")
    subject = models.ForeignKey("vault.Subject", on_delete=models.PROTECT, related_name="breaches")
    categories = models.JSONField(default=list)
    record_count = models.PositiveIntegerField(default=0)
    added_at = models.DateTimeField()
    notified_at = models.DateTimeField(null=True, blank=True)
    notice = models.JSONField(default=dict, blank=True)  # what the person was told, as sent

    class Meta:
        constraints = [models.UniqueConstraint(fields=["breach", "subject"], name="breach_subject_once")]

    def __str__(self) -> str:
        return f"subject {self.subject_id} in breach {self.breach_id}"


class AuthorityNotification(models.Model):
    """A notification to the AP: the initial one, then supplements (aanvullende meldingen)."""

    breach = models.ForeignKey(Breach, on_delete=models.PROTECT, related_name="authority_notifications")
    kind = models.CharField(max_length=16)  # initial | supplement
    at = models.DateTimeField()
    reference = models.CharField(max_length=100, blank=True, default="")  # the AP's meldnummer
    form = models.JSONField()  # the meldformulier as submitted
    by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.kind} AP notification of breach {self.breach_id}"


class AppendOnly(Exception):
    """The breach trail is never edited or deleted."""


class BreachLogEntry(models.Model):
    """The documentation trail of one breach: append-only (S4-21, S0-27)."""

    breach = models.ForeignKey(Breach, on_delete=models.PROTECT, related_name="trail")
    at = models.DateTimeField()
    actor = models.CharField(max_length=150)
    event = models.CharField(max_length=40)
    detail = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.event} on breach {self.breach_id}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise AppendOnly("breach log entries cannot be changed")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> Any:
        raise AppendOnly("breach log entries cannot be deleted")
