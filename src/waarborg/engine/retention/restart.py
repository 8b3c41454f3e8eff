"""S0-30: "Deze termijn loopt opnieuw na een nieuwe aanvraag." A new record of a purpose restarts
the clock of every live record of the same subject and purpose whose rule says `restart_on_new_record`.

Called by `vault.actions.record_create`, inside its transaction, right after the new record is stored
(so the moved clocks commit or roll back with it). The new record's own clock already counts it
(`clock._collected`). No audit entry of its own: the `record.create` entry is the cause, and each
record's clock can be asked for at any time (`GET records/{id}/retention`).
"""

from __future__ import annotations

from typing import Any

from waarborg.engine.policy.schema import Policy
from waarborg.engine.retention.recompute import recompute


def restart_siblings(record: Any, policy: Policy) -> int:
    """Move the clocks of `record`'s live siblings that restart on a new record; returns how many moved."""
    if record.subject_id is None or record.anonymised_at is not None:
        return 0
    rules = [name for name, rule in policy.retention.items() if rule.restart_on_new_record]
    if not rules:
        return 0
    siblings = type(record).objects.filter(subject_id=record.subject_id, purpose=record.purpose,
                                           retention_rule__in=rules, anonymised_at__isnull=True).exclude(pk=record.pk)
    return recompute(siblings, policy)
