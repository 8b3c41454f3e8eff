"""Sealing what an older version stored in the clear: `waarborg keys seal-plain`.

Encryption by default (docs/policy.md: every field that can hold free text or identify someone is sealed
with the subject's key unless the policy marks it `queryable`) applies to what is written from then on. A
record stored before, or under a policy that marked a field `queryable` since taken back, keeps such a field
in `plain` until it is next corrected. This moves every such value into the record's sealed part, in batches
of one transaction each (a crash leaves each record as it was or done; running it again goes on where it
stopped, as nothing it did is left to do), one grouped audit entry per batch naming the records, their
subjects and the fields moved (never a value). `dry_run` only counts.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import transaction

from waarborg.engine.audit.log import Entry, append
from waarborg.engine.keyring.crypto import KeyDestroyed
from waarborg.engine.policy.active import active
from waarborg.engine.records.actions import split_fields
from waarborg.engine.vault import keys
from waarborg.engine.vault.models import Record
from waarborg.engine.vault.reads import Unlogged, read_record

ACTOR = "system:seal-plain"


@dataclass
class Sealed:
    records: int = 0  # records whose plain part held a value the policy seals
    fields: int = 0  # values moved (or, on a dry run, to move)
    skipped: int = 0  # records whose subject's key is gone (erased): nothing to seal with, nothing readable


def to_seal(policy: Any) -> dict[str, list[str]]:
    """Per record type, the fields the policy seals (those a plain part must not hold)."""
    out = {}
    for name, record_type in policy.record_types.items():
        sealed = [field for field in record_type.fields
                  if split_fields(policy, name, {field: ""})[1]]
        if sealed:
            out[name] = sealed
    return out


def seal_plain(*, dry_run: bool = False, batch: int = 500) -> Sealed:
    current = active()
    policy, outcome = current.policy, Sealed()
    for record_type, fields in to_seal(policy).items():
        waiting = (Record.objects.filter(type=record_type, anonymised_at__isnull=True, subject__isnull=False,
                                         plain__has_any_keys=fields).order_by("pk"))
        after = None
        while True:
            page = waiting.filter(pk__gt=after) if after is not None else waiting
            ids = list(page.values_list("pk", flat=True)[:batch])
            if not ids:
                break
            after = ids[-1]
            if dry_run:
                for plain in Record.objects.filter(pk__in=ids).values_list("plain", flat=True):
                    outcome.records += 1
                    outcome.fields += len(set(plain) & set(fields))
                continue
            _seal_batch(ids, record_type, fields, policy, current.number, outcome)
    return outcome


def _seal_batch(ids: list[Any], record_type: str, fields: list[str], policy: Any, version: int,
                outcome: Sealed) -> None:
    moved: list[tuple[Any, Any, list[str]]] = []
    with transaction.atomic():
        for record in Record.objects.select_for_update().filter(pk__in=ids).order_by("pk"):
            names = sorted(set(record.plain) & set(fields))
            if not names:
                continue  # done meanwhile (a correction)
            try:
                data = read_record(ACTOR, record, record.purpose, via="seal_plain", unlogged=Unlogged.SYSTEM)
            except KeyDestroyed:
                outcome.skipped += 1
                continue
            known = {k: v for k, v in data.items() if k in policy.record_types[record_type].fields}
            plain, protected = split_fields(policy, record_type, known)
            record.plain = {**{k: v for k, v in data.items() if k not in known}, **plain}
            record.sealed = keys.seal(record.subject_id, protected, f"record:{record.pk}")
            record.save(update_fields=["plain", "sealed"])
            moved.append((record.pk, record.subject_id, names))
        if moved:
            append(Entry(action="record.seal_plain", actor=ACTOR, policy_version=version,
                         subjects=[subject for _, subject, _ in moved],
                         detail={"type": record_type, "count": len(moved),
                                 "items": {"record": [str(pk) for pk, _, _ in moved],
                                           "fields": [names for _, _, names in moved]}}))
    outcome.records += len(moved)
    outcome.fields += sum(len(names) for _, _, names in moved)
