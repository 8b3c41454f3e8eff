"""Notices to the subject (AVG art. 13/14): who has not been told yet, and recording that they were.

A notice becomes due when a record is created
- with a source other than the subject (art. 14: name the source, at the latest within a month; a
  website form the person filled in themselves is their own word), or
- for a purpose resting on a vital, public or legitimate interest (art. 13: at collection; once
  per subject and purpose),
unless the purpose sets `notify_subject: false` (`true` forces one).

Every way a record comes into being (API, import, portal, tips, secure mail) passes through
`vault.actions.record_create`, which calls `notices_for_new_record` itself, inside its transaction:
the record and its notice commit or roll back together, and reading `record_create` shows that it
happens (no signal receiver writes behind the action's back).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from waarborg.core.errors import Conflict
from waarborg.engine.audit.log import Entry, append
from waarborg.engine.consent.actions import not_future
from waarborg.engine.consent.models import Notice
from waarborg.engine.policy.active import current
from waarborg.engine.policy.periods import Period
from waarborg.engine.policy.schema import LegalBasis, Policy

INTEREST_BASES = (LegalBasis.VITAL_INTEREST, LegalBasis.PUBLIC_TASK, LegalBasis.LEGITIMATE_INTEREST)
DIRECT_SOURCES = ("subject", "website_form")
_INDIRECT_WITHIN = Period.parse("P1M")  # art. 14(3)(a): at the latest within one month


def notices_due_for(record: Any, policy: Policy | None = None) -> list[Notice]:
    """The notices creating `record` makes due (unsaved; already-due ones are not repeated)."""
    policy = policy or current()
    purpose = policy.purposes.get(record.purpose)
    if purpose is None or record.subject_id is None or purpose.notify_subject is False:
        return []
    now = record.created_at or timezone.now()
    due: list[Notice] = []
    base = {"subject_id": record.subject_id, "purpose": record.purpose, "basis": purpose.basis.value,
            "record_id": record.pk, "created_at": now}
    indirect = bool(record.source_kind) and record.source_kind not in DIRECT_SOURCES
    if indirect and not Notice.objects.filter(
        subject_id=record.subject_id, purpose=record.purpose, kind=Notice.Kind.INDIRECT, sent_at__isnull=True,
        source_kind=record.source_kind, source_detail=record.source_detail,
    ).exists():
        due.append(Notice(kind=Notice.Kind.INDIRECT, source_kind=record.source_kind,
                          source_detail=record.source_detail, due_at=_INDIRECT_WITHIN.after(now), **base))
    on_interest = purpose.basis in INTEREST_BASES or (purpose.notify_subject and not indirect)
    if on_interest and not Notice.objects.filter(subject_id=record.subject_id, purpose=record.purpose,
                                                 kind=Notice.Kind.BASIS).exists():
        due.append(Notice(kind=Notice.Kind.BASIS, due_at=now, **base))
    return due


def notices_for_new_record(record: Any, policy: Policy) -> list[Notice]:
    """Store the notices creating `record` made due, each with a `notice.due` entry. Called by
    `record_create` inside its transaction, after the record and its `record.create` entry."""
    due = notices_due_for(record, policy)
    for notice in due:
        notice.save(force_insert=True)
        append(Entry(action="notice.due", actor="system:notices", purpose=notice.purpose,
                     subject=notice.subject_id, record=record.pk,
                     detail={"notice": str(notice.pk), "kind": notice.kind, "source_kind": notice.source_kind,
                             "due_at": notice.due_at.isoformat()}))
    return due


def uninformed(at: datetime | None = None, *, overdue_only: bool = False) -> QuerySet[Notice]:
    """Notices not yet sent, oldest due first: the back office's list of subjects not yet informed."""
    notices = Notice.objects.filter(sent_at__isnull=True).order_by("due_at")
    return notices.filter(due_at__lte=at or timezone.now()) if overdue_only else notices


def notice_sent(actor: Any, notice: Notice, *, channel: str, sent_at: datetime | None = None) -> Notice:
    when = not_future(sent_at, "sent_at")
    with transaction.atomic():
        notice = Notice.objects.select_for_update().get(pk=notice.pk)
        if notice.sent_at is not None:
            raise Conflict("deze kennisgeving is al verstuurd / this notice was already sent")
        notice.sent_at, notice.channel = when, channel[:32]
        notice.sent_by = actor if getattr(actor, "pk", None) else None
        notice.save(update_fields=["sent_at", "channel", "sent_by"])
        append(Entry(action="notice.sent", actor=actor, purpose=notice.purpose, subject=notice.subject_id,
                     detail={"notice": str(notice.pk), "kind": notice.kind, "channel": notice.channel,
                             "sent_at": when.isoformat()}))
    return notice
