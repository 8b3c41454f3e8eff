"""The consent register and the other switches a subject controls: objection, restriction, opt-out.

Rows here are proof (AVG art. 7(1): the controller must be able to demonstrate consent), so nothing
is ever deleted or overwritten: a withdrawal sets `withdrawn_at` on the consent it ends, a lifted
restriction keeps its row with `lifted_at`. Names of signatories are personal data of the subject's
circle and are sealed with the subject's own key, so shredding the subject also shreds them.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models


class Consent(models.Model):
    class Status(models.TextChoices):
        ACTIVE = "active", "Actief"
        PENDING = "pending_verification", "Wacht op verificatie"
        WITHDRAWN = "withdrawn", "Ingetrokken"
        REFUSED = "refused", "Geweigerd"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    subject = models.ForeignKey("vault.Subject", on_delete=models.PROTECT, related_name="consents")
    purpose = models.CharField(max_length=64)  # exactly one purpose: consent never carries over (S3-06)
    status = models.CharField(max_length=24, choices=Status.choices)
    given_at = models.DateTimeField()  # for a refusal: when the person refused
    channel = models.CharField(max_length=32, blank=True, default="")
    # What the person agreed to: the policy version, the privacy statement version and the version of
    # the consent text (e.g. the toestemmingsverklaring) in force at that moment.
    policy_version = models.PositiveIntegerField()
    statement_version = models.CharField(max_length=32, blank=True, default="")
    text_version = models.CharField(max_length=64, blank=True, default="")
    # Evidence (S2-05): the reference of the signed statement and what it covers (general, special).
    evidence_document = models.CharField(max_length=200, blank=True, default="")
    evidence_scope = models.JSONField(default=list, blank=True)
    signatory_roles = models.JSONField(default=list, blank=True)  # ["self"], ["parent"], ...
    sealed = models.BinaryField(null=True, blank=True)  # {"signatories": [{"role", "name"}]}
    consequences = models.TextField(blank=True, default="")  # refusal: what the person was told (S2-09)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+")
    recorded_at = models.DateTimeField()
    verified_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+")
    verified_at = models.DateTimeField(null=True, blank=True)
    verification_method = models.CharField(max_length=32, blank=True, default="")
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    withdrawn_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="+")
    withdrawal_channel = models.CharField(max_length=32, blank=True, default="")

    class Meta:
        ordering = ["given_at", "recorded_at"]
        indexes = [models.Index(fields=["subject", "purpose", "status"], name="consent_subject_purpose")]

    def __str__(self) -> str:
        return f"consent {self.id} ({self.purpose}, {self.status})"


class Objection(models.Model):
    """Bezwaar (AVG art. 21) against one purpose resting on a public task or legitimate interest."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    subject = models.ForeignKey("vault.Subject", on_delete=models.PROTECT, related_name="objections")
    purpose = models.CharField(max_length=64)
    received_at = models.DateTimeField()
    channel = models.CharField(max_length=32, blank=True, default="")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+")
    # Compelling legitimate grounds that override the objection, recorded by staff (art. 21(1)).
    overridden_at = models.DateTimeField(null=True, blank=True)
    overridden_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                      related_name="+")
    override_grounds = models.TextField(blank=True, default="")

    class Meta:
        indexes = [models.Index(fields=["subject", "purpose"], name="objection_subject_purpose")]

    def __str__(self) -> str:
        return f"objection {self.id} ({self.purpose})"


class Restriction(models.Model):
    """Beperking, blokkeren, afscherming (art. 18): kept in storage, otherwise untouched until lifted."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    subject = models.ForeignKey("vault.Subject", on_delete=models.PROTECT, related_name="restrictions")
    purpose = models.CharField(max_length=64, blank=True, default="")  # blank: every purpose
    reason = models.CharField(max_length=200, blank=True, default="")  # e.g. "accuracy contested"
    set_at = models.DateTimeField()
    set_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                               related_name="+")
    lifted_at = models.DateTimeField(null=True, blank=True)
    lifted_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                  related_name="+")

    class Meta:
        indexes = [models.Index(fields=["subject", "lifted_at"], name="restriction_subject")]

    def __str__(self) -> str:
        return f"restriction {self.id} ({self.purpose or 'all purposes'})"


class OptOut(models.Model):
    """The person does not want service information (S2-28); only they can reverse it."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    subject = models.ForeignKey("vault.Subject", on_delete=models.PROTECT, related_name="optouts")
    purpose = models.CharField(max_length=64, blank=True, default="")  # blank: all service information
    channel = models.CharField(max_length=32, blank=True, default="")
    set_at = models.DateTimeField()
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+")
    reversed_at = models.DateTimeField(null=True, blank=True)
    reversed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+")

    class Meta:
        indexes = [models.Index(fields=["subject", "reversed_at"], name="optout_subject")]

    def __str__(self) -> str:
        return f"opt-out {self.id} ({self.purpose or 'all service information'})"


class Notice(models.Model):
    """Informing the subject (art. 13/14): indirect collection, processing on an interest, a refusal."""

    class Kind(models.TextChoices):
        INDIRECT = "indirect_collection", "Gegevens van een ander verkregen"
        BASIS = "basis_interest", "Verwerking op grond van een belang"
        REFUSAL = "refusal_consequences", "Gevolgen van een weigering"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    subject = models.ForeignKey("vault.Subject", on_delete=models.PROTECT, related_name="notices")
    purpose = models.CharField(max_length=64)
    kind = models.CharField(max_length=24, choices=Kind.choices)
    basis = models.CharField(max_length=32, blank=True, default="")
    source_kind = models.CharField(max_length=32, blank=True, default="")
    source_detail = models.CharField(max_length=200, blank=True, default="")  # e.g. "huisarts"
    record = models.ForeignKey("vault.Record", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    consent = models.ForeignKey(Consent, null=True, blank=True, on_delete=models.SET_NULL, related_name="notices")
    content = models.TextField(blank=True, default="")  # for a refusal: the consequences told
    created_at = models.DateTimeField()
    due_at = models.DateTimeField()
    sent_at = models.DateTimeField(null=True, blank=True)
    channel = models.CharField(max_length=32, blank=True, default="")
    sent_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                related_name="+")

    class Meta:
        ordering = ["due_at"]
        indexes = [models.Index(fields=["sent_at", "due_at"], name="notice_unsent")]

    def __str__(self) -> str:
        return f"notice {self.id} ({self.kind}, {self.purpose})"
