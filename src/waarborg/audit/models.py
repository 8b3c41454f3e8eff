"""The audit log: append-only and hash-chained.

Each entry's `hash` covers its own fields and the previous entry's hash, so editing or deleting
any row breaks the chain from that row on (`waarborg audit verify`). On PostgreSQL a trigger
also refuses UPDATE and DELETE outright. Entries never hold personal data in the clear: the
subject is a keyed pseudonym, and corrections keep old and new values sealed.
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
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64, unique=True)

    class Meta:
        ordering = ["id"]
        indexes = [models.Index(fields=["at"]), models.Index(fields=["action", "outcome"]),
                   # Where the grouped entries are (verify and exports page around them: each is large).
                   models.Index(fields=["id"], condition=models.Q(subjects__isnull=False), name="audit_grouped")]

    def __str__(self) -> str:
        return f"audit #{self.id} {self.action} {self.outcome}"
