"""S0-30: "Deze termijn loopt opnieuw na een nieuwe aanvraag." A new record of a purpose restarts
the clock of every live record of the same subject and purpose whose rule says `restart_on_new_record`.

Runs on `post_save` of a new Record, inside `record_create`'s transaction (so it commits or rolls
back with the new record). The new record's own clock already counts it (`clock._collected`).
"""

from __future__ import annotations

from typing import Any

from waarborg.policy.active import active
from waarborg.retention.clock import recompute


def restart_siblings(sender: Any, instance: Any, created: bool = False, raw: bool = False, **kwargs: Any) -> None:
    if not created or raw or instance.subject_id is None or instance.anonymised_at is not None:
        return
    policy = active().policy
    rules = [name for name, rule in policy.retention.items() if rule.restart_on_new_record]
    if not rules:
        return
    siblings = sender.objects.filter(subject_id=instance.subject_id, purpose=instance.purpose,
                                     retention_rule__in=rules, anonymised_at__isnull=True).exclude(pk=instance.pk)
    recompute(siblings, policy)
