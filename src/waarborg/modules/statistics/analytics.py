"""The analytics export: counts of visits per day, page, browser or operating system. Aggregates only.

No row of the visit table ever leaves this function: not the IP prefix, not the user pseudonym. There
is no per-visit export and no feed to a third party (S3-04, S3-31): what a privacy officer downloads
is already anonymous statistics (S0-02).
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

from django.db import transaction
from django.db.models import Count
from django.db.models.functions import TruncDate
from django.utils import timezone

from waarborg.engine.audit.log import Entry, append
from waarborg.modules.statistics.models import Visit

DIMENSIONS = ("day", "page", "browser", "os")


def visit_counts(purpose: str, *, since: date, until: date, by: tuple[str, ...]) -> list[dict[str, Any]]:
    """One row per combination of `by`, with the number of visits, ordered by the dimensions."""
    tz = timezone.get_current_timezone()
    start = datetime.combine(since, time.min, tzinfo=tz)
    end = datetime.combine(until + timedelta(days=1), time.min, tzinfo=tz)
    visits = Visit.objects.filter(purpose=purpose, at__gte=start, at__lt=end)
    if "day" in by:
        visits = visits.annotate(day=TruncDate("at", tzinfo=tz))
    rows = visits.values(*by).annotate(visits=Count("id")).order_by(*by) if by else [
        {"visits": visits.count()}]
    return [{**{k: (v.isoformat() if isinstance(v, date) else v) for k, v in row.items()}} for row in rows]


def visits_export(actor: Any, purpose: str, *, since: date, until: date, by: tuple[str, ...]) -> list[dict[str, Any]]:
    """The counts for whoever may export them (the caller checked): on record, with what was asked."""
    rows = visit_counts(purpose, since=since, until=until, by=by)
    with transaction.atomic():
        append(Entry(action="statistics.export", actor=actor, purpose=purpose,
                     detail={"by": list(by), "rows": len(rows), "from": since.isoformat(), "to": until.isoformat()}))
    return rows
