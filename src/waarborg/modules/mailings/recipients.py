"""Who a mailing reaches: subjects with an address under the mailing's purpose, minus the consent register's
exclusions (no active consent, objected, restricted, opted out). Never on special categories or the BSN.

Addresses come from the purpose's own records only: an applicant's or a tip sender's address is never a
newsletter address (S0-16). Placeholders `{record_type.field}` and filters name fields the same way.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass, field
from typing import Any

from waarborg.core.errors import Invalid
from waarborg.engine.consent.eligibility import exclusions
from waarborg.engine.consent.gates import fields_of_kind
from waarborg.engine.policy.schema import FieldType, Policy
from waarborg.engine.vault.models import Record
from waarborg.engine.vault.reads import read_records

PLACEHOLDER = re.compile(r"\{([a-z][a-z0-9_]*)\.([a-z][a-z0-9_]*)\}")


@dataclass
class Recipient:
    subject_id: str
    address: str
    values: dict[str, Any] = field(default_factory=dict)  # "record_type.field" -> value, for placeholders


@dataclass
class Selection:
    recipients: list[Recipient]
    excluded: dict[str, str]  # subject id -> reason


def address_types(policy: Policy, purpose: str) -> dict[str, str]:
    """record type -> its e-mail field, for the record types of `purpose`."""
    out = {}
    for name, record_type in policy.record_types.items():
        if record_type.purpose == purpose:
            email = next((f for f, spec in record_type.fields.items() if spec.type is FieldType.EMAIL), None)
            if email:
                out[name] = email
    return out


def used_fields(texts: list[str], filters: dict[str, Any]) -> list[str]:
    named = [f"{t}.{f}" for text in texts for t, f in PLACEHOLDER.findall(text or "")]
    return list(dict.fromkeys(named + list(filters)))


def forbidden_fields(policy: Policy, dotted: list[str]) -> list[str]:
    """Named fields (of any record type) that are special categories, criminal data or the BSN."""
    found = []
    for name in dotted:
        record_type, _, field_name = name.partition(".")
        for kind in ("special", "criminal", "national_id"):
            found += [f"{record_type}.{f}" for f in fields_of_kind(policy, record_type, [field_name], kind)]
    return sorted(set(found))


def check_fields(policy: Policy, purpose: str, dotted: list[str]) -> list[str]:
    """Placeholders and filters name fields of the mailing purpose's own record types only.

    A field no record type has is malformed (422); the fields of another purpose's record types are
    returned: the caller refuses those (purpose limitation, S0-16)."""
    foreign = []
    for name in dotted:
        record_type, _, field_name = name.partition(".")
        spec = policy.record_types.get(record_type)
        if spec is None or field_name not in spec.fields:
            raise Invalid({"fields": [f"{name!r} is geen veld van een gegevenssoort / not a field of a record type"]})
        if spec.purpose != purpose:
            foreign.append(name)
    return foreign


def select(actor: Any, policy: Policy, purpose: str, *, fields: list[str], filters: dict[str, Any],
           only: list[str] | None = None) -> Selection:
    """The recipients and who is left out. Each record opened for an address, a placeholder or a filter leaves
    a `record.read` entry by `actor` (via `mailing`)."""
    sources = address_types(policy, purpose)
    wanted = {f.partition(".")[0] for f in fields} | set(sources)
    records = Record.objects.filter(purpose=purpose, type__in=wanted, subject__isnull=False, anonymised_at=None,
                                    subject__erased_at__isnull=True).order_by("collected_at", "created_at")
    if only is not None:
        records = records.filter(subject__in=[uuid.UUID(s) for s in only])
    latest: dict[str, dict[str, Any]] = {}  # subject -> "type.field" -> value (the newest record wins)
    for record, data in read_records(actor, records, purpose, via="mailing"):
        values = latest.setdefault(str(record.subject_id), {})
        for name, value in data.items():
            if value not in (None, ""):
                values[f"{record.type}.{name}"] = value
    candidates = []
    for subject_id, values in latest.items():
        address = next((values[f"{t}.{f}"] for t, f in sources.items() if f"{t}.{f}" in values), None)
        if address and all(str(values.get(k, "")) == str(v) for k, v in filters.items()):
            candidates.append(Recipient(subject_id, str(address), {k: values.get(k) for k in fields}))
    left_out = exclusions(purpose, [c.subject_id for c in candidates])
    chosen, seen = [], set()
    for candidate in candidates:  # one message per address, even if two subjects share it
        if candidate.subject_id not in left_out and candidate.address.lower() not in seen:
            seen.add(candidate.address.lower())
            chosen.append(candidate)
    return Selection(chosen, left_out)
