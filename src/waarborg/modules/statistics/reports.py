"""The municipal policy report (S0-08): answers marked `policy_use` in the policy, aggregated, k-anonymous.

What goes in: only fields a record type marks `policy_use: true` (seed 000: hours_per_week and
relationship of an application), generalised (numbers into bands, dates into years). Free text marked
`policy_use` goes into the rows only, never into the groups, run through the de-identifier as the field's
`deidentify` says (`drop`: left out; `keep`: as written), tags numbered per record.
What never goes in: name, address, phone, birth date, IBAN, or any other field. People are counted per
group; a group with fewer than K people is left out and the report says how many were left out.
Each person gets a pseudonym valid for one project (or, without a project, for one report): a keyed
hash of the subject id with a salt derived from the project, so reports of different projects cannot
be linked, and only the vault's master key can tie a pseudonym back to a person (S0-23).
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from datetime import datetime
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from waarborg.core.language import each_language
from waarborg.engine.audit.log import Entry, append
from waarborg.engine.consent.eligibility import exclusions
from waarborg.engine.deidentify import Replacer
from waarborg.engine.deidentify.fields import leaving
from waarborg.engine.keyring.crypto import KeyDestroyed, keyed_hash
from waarborg.engine.policy.schema import FieldType, Policy, stored_encrypted
from waarborg.engine.vault.models import Record
from waarborg.engine.vault.reads import Unlogged, read_record

K = 5
USABLE = (FieldType.CHOICE, FieldType.BOOLEAN, FieldType.INTEGER, FieldType.DECIMAL, FieldType.DATE)
BANDS = ((0, 7), (8, 15), (16, 23), (24, 31), (32, 39))
NOTE = each_language(lambda: gettext("Groepen van minder dan %(k)s personen zijn weggelaten, zodat niemand herkenbaar "
                                     "is.") % {"k": K})


def policy_fields(policy: Policy) -> dict[str, list[str]]:
    """record type -> its fields marked for policy use that can be generalised."""
    out: dict[str, list[str]] = {}
    for name, record_type in policy.record_types.items():
        fields = [f for f, spec in record_type.fields.items() if spec.policy_use and spec.type in USABLE]
        if fields:
            out[name] = fields
    return out


def text_fields(policy: Policy, sources: dict[str, list[str]]) -> dict[str, list[str]]:
    """record type -> its free-text fields marked for policy use that the policy does not drop: they go into the
    rows (never into the groups: each text is its own), through the de-identifier unless marked `keep`."""
    out: dict[str, list[str]] = {}
    for name in sources:
        fields = [f for f, spec in policy.record_types[name].fields.items() if spec.policy_use
                  and spec.type in (FieldType.TEXT, FieldType.LONGTEXT) and spec.free_text != "drop"]
        if fields:
            out[name] = fields
    return out


def generalise(kind: FieldType, value: Any) -> Any:
    if value is None or value == "":
        return None
    if kind in (FieldType.INTEGER, FieldType.DECIMAL):
        number = float(value)
        for low, high in BANDS:
            if number <= high:
                return f"{low}-{high}"
        return f"{BANDS[-1][1] + 1}+"
    if kind is FieldType.DATE:
        return str(value)[:4]
    return value


def _salt(project: str, report: uuid.UUID) -> str:
    return keyed_hash(project, "policy-project") if project else str(report)


def policy_report(actor: Any, policy: Policy, purpose: str, *, project: str = "",
                  at: datetime | None = None) -> dict[str, Any]:
    report = uuid.uuid4()
    salt = _salt(project.strip(), report)
    sources = policy_fields(policy)
    records = list(Record.objects.filter(type__in=list(sources), subject__isnull=False, anonymised_at=None)
                   .order_by("collected_at"))
    left_out = exclusions(purpose, {str(r.subject_id) for r in records}, at)  # objected, restricted
    people: dict[tuple[Any, ...], set[str]] = defaultdict(set)
    rows: list[tuple[tuple[Any, ...], dict[str, Any]]] = []
    fields = sorted({f for names in sources.values() for f in names})
    texts = text_fields(policy, sources)
    text_names = sorted({f for names in texts.values() for f in names} - set(fields))
    for record in records:
        if str(record.subject_id) in left_out:
            continue
        spec = policy.record_types[record.type].fields
        used = [*sources[record.type], *texts.get(record.type, ())]
        sealed = any(stored_encrypted(policy.categories[spec[f].category], spec[f]) for f in used)
        try:  # open the sealed part only when a policy field lives there; only generalised counts leave
            data = read_record(actor, record, purpose, via="statistics.policy_report",
                               unlogged=Unlogged.AGGREGATE) if sealed else record.plain
        except KeyDestroyed:  # erased meanwhile: nothing of this person is used
            continue
        values = {f: generalise(spec[f].type, data.get(f)) if f in sources[record.type] else None for f in fields}
        key = tuple(values[f] for f in fields)
        replacer = Replacer("tag", None)  # one record: tags do not link people across records
        said = {f: leaving(spec[f], data.get(f), replacer) if f in texts.get(record.type, ()) else None
                for f in text_names}
        pseudonym = keyed_hash(f"{salt}:{record.subject_id}", "policy-report")[:16]
        people[key].add(pseudonym)
        rows.append((key, {"id": pseudonym, **values, **said}))
    shown = {key for key, who in people.items() if len(who) >= K}
    groups = [{**dict(zip(fields, key, strict=True)), "count": len(people[key])}
              for key in sorted(shown, key=lambda k: [str(v) for v in k])]
    suppressed = {"groups": len(people) - len(shown),
                  "people": sum(len(who) for key, who in people.items() if key not in shown)}
    result: dict[str, Any] = {
        "report": str(report), "project": project, "purpose": purpose,
        "generated_at": (at or timezone.now()).isoformat(), "record_types": sorted(sources), "fields": fields,
        "texts": text_names,
        "k": K, "people": len({p for who in people.values() for p in who}), "groups": groups,
        "rows": [row for key, row in rows if key in shown],
        "suppressed": suppressed, "note": NOTE,
    }
    with transaction.atomic():
        append(Entry(action="statistics.policy_report", actor=actor, purpose=purpose,
                     detail={"report": str(report), "project": project[:64], "records": len(rows),
                             "groups": len(groups), "suppressed_groups": suppressed["groups"]}))
    return result
