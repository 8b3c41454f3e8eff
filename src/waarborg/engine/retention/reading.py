"""What someone is shown of retention, checked and on record: one record's clock (`retention.read`) and the
back office's preview of what goes by a date (`retention.preview`). The API and the back office only render
what these return.

A record's clock names its purpose and its subject's dates, so reading it needs what reading the record's
purpose needs (a role that reads it, and on need-to-know work the subject in the caseload), unless the
reader manages retention.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import transaction

from waarborg.engine.audit.log import Entry, append
from waarborg.engine.audit.refusals import refused
from waarborg.engine.policy.active import active
from waarborg.engine.retention.clock import Clock, compute, day_start
from waarborg.engine.retention.sweep import preview
from waarborg.engine.vault.authorisation import assigned, needs_assignment
from waarborg.engine.vault.models import Record


def clock_read(actor: Any, record: Record, *, via: str = "") -> Clock:
    """`record`'s retention clock for `actor` (403, on record, for whoever may not read it)."""
    current = active()
    if not current.policy.manages(actor, "retention"):
        where: dict[str, Any] = {"purpose": record.purpose, "subject": record.subject_id, "record": record.pk}
        if not current.policy.grants(actor, "read", record.purpose):
            raise refused(actor, "retention.read", "role_not_granted",
                          "uw rol geeft geen leesrecht op het doel van dit gegeven", **where)
        if needs_assignment(current.policy, actor, "read", record.purpose) and not assigned(
                actor, record.subject_id, record.purpose):
            raise refused(actor, "retention.read", "not_assigned", "deze persoon is niet aan u of uw team toegewezen / "
                          "this subject is not assigned to you or your team", **where)
    clock = compute(record, current.policy)
    with transaction.atomic():
        append(Entry(action="retention.read", actor=actor, purpose=record.purpose, subject=record.subject_id,
                     record=record.pk, policy_version=current.number, detail={"via": via} if via else {}))
    return clock


def preview_read(actor: Any, before: date, *, via: str) -> dict[str, int]:
    """Per rule, how many records go before the day `before` (as `waarborg sweep --before`), for whoever
    manages retention; on record with the total."""
    if not active().policy.manages(actor, "retention"):
        raise refused(actor, "retention.preview", "role_not_granted", "alleen wie bewaartermijnen beheert ziet de vooruitblik")
    counts = preview(day_start(before))
    with transaction.atomic():
        append(Entry(action="retention.preview", actor=actor,
                     detail={"before": before.isoformat(), "total": sum(counts.values()), "via": via}))
    return counts
