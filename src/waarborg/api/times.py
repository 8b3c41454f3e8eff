"""Times in the API. The format is one policy for all (waarborg.core.times, docs/api.md "Times"): RFC 3339
in, with an offset, years 1900-2200; UTC with `Z` out. Every serializer uses `DateTimeField` from here (a
test keeps it so), and views write moments with `rfc3339()`.

CONTRACT.md: `collected_at`, `at`, `received_at` and `aware_at` may lie in the past (importing existing
data), never more than 5 minutes in the future (clocks of callers drift a little, not more)."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from django.utils import timezone
from rest_framework import serializers

from waarborg.api.errors import Invalid
from waarborg.core.times import TimeFormatError, parse, rfc3339, rfc3339_or_none

__all__ = ["DateTimeField", "not_future", "rfc3339", "rfc3339_or_none", "too_far_ahead"]

FUTURE_SLACK = timedelta(minutes=5)
TOO_FAR_AHEAD = "Mag niet meer dan 5 minuten in de toekomst liggen. / Must not lie more than 5 minutes in the future."


class DateTimeField(serializers.DateTimeField):
    """DRF's date-time field with the platform's policy: strict RFC 3339 in, UTC `Z` out."""

    def to_internal_value(self, value: Any) -> datetime:
        if isinstance(value, datetime) and timezone.is_aware(value):
            return value
        try:
            return parse(value if isinstance(value, str) else "")
        except TimeFormatError as exc:
            raise serializers.ValidationError(str(exc), code="invalid") from None

    def to_representation(self, value: Any) -> str | None:  # type: ignore[override]  # null stays null
        if value in (None, ""):
            return None
        if isinstance(value, str):
            return rfc3339(parse(value))
        return rfc3339(value)


def too_far_ahead(moment: datetime | None, now: datetime | None = None) -> bool:
    return moment is not None and moment > (now or timezone.now()) + FUTURE_SLACK


def not_future(moment: datetime | None, field: str) -> datetime:
    """The moment (or now when absent); 422 on `field` when it lies too far ahead."""
    if too_far_ahead(moment):
        raise Invalid({field: [TOO_FAR_AHEAD]})
    return moment or timezone.now()

