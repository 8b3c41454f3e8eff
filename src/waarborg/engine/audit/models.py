"""The audit log: append-only, each entry keyed, sealed in order by signed checkpoints.

Each entry's `hash` is a MAC (HMAC-SHA256 with a key outside the database, `audit.keys`) over its id and its
fields: an entry changed, renumbered or forged without that key is named by `waarborg audit verify`. A
checkpoint (`AuditSeal`, `audit.seals`) chains every entry up to a point in id order and is signed
(Ed25519); its copy outside the database pins the head, so removing entries, even the last ones or all of
them, is named too. Entries written before keyed entries existed (`prev_hash` set: a plain SHA-256 chain)
are sealed by checkpoint 0, made when the database was upgraded. Triggers refuse UPDATE and DELETE on both
tables outright. Entries never hold personal data in the clear: the subject is a keyed pseudonym, and
corrections keep old and new values sealed.
"""

from __future__ import annotations

from django.db import models


class AuditEntry(models.Model):
    id = models.BigAutoField(primary_key=True)
    at = models.DateTimeField()
    actor_id = models.BigIntegerField(null=True, blank=True)
    actor = models.CharField(max_length=150, blank=True, default="")  # username or "system:sweep"
    actor_kind = models.CharField(max_length=16, blank=True, default="")
    actor_roles = models.CharField(max_length=200, blank=True, default="")
    action = models.CharField(max_length=40)
    purpose = models.CharField(max_length=64, blank=True, default="")
    policy_version = models.PositiveIntegerField(null=True, blank=True)
    subject_pseudonym = models.CharField(max_length=64, blank=True, default="", db_index=True)
    record_id = models.CharField(max_length=64, blank=True, default="")
    outcome = models.CharField(max_length=16, default="ok")  # ok | refused | error
    reason = models.CharField(max_length=64, blank=True, default="")
    detail = models.JSONField(default=dict, blank=True)
    sealed = models.BinaryField(null=True, blank=True)  # old/new values of a correction
    trace_id = models.CharField(max_length=32, blank=True, default="")
    # Grouped entries (one per sweep batch and rule): the pseudonyms of the subjects the detail's items are
    # about, in item order; null on every other entry. Searched with `log.about_subject` (GIN on PostgreSQL).
    subjects = models.JSONField(null=True, blank=True)
    prev_hash = models.CharField(max_length=64)  # entries before checkpoint 0 only (the SHA-256 chain); else ""
    hash = models.CharField(max_length=64, unique=True)  # the entry's MAC (before checkpoint 0: its SHA-256)

    class Meta:
        ordering = ["id"]
        indexes = [models.Index(fields=["at"]), models.Index(fields=["action", "outcome"]),
                   # Where the grouped entries are (verify and exports page around them: each is large).
                   models.Index(fields=["id"], condition=models.Q(subjects__isnull=False), name="audit_grouped")]

    def __str__(self) -> str:
        return f"audit #{self.id} {self.action} {self.outcome}"


class AuditSeal(models.Model):
    """A checkpoint: every entry up to `last_entry`, chained in id order (`head`), counted and signed.

    The same signed statement is written outside the database (`audit.checkpoints`); `verify` checks the
    log against both. Sequence 0 (`legacy`) seals the entries made before keyed entries existed.
    """

    sequence = models.PositiveBigIntegerField(primary_key=True)
    after = models.BigIntegerField()  # the previous checkpoint's last entry (0 for the first)
    last_entry = models.BigIntegerField()
    gaps = models.JSONField(default=list)  # [first, last] id ranges in (after, last_entry] never committed
    entries = models.BigIntegerField()  # entries from the first up to and including last_entry
    head = models.CharField(max_length=64)
    at = models.DateTimeField()
    legacy = models.BooleanField(default=False)
    signature = models.CharField(max_length=100)

    class Meta:
        ordering = ["sequence"]

    def __str__(self) -> str:
        return f"audit checkpoint {self.sequence} (entry {self.last_entry})"
