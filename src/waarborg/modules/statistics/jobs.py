"""Deleting visits past the visit record type's retention period (seed 000: `visits_3m`, three months).

Visits are anonymous already, but the policy still promises how long they are kept. One DELETE per run,
in one transaction with its audit entry (the count, never rows); a crash leaves everything for the next
run. Runs daily from the job scheduler (`prune_job`); `prune_visits(now)` for tests and the CLI.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.db import transaction
from django.utils import timezone

from waarborg.engine.audit.log import Entry, append
from waarborg.engine.policy.active import current
from waarborg.engine.policy.schema import FieldType
from waarborg.modules.statistics.models import Visit
from waarborg.modules.statistics.visits import visit_purpose


def prune_visits(now: datetime | None = None) -> dict[str, Any]:
    policy = current()
    purpose = visit_purpose(policy)
    rule_id = next((rt.retention for rt in policy.record_types.values() if rt.purpose == purpose
                    and any(f.type is FieldType.IP for f in rt.fields.values())), None)
    rule = policy.retention.get(rule_id or "")
    if purpose is None or rule is None or rule.period is None:
        return {"deleted": 0, "rule": rule_id}
    moment = now or timezone.now()
    cutoff = moment - rule.period.delta
    with transaction.atomic():
        deleted, _ = Visit.objects.filter(at__lte=cutoff).delete()
        if deleted:
            append(Entry(action="statistics.prune", actor="system:visit_prune", purpose=purpose,
                         detail={"deleted": deleted, "rule": rule_id, "before": cutoff.isoformat()}))
    return {"deleted": deleted, "rule": rule_id}


def prune_job() -> dict[str, Any]:
    return prune_visits()
