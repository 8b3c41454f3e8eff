"""When does a record expire? (First version: period after collection; the retention capability
replaces the body with calendars, events, restarts, extensions, holds and ceilings.)"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from waarborg.policy.schema import Policy


def expiry_for(record: Any, policy: Policy) -> datetime | None:
    """The record's expiry under its type's rule; None while open-ended."""
    rule = policy.retention[policy.record_types[record.type].retention]
    if rule.until is not None or rule.start != "collected" or rule.period is None:
        return None
    return rule.period.after(record.collected_at)
