"""Subjects and their records. Protected fields are sealed with the subject's own data key.

A record stores its non-protected fields in `plain` and its protected fields (categories the
policy marks encrypted, special, BSN or financial) as one AES-GCM blob in `sealed`. Destroying
the subject's key (crypto-shredding) makes every copy of `sealed` unreadable, backups included.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone


class Subject(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    external_id = models.CharField(max_length=100, null=True, blank=True, unique=True)
    # Keyed hash of the BSN for look-ups; the BSN itself is sealed, never stored in the clear.
    # Unique where set: one living subject per BSN, even for two intakes at the same moment.
    bsn_hash = models.CharField(max_length=64, null=True, blank=True)
    sealed = models.BinaryField(null=True, blank=True)  # birth_date, bsn
    created_at = models.DateTimeField()
    erased_at = models.DateTimeField(null=True, blank=True)
    # The group of data subjects (client, volunteer, relative...) of the policy's `subject_groups`; "" for a
    # subject registered under a policy without groups (the policy's default group then applies).
    group = models.CharField(max_length=64, blank=True, default="")

    class Meta:
        indexes = [models.Index(fields=["created_at"])]
        constraints = [models.UniqueConstraint(fields=["bsn_hash"], condition=models.Q(bsn_hash__isnull=False),
                                               name="one_subject_per_bsn")]

    def __str__(self) -> str:
        return f"subject {self.id}"


class SubjectKey(models.Model):
    """The subject's data key, wrapped (AES-GCM) by the master key. Deleting it shreds the data."""

    subject = models.OneToOneField(Subject, primary_key=True, on_delete=models.CASCADE, related_name="key")
    wrapped = models.BinaryField()
    master_key_id = models.CharField(max_length=16)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"data key of subject {self.subject_id}"


class DerivationRoot(models.Model):
    """The secret that pseudonyms, BSN look-up hashes, the audit system key and the backup key derive from.

    Until the first master-key rotation there is no row and the master key itself is the root. A rotation
    stores the root wrapped under the new master key, so everything derived from it survives the rotation.
    """

    id = models.PositiveSmallIntegerField(primary_key=True, default=1)
    wrapped = models.BinaryField()
    master_key_id = models.CharField(max_length=16)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"derivation root (master key {self.master_key_id})"


class Record(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    # Nullable: an anonymised record is unlinked from its subject (S0-28).
    subject = models.ForeignKey(Subject, null=True, blank=True, on_delete=models.PROTECT, related_name="records")
    type = models.CharField(max_length=64)
    purpose = models.CharField(max_length=64, db_index=True)
    plain = models.JSONField(default=dict)
    sealed = models.BinaryField(null=True, blank=True)
    collected_at = models.DateTimeField()
    source_kind = models.CharField(max_length=32)
    source_detail = models.CharField(max_length=200, blank=True, default="")
    channel = models.CharField(max_length=32, blank=True, default="")
    channel_detail = models.CharField(max_length=200, blank=True, default="")  # e.g. which intermediary
    # The legal basis (AVG art. 6) of the purpose when the record was collected (S4-01): a later
    # policy version may change the purpose, but not what this record was collected under.
    basis = models.CharField(max_length=32, blank=True, default="")
    # The subject's group when the record was collected (`Subject.group`): what the register says it is about.
    group = models.CharField(max_length=64, blank=True, default="")
    created_at = models.DateTimeField()
    updated_at = models.DateTimeField()
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    policy_version = models.PositiveIntegerField()
    # Retention: the computed expiry (null while open-ended) and the rule that set it.
    retention_rule = models.CharField(max_length=64)
    expires_at = models.DateTimeField(null=True, blank=True)
    anonymised_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [
            # The sweep selects `expires_at <= now AND anonymised_at IS NULL` ordered by expiry.
            models.Index(fields=["expires_at"], name="record_expiry",
                         condition=models.Q(expires_at__isnull=False, anonymised_at__isnull=True)),
            models.Index(fields=["subject", "purpose"], name="record_subject_purpose"),
        ]

    def __str__(self) -> str:
        return f"record {self.id} ({self.type})"


class Assignment(models.Model):
    """Need-to-know: a subject in the caseload of a staff member or a team, for one purpose (S4-11).

    Ending an assignment keeps the row (`ended_at`, `ended_by`): the history says who had the case when.
    Only active rows (`ended_at` null) open access; at most one active row per subject, purpose and
    person or team. Written only by `waarborg.engine.caseloads.actions`.
    """

    class Via(models.TextChoices):
        ASSIGN = "assign", "Toegewezen / assigned"
        INTAKE = "intake", "Intake"
        HANDOVER = "handover", "Overgedragen / handed over"

    subject = models.ForeignKey(Subject, on_delete=models.CASCADE, related_name="assignments")
    purpose = models.CharField(max_length=64)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE,
                             related_name="assignments")
    team = models.CharField(max_length=64, blank=True, default="")
    created_at = models.DateTimeField(default=timezone.now)
    # Who assigned and who ended it: a username, or the platform ("system:cli"); text, so it outlives accounts.
    created_by = models.CharField(max_length=150, blank=True, default="")
    via = models.CharField(max_length=10, choices=Via.choices, default=Via.ASSIGN)
    ended_at = models.DateTimeField(null=True, blank=True)
    ended_by = models.CharField(max_length=150, blank=True, default="")

    class Meta:
        indexes = [models.Index(fields=["subject", "purpose"])]
        constraints = [
            models.CheckConstraint(name="assignment_to_user_or_team",
                                   condition=(models.Q(user__isnull=False, team="")
                                              | (models.Q(user__isnull=True) & ~models.Q(team="")))),
            # One active assignment per subject, purpose and person (or team); ended ones are history.
            models.UniqueConstraint(fields=["subject", "purpose", "user"], name="assignment_active_user",
                                    condition=models.Q(ended_at__isnull=True, user__isnull=False)),
            models.UniqueConstraint(fields=["subject", "purpose", "team"], name="assignment_active_team",
                                    condition=models.Q(ended_at__isnull=True) & ~models.Q(team="")),
        ]

    def __str__(self) -> str:
        return f"subject {self.subject_id} for {self.purpose}"

    @property
    def is_active(self) -> bool:
        return self.ended_at is None
