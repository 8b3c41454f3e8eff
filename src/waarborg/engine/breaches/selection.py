"""Who is affected: a query over the vault, with each person's own data categories.

Categories per person come from the record types of the matching records (the fields that
type holds), narrowed to the categories the breach concerns. Anonymised records (no subject)
are skipped: nobody can be notified about them.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from waarborg.engine.policy.schema import Policy
from waarborg.engine.vault.models import Record


@dataclass(frozen=True)
class Selection:
    categories: tuple[str, ...] = ()  # records holding any of these categories
    purpose: str = ""
    record_type: str = ""
    collected_from: datetime | None = None
    collected_until: datetime | None = None
    subjects: tuple[Any, ...] = ()  # explicit subject ids


def type_categories(policy: Policy, record_type: str) -> set[str]:
    spec = policy.record_types.get(record_type)
    return {f.category for f in spec.fields.values()} if spec else set()


def affected(policy: Policy, selection: Selection) -> dict[Any, tuple[list[str], int]]:
    """subject id -> (sorted categories of *their* data involved, number of records)."""
    wanted = set(selection.categories)
    types = [t for t in policy.record_types if not wanted or type_categories(policy, t) & wanted]
    if selection.record_type:
        types = [t for t in types if t == selection.record_type]
    rows = Record.objects.filter(subject__isnull=False, anonymised_at__isnull=True, type__in=types)
    if selection.purpose:
        rows = rows.filter(purpose=selection.purpose)
    if selection.collected_from:
        rows = rows.filter(collected_at__gte=selection.collected_from)
    if selection.collected_until:
        rows = rows.filter(collected_at__lte=selection.collected_until)
    if selection.subjects:
        rows = rows.filter(subject_id__in=selection.subjects)
    found: dict[Any, set[str]] = defaultdict(set)
    counts: dict[Any, int] = defaultdict(int)
    for subject_id, record_type in rows.values_list("subject_id", "type").order_by("subject_id"):
        cats = type_categories(policy, record_type)
        found[subject_id] |= (cats & wanted) if wanted else cats
        counts[subject_id] += 1
    return {s: (sorted(c), counts[s]) for s, c in found.items()}
