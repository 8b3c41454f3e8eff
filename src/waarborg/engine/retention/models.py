"""Models of the retention capability: the facts retention clocks are computed from.

- `Event`: something happened (an edition closed, a service ended, a consent was withdrawn). Org-level
  events have neither subject nor record; they add dates to a policy calendar.
- `Hold`: keep data past its expiry for a stated reason, never past the rule's ceiling. A hold names a
  subject (all its records), one record, or a purpose (every record of that purpose: an organisation
  hold for a whole service); `review_at` is when someone must look at it again.
- `Adjustment`: an extension (at most `rule.extension.times`) or a shortening on the subject's request.

Records are referred to by id, not by foreign key: the sweep deletes records, and these facts
(which hold no personal data themselves) explain afterwards why.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext, pgettext_lazy

from waarborg.core.language import each_language


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
        RIGHTS_REQUEST = "rights_request", pgettext_lazy("hold reason", "Lopend verzoek van de betrokkene")
        DISPUTE = "dispute", pgettext_lazy("hold reason", "Geschil")
        FRAUD_INVESTIGATION = "fraud_investigation", pgettext_lazy("hold reason", "Fraudeonderzoek")
        LEGAL_OBLIGATION = "legal_obligation", pgettext_lazy("hold reason", "Wettelijke plicht")
        # The organisation expects to need the data soon (S2-22): no legal ground, so no reason to refuse
        # an erasure; it only keeps the data past its expiry, never past the ceiling.
        ORGANISATION = "organisation", pgettext_lazy("hold reason", "Verwacht nodig voor de organisatie")

    subject = models.ForeignKey("vault.Subject", null=True, blank=True, on_delete=models.CASCADE,
                                related_name="retention_holds")
    record_id = models.UUIDField(null=True, blank=True)
    purpose = models.CharField(max_length=64, blank=True, default="")  # every record of this purpose
    reason = models.CharField(max_length=32, choices=Reason.choices)
    justification = models.TextField()
    until = models.DateTimeField(null=True, blank=True)  # null: until released (still capped by the ceiling)
    created_at = models.DateTimeField()
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    released_at = models.DateTimeField(null=True, blank=True)
    released_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+")
    review_at = models.DateTimeField(null=True, blank=True)  # past: the hold shows as "to review"

    class Meta:
        indexes = [models.Index(fields=["subject"], name="hold_subject"),
                   models.Index(fields=["record_id"], name="hold_record"),
                   models.Index(fields=["purpose"], name="hold_purpose")]
        constraints = [models.CheckConstraint(
            condition=models.Q(subject__isnull=False) | models.Q(record_id__isnull=False) | ~models.Q(purpose=""),
            name="hold_names_subject_record_or_purpose")]

    def __str__(self) -> str:
        return f"hold ({self.reason})"

    def scope(self) -> tuple[str, str]:
        """What the hold covers, in words (Dutch, English): ids only, never anything about the person."""
        words = each_language(self.scope_words)
        return words["nl"], words["en"]

    def scope_words(self) -> str:
        """What the hold covers, in the active language."""
        if self.record_id:
            return gettext("gegeven %(record)s") % {"record": self.record_id}
        if self.subject_id:
            return gettext("alle gegevens van betrokkene %(subject)s") % {"subject": self.subject_id}
        return gettext("alle gegevens voor doel '%(purpose)s'") % {"purpose": self.purpose}



class Adjustment(models.Model):
    class Kind(models.TextChoices):
        EXTENSION = "extension", pgettext_lazy("retention adjustment", "Verlenging")
        SHORTENING = "shortening", pgettext_lazy("retention adjustment", "Verkorting")

    class Basis(models.TextChoices):
        SUBJECT_REQUEST = "subject_request", pgettext_lazy("retention adjustment basis", "Verzoek van de betrokkene")
        SUBJECT_CONSENT = "subject_consent", pgettext_lazy("retention adjustment basis", "Toestemming van de betrokkene")
        STAFF = "staff", pgettext_lazy("retention adjustment basis", "Besluit van een medewerker")

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
