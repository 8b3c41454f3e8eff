"""Exports: the AP meldformulier (JSON) and the breach register (CSV/JSON).

The form follows the sections of the AP's meldloket datalekken: 0 about this report (initial or
supplement), 1 organisation and contact, 2 timeline, 3 the breach, 4 personal data and number of
records, 5 the people involved, 6 measures in place beforehand (encryption), 7 consequences,
8 follow-up (informing the people, measures, international aspects). Fields the register does
not know are present and empty, so whoever files it sees what is still missing.
"""

from __future__ import annotations

import csv
import io
from datetime import datetime
from typing import Any

from django.db.models import Sum
from django.utils import timezone

from waarborg.core.language import dutch
from waarborg.core.times import rfc3339_or_none
from waarborg.engine.breaches import clock
from waarborg.engine.breaches.models import Breach, Kind
from waarborg.engine.policy.schema import Policy


def _iso(moment: datetime | None) -> str | None:
    return rfc3339_or_none(moment)


def _local(moment: datetime | None) -> str | None:
    return timezone.localtime(moment).isoformat() if moment else None


def authority_form(breach: Breach, policy: Policy, *, local: bool = False) -> dict[str, Any]:
    """The AP meldformulier's fields. Times by the API's rule (UTC, Z); `local`: Dutch clock time with its
    offset, for a person who copies them into the meldloket (the back office page)."""
    iso = _local if local else _iso
    org = policy.organisation
    contact = org.dpo or org.privacy_contact
    affected = breach.affected.all()
    people = affected.count()
    notified = affected.filter(notified_at__isnull=False).count()
    records = breach.record_count if breach.record_count is not None else (
        affected.aggregate(n=Sum("record_count"))["n"] or 0)
    special = [c for c in breach.categories if c in policy.categories and policy.categories[c].special]
    return {
        "report": {"kind": "supplement" if breach.authority_notified_at else "initial",
                   "reference": breach.authority_reference},
        "organisation": {"name": org.legal_entity or org.name, "kvk": org.kvk,
                         "contact": {"name": contact.name, "email": contact.email, "phone": contact.phone}},
        "timeline": {"started_at": iso(breach.started_at), "ended_at": iso(breach.ended_at),
                     "ongoing": breach.ongoing, "aware_at": iso(breach.aware_at),
                     "received_at": iso(breach.received_at), "authority_due_at": iso(breach.authority_due_at),
                     "late_reason": "" if not clock.is_overdue(breach) else "melding na de termijn van 72 uur"},
        "breach": {"summary": breach.description, "kind": breach.kind, "kind_label": dutch(Kind(breach.kind).label),
                   "nature": list(breach.nature), "cause": breach.cause},
        "personal_data": {
            "categories": [{"id": c, "label": policy.categories[c].label.nl if c in policy.categories else c}
                           for c in breach.categories],
            "special_categories": special, "record_count": records},
        "people": {"count": people},
        "prior_measures": {"encrypted": breach.encrypted, "description": breach.prior_measures},
        "consequences": {"description": breach.consequences, "risk": breach.risk},
        "follow_up": {"subjects_informed": notified, "subjects_total": people,
                      "subjects_notified_at": iso(breach.subjects_notified_at),
                      "measures_taken": breach.measures_taken,
                      "measures_subject_can_take": breach.measures_subject_can_take,
                      "follow_up": breach.follow_up, "cross_border": False},
    }


REGISTER_COLUMNS = ("id", "kind", "status", "source", "received_at", "aware_at", "authority_due_at",
                    "authority_state", "overdue", "authority_notified_at", "authority_reference", "risk",
                    "categories", "people", "people_notified", "assessed_at", "subjects_notified_at", "closed_at")


def register_rows(policy: Policy, breaches: Any, now: datetime | None = None) -> list[dict[str, Any]]:
    now = now or timezone.now()
    rows = []
    for breach in breaches:
        affected = breach.affected.all()
        rows.append({
            "id": str(breach.pk), "kind": breach.kind, "status": breach.status, "source": breach.source,
            "received_at": _iso(breach.received_at), "aware_at": _iso(breach.aware_at),
            "authority_due_at": _iso(breach.authority_due_at),
            "authority_state": clock.state(breach, policy, now), "overdue": clock.is_overdue(breach, now),
            "authority_notified_at": _iso(breach.authority_notified_at),
            "authority_reference": breach.authority_reference, "risk": breach.risk,
            "categories": list(breach.categories), "people": len(affected),
            "people_notified": sum(1 for a in affected if a.notified_at),
            "assessed_at": _iso(breach.assessed_at), "subjects_notified_at": _iso(breach.subjects_notified_at),
            "closed_at": _iso(breach.closed_at),
        })
    return rows


def register_csv(rows: list[dict[str, Any]]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=REGISTER_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({**row, "categories": ";".join(row["categories"])})
    return out.getvalue()
