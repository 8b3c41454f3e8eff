"""Store fresh retention clocks: for the records a changed fact touches (`recompute`, inside the caller's
transaction), or for every live record after a policy change (`recompute_all`, chunk by chunk). How a clock is
computed is `retention.clock`; this module only writes what it says, in batches.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from waarborg.engine.policy.schema import Policy
from waarborg.engine.retention.clock import compute


def recompute(records: Iterable[Any], policy: Policy, batch: int = 1000) -> int:
    """Store fresh expiry dates for these records; returns how many changed."""
    from waarborg.engine.vault.models import Record

    cache: dict[str, Any] = {}
    changed: list[Any] = []
    count = 0
    for record in records:
        if record.anonymised_at is not None:
            continue
        expires = compute(record, policy, cache).expires_at
        if expires != record.expires_at:
            record.expires_at = expires
            changed.append(record)
        if len(changed) >= batch:
            Record.objects.bulk_update(changed, ["expires_at"])
            count += len(changed)
            changed = []
    if changed:
        Record.objects.bulk_update(changed, ["expires_at"])
        count += len(changed)
    return count


def recompute_all(policy: Policy, rule: str | None = None, chunk: int = 2000) -> int:
    """Recompute every live clock (after a policy change), chunk by chunk in id order; returns how many changed."""
    from django.db import transaction

    from waarborg.engine.vault.models import Record

    live = Record.objects.filter(anonymised_at__isnull=True).order_by("pk")
    if rule:
        live = live.filter(retention_rule=rule)
    changed = 0
    last = None
    while True:
        page = live.filter(pk__gt=last) if last is not None else live
        records = list(page[:chunk])
        if not records:
            return changed
        with transaction.atomic():
            changed += recompute(records, policy)
        last = records[-1].pk
