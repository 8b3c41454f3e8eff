"""The authority clock: AP notification due at `aware_at` + `breaches.authority_deadline` (PT72H).

`state` answers what a dashboard or job needs: `due` (time left), `warning` (inside the
`warn_before` window), `overdue` (deadline passed, nothing recorded), `notified` or
`notified_late`, and `not_required` when the assessment found no risk (AVG art. 33(1)).
"""

from __future__ import annotations

from datetime import datetime

from django.utils import timezone

from waarborg.engine.breaches.models import Breach, Risk
from waarborg.engine.policy.schema import Policy


def authority_due_at(aware_at: datetime, policy: Policy) -> datetime:
    return policy.breaches.authority_deadline.after(aware_at)


def warn_at(breach: Breach, policy: Policy) -> datetime:
    return breach.authority_due_at - policy.breaches.warn_before.delta


def state(breach: Breach, policy: Policy, now: datetime | None = None) -> str:
    now = now or timezone.now()
    if breach.authority_notified_at is not None:
        return "notified" if breach.authority_notified_at <= breach.authority_due_at else "notified_late"
    if breach.risk == Risk.NONE:
        return "not_required"
    if now > breach.authority_due_at:
        return "overdue"
    if now >= warn_at(breach, policy):
        return "warning"
    return "due"


def is_overdue(breach: Breach, now: datetime | None = None) -> bool:
    """Overdue: the deadline passed and no AP notification was recorded by then."""
    now = now or timezone.now()
    if breach.risk == Risk.NONE:
        return False
    if breach.authority_notified_at is not None:
        return breach.authority_notified_at > breach.authority_due_at
    return now > breach.authority_due_at


def running(policy: Policy, now: datetime | None = None) -> list[tuple[Breach, str, float]]:
    """Breaches whose AP clock still runs (nothing notified, a risk not ruled out), earliest deadline first:
    (breach, state, hours left; negative once overdue)."""
    now = now or timezone.now()
    rows = (Breach.objects.exclude(status="closed").filter(authority_notified_at__isnull=True)
            .exclude(risk=Risk.NONE).order_by("authority_due_at", "pk"))
    return [(b, state(b, policy, now), (b.authority_due_at - now).total_seconds() / 3600) for b in rows]
