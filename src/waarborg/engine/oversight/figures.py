"""The privacy officer's figures over a period: the same numbers on the charts page and in the report.

All counts, no personal data: requests by month of receipt (answered within the deadline, late, still
open), records deleted or anonymised per retention rule (from the sweep's own audit entries), refusals per
reason (from the audit log), and per breach the hours from awareness to the AP notification.
A period is `[start, end)` in the platform's calendar.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime

from django.utils import timezone

from waarborg.engine.audit.models import AuditEntry
from waarborg.engine.breaches.clock import state
from waarborg.engine.breaches.models import Breach
from waarborg.engine.policy.schema import Policy
from waarborg.engine.retention.clock import day_start
from waarborg.engine.rights.models import Request


@dataclass
class Month:
    month: str  # 2026-11
    total: int = 0
    in_time: int = 0
    late: int = 0
    open: int = 0  # still open, deadline not passed
    open_late: int = 0  # still open, deadline passed


@dataclass
class RuleCount:
    rule: str
    label: str
    deleted: int = 0
    anonymised: int = 0


@dataclass
class BreachTime:
    ref: str  # the first 8 characters of the id, as the register shows it
    kind: str
    aware_at: datetime
    hours: float | None  # to the AP notification; None while not notified
    state: str  # notified | notified_late | not_required | due | warning | overdue


@dataclass
class Figures:
    start: date
    end: date
    months: list[Month] = field(default_factory=list)
    rules: list[RuleCount] = field(default_factory=list)
    refusals: list[tuple[str, int]] = field(default_factory=list)
    breaches: list[BreachTime] = field(default_factory=list)
    deadline_hours: float = 72.0

    @property
    def requests(self) -> int:
        return sum(m.total for m in self.months)

    @property
    def requests_in_time(self) -> int:
        return sum(m.in_time for m in self.months)


def _months(start: date, end: date) -> list[str]:
    out, year, month = [], start.year, start.month
    while date(year, month, 1) < end:
        out.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def _finished(req: Request) -> datetime | None:
    done = [m for m in (req.answered_at, req.rejected_at, req.closed_at) if m is not None]
    return min(done) if done else None


def requests_by_month(start: date, end: date, now: datetime) -> list[Month]:
    months = {m: Month(m) for m in _months(start, end)}
    for req in Request.objects.filter(received_at__gte=day_start(start), received_at__lt=day_start(end)):
        row = months.get(timezone.localtime(req.received_at).strftime("%Y-%m"))
        if row is None:
            continue
        row.total += 1
        finished = _finished(req)
        if finished is not None and not req.is_open:
            if finished <= req.due_at:
                row.in_time += 1
            else:
                row.late += 1
        elif req.due_at < now:
            row.open_late += 1
        else:
            row.open += 1
    return list(months.values())


def retention_by_rule(policy: Policy, start: date, end: date, lang: str) -> list[RuleCount]:
    rows: dict[str, RuleCount] = {}
    entries = AuditEntry.objects.filter(action__in=("record.delete", "record.anonymise"),
                                        at__gte=day_start(start), at__lt=day_start(end)).values("action", "detail")
    for entry in entries.iterator():
        detail = entry["detail"] or {}
        rule = str(detail.get("rule") or "")
        if not rule:
            continue
        row = rows.setdefault(rule, RuleCount(rule, policy.rule_words(rule, lang)))
        count = int(detail.get("count") or 1)
        if entry["action"] == "record.delete":
            row.deleted += count
        else:
            row.anonymised += count
    return sorted(rows.values(), key=lambda r: (-(r.deleted + r.anonymised), r.rule))


def refusals_by_reason(start: date, end: date) -> list[tuple[str, int]]:
    counts: Counter[str] = Counter()
    for reason in AuditEntry.objects.filter(outcome="refused", at__gte=day_start(start),
                                            at__lt=day_start(end)).values_list("reason", flat=True).iterator():
        counts[reason or "-"] += 1
    return sorted(counts.items(), key=lambda pair: (-pair[1], pair[0]))


def breach_times(policy: Policy, start: date, end: date, now: datetime) -> list[BreachTime]:
    rows = []
    for breach in Breach.objects.filter(aware_at__gte=day_start(start), aware_at__lt=day_start(end)).order_by(
            "aware_at", "pk"):
        hours = None
        if breach.authority_notified_at is not None:
            hours = (breach.authority_notified_at - breach.aware_at).total_seconds() / 3600
        rows.append(BreachTime(str(breach.pk)[:8], breach.kind, breach.aware_at, hours, state(breach, policy, now)))
    return rows


def figures(policy: Policy, start: date, end: date, lang: str = "nl") -> Figures:
    now = timezone.now()
    out = Figures(start, end)
    out.months = requests_by_month(start, end, now)
    out.rules = retention_by_rule(policy, start, end, lang)
    out.refusals = refusals_by_reason(start, end)
    out.breaches = breach_times(policy, start, end, now)
    deadline = policy.breaches.authority_deadline
    out.deadline_hours = (deadline.after(now) - now).total_seconds() / 3600
    return out


def breach_summary(rows: list[BreachTime]) -> dict[str, int]:
    counts: defaultdict[str, int] = defaultdict(int)
    for row in rows:
        counts[row.state] += 1
    return dict(counts)


def default_period(today: date | None = None) -> tuple[date, date]:
    """The last twelve whole months up to and including the current one."""
    today = today or timezone.localdate()
    end_year, end_month = (today.year + 1, 1) if today.month == 12 else (today.year, today.month + 1)
    return date(end_year - 1, end_month, 1), date(end_year, end_month, 1)




