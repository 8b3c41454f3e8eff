"""Open requests by their deadline, for the back office's start page and its queue: overdue first.

Days are counted in the platform's calendar (local dates), so a request due tomorrow at 09:00 is "1 day
left" all of today, and one due yesterday is "1 day late" however late it is now; one due earlier today
is overdue, "0 days" late.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.utils import timezone

from waarborg.engine.rights.models import Request


@dataclass(frozen=True)
class Due:
    request: Request
    days_left: int  # negative: that many days late
    overdue: bool  # the deadline has passed (also earlier today)


def days_between(now: datetime, due_at: datetime) -> int:
    return (timezone.localtime(due_at).date() - timezone.localtime(now).date()).days


def open_by_deadline(now: datetime | None = None, *, limit: int | None = None) -> list[Due]:
    """Open requests, the earliest deadline (so the most overdue) first."""
    now = now or timezone.now()
    rows = Request.objects.filter(status__in=Request.OPEN).order_by("due_at", "pk")
    if limit is not None:
        rows = rows[:limit]
    return [Due(r, days_between(now, r.due_at), r.due_at < now) for r in rows]


def open_counts(now: datetime | None = None) -> tuple[int, int]:
    """(open requests, of which overdue)."""
    now = now or timezone.now()
    rows = Request.objects.filter(status__in=Request.OPEN)
    return rows.count(), rows.filter(due_at__lt=now).count()
