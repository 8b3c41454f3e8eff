"""Recording events, and recomputing exactly the clocks that depend on them.

- An event on a subject recomputes that subject's live records (the named record among them).
- An event on a record only recomputes that record.
- An org-level event (no subject, no record) adds a date to every calendar whose `event` it names;
  it recomputes the records under rules starting at such a calendar whose expiry is still open or
  lies on or after the new date (an earlier expiry was set by earlier dates, which did not change).

Other capabilities call `event_record` too (consent withdrawal records `consent_withdrawn`).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from waarborg.core.errors import Invalid
from waarborg.core.times import TOO_FAR_AHEAD, too_far_ahead
from waarborg.engine.audit.log import Entry, append
from waarborg.engine.policy.active import active
from waarborg.engine.policy.schema import CalendarStart, Policy
from waarborg.engine.retention.clock import day_start, local_date
from waarborg.engine.retention.models import Event
from waarborg.engine.retention.recompute import recompute
from waarborg.engine.vault.models import Record, Subject


def dependent_records(event: Event, policy: Policy) -> QuerySet[Record]:
    live = Record.objects.filter(anonymised_at__isnull=True)
    if event.subject_id is not None:  # includes the record, if one is named too
        mine = live.filter(subject_id=event.subject_id)
        purpose = (event.attributes or {}).get("purpose")
        return mine.filter(purpose=purpose) if purpose else mine
    if event.record_id is not None:
        return live.filter(pk=event.record_id)
    calendars = {name for name, spec in policy.calendars.items() if spec.event == event.name}
    rules = [name for name, rule in policy.retention.items()
             if any(isinstance(term, CalendarStart) and term.calendar in calendars for _, term in rule.terms())]
    if not rules:
        return live.none()
    since = day_start(local_date(event.at))
    return live.filter(retention_rule__in=rules).filter(Q(expires_at__isnull=True) | Q(expires_at__gte=since))


def event_record(actor: Any, *, name: str, at: datetime, subject: Subject | None = None,
                 record: Record | None = None, attributes: dict[str, Any] | None = None) -> tuple[Event, int]:
    """Store the event, recompute the clocks that depend on it, audit it. Returns (event, clocks changed)."""
    now = timezone.now()
    if too_far_ahead(at, now):
        raise Invalid({"at": [TOO_FAR_AHEAD]})
    if record is not None and subject is not None and record.subject_id not in (None, subject.pk):
        raise Invalid({"record": ["hoort niet bij deze betrokkene / does not belong to this subject"]})
    current = active()
    with transaction.atomic():
        event = Event.objects.create(name=name, at=at, subject=subject, record_id=getattr(record, "pk", None),
                                     attributes=attributes or {}, created_at=now,
                                     created_by=actor if getattr(actor, "pk", None) else None)
        changed = recompute(dependent_records(event, current.policy).order_by("pk"), current.policy)
        append(Entry(action="retention.event", actor=actor, subject=subject, record=record,
                     policy_version=current.number,
                     detail={"event": name, "at": at.isoformat(), "clocks_changed": changed}))
    return event, changed
