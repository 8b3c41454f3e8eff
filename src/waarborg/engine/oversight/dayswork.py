"""What waits for one staff member today: each part only for the roles it belongs to.

- my caseload (need-to-know work): how many people are assigned to me or my team;
- cases awaiting a decision (roles that `decide`): `decisions.queue`;
- rights requests by deadline, overdue first (roles that handle requests): `rights.deadlines`;
- breaches whose 72-hour AP clock runs, with the hours left (whoever sees the breach register);
- holds past their review date, and what the sweep removes in the next 7 days (whoever manages retention).

Only counts, dates and ids: no record data is opened. The sweep preview is the audited `retention.preview`,
as on the retention page; everything else is the kind of list the capability's own page shows.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from django.utils import timezone

from waarborg.engine.breaches.clock import running
from waarborg.engine.breaches.models import Breach
from waarborg.engine.breaches.permissions import sees_breaches
from waarborg.engine.caseloads.access import caseload_purposes
from waarborg.engine.decisions.queue import awaiting, decides
from waarborg.engine.policy.schema import Policy
from waarborg.engine.retention.holds import holds_list
from waarborg.engine.retention.models import Hold
from waarborg.engine.retention.reading import preview_read
from waarborg.engine.rights.deadlines import Due, open_by_deadline
from waarborg.engine.vault.authorisation import mine

SWEEP_DAYS = 7
SHOWN = 10  # rows per list on the start page; the full list is one click away


@dataclass
class Day:
    caseload: int | None = None  # None: not this person's work
    awaiting: int | None = None
    requests: list[Due] | None = None
    requests_open: int = 0
    requests_overdue: int = 0
    breaches: list[tuple[Breach, str, float]] | None = None
    breaches_overdue: int = 0
    holds_to_review: list[Hold] | None = None
    sweep: dict[str, int] | None = None
    sweep_until: Any = None
    parts: list[str] = field(default_factory=list)  # the parts shown, in order


def for_user(user: Any, policy: Policy) -> Day:
    day = Day()
    now = timezone.now()
    purposes = caseload_purposes(user, policy)
    if purposes:
        day.caseload = mine(user).filter(purpose__in=purposes).values("subject_id").distinct().count()
        day.parts.append("caseload")
    if decides(user, policy):
        day.awaiting = awaiting(user, policy).count()
        day.parts.append("awaiting")
    if policy.manages(user, "requests"):
        every = open_by_deadline(now)
        day.requests, day.requests_open = every[:SHOWN], len(every)
        day.requests_overdue = sum(1 for d in every if d.overdue)
        day.parts.append("requests")
    if sees_breaches(user, policy):
        clocks = running(policy, now)
        day.breaches, day.breaches_overdue = clocks[:SHOWN], sum(1 for _, s, _ in clocks if s == "overdue")
        day.parts.append("breaches")
    if policy.manages(user, "retention"):
        day.holds_to_review = holds_list(review_due_only=True)[:SHOWN]
        day.sweep_until = timezone.localdate() + timedelta(days=SWEEP_DAYS)
        day.sweep = {rule: n for rule, n in preview_read(user, day.sweep_until, via="backoffice.start").items() if n}
        day.parts += ["holds", "sweep"]
    return day
