"""Times in the API. The format is one policy for all (waarborg.core.times, docs/api.md "Times"): RFC 3339
in, with an offset, years 1900-2200; UTC with `Z` out. Every serializer uses `DateTimeField` from here (a
test keeps it so), and views write moments with `rfc3339()`.

The rule for moments given to us (at most 5 minutes ahead) is the domain's: `waarborg.core.times.not_future`."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.utils import timezone
from rest_framework import serializers

from waarborg.core.times import TimeFormatError, parse, rfc3339, rfc3339_or_none

__all__ = ["DateTimeField", "rfc3339", "rfc3339_or_none"]

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
