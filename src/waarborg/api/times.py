"""CONTRACT.md: `collected_at`, `at`, `received_at` and `aware_at` may lie in the past (importing existing
data), never more than 5 minutes in the future (clocks of callers drift a little, not more)."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.utils import timezone

from waarborg.api.errors import Invalid

FUTURE_SLACK = timedelta(minutes=5)
TOO_FAR_AHEAD = "Mag niet meer dan 5 minuten in de toekomst liggen. / Must not lie more than 5 minutes in the future."


def too_far_ahead(moment: datetime | None, now: datetime | None = None) -> bool:
    return moment is not None and moment > (now or timezone.now()) + FUTURE_SLACK


def not_future(moment: datetime | None, field: str) -> datetime:
    """The moment (or now when absent); 422 on `field` when it lies too far ahead."""
    if too_far_ahead(moment):
        raise Invalid({field: [TOO_FAR_AHEAD]})
    return moment or timezone.now()
