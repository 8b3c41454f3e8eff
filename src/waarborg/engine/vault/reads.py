"""The one door through which another capability reads what the vault holds about a person.

A record's data, and a subject's sealed facts (birth date, BSN), are opened only in the vault. Every other
app reads them here, and each read either leaves a `record.read` (`subject.read`) entry naming the actor,
the purpose and the feature (`via`), or says in code why it needs none: an `Unlogged` reason, one of a
short closed list, that a reviewer can grep for (`unlogged=`). There is no third way: the decrypting
functions below (`_record_data`, `_subject_facts`) are private to the vault, and a test fails when a
module outside `waarborg/engine/vault/` imports them.

The door does not decide who may read: the calling feature has checked that already (the vault's gates in
`vault.actions.record_read`, which reads through here; a breach manager's right; a request's separation of
duties). It makes sure the read is on record. Entries are appended in the caller's transaction when there
is one (so a read that rolls back is not claimed), else in their own.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from django.db import connection, transaction

from waarborg.engine.audit.log import Entry, append_many
from waarborg.engine.keyring import crypto
from waarborg.engine.keyring.crypto import KeyDestroyed
from waarborg.engine.vault import keys
from waarborg.engine.vault.models import Record, Subject


class Unlogged(StrEnum):
    """Why a read leaves no entry of its own. Adding a reason is a design decision: say it in the review."""

    # The export that answers the subject's own access or portability request (art. 15, 20). Each making of
    # it is on record as a step of the request (`request.review`, `request.deliver`, `request.delivery_received`).
    SUBJECTS_OWN_REQUEST = "subjects_own_request"
    # Only generalised, k-anonymous counts leave (the policy report); its own entry counts the records used.
    AGGREGATE = "aggregate"
    # No person sees the values: the system rewrites or checks them (anonymisation keeps the rule's fields,
    # a gate checks an age). The caller's own entry (`record.anonymise`, `record.erase`...) names the record.
    SYSTEM = "system"
    # What the subject published themselves on purpose (the sociale kaart's public fields); public reads are
    # counted per day instead (`listings.public.close_days`).
    PUBLISHED = "published"
    # A staff member's search by name (`vault.search`): the system compares the name fields of the records
    # the searcher may read, a bounded number; no person sees a value that does not match. The names that
    # match are shown, and those reads are on record (`record.read`, via `backoffice.search`); the search
    # itself is one `subject.search` entry with how many records were compared.
    SEARCH = "search"


def read_record(actor: Any, record: Record, purpose: str, *, via: str,
                unlogged: Unlogged | None = None) -> dict[str, Any]:
    """All fields of `record` (sealed ones opened) for `actor`'s feature `via` under `purpose`.

    Leaves a `record.read` entry unless `unlogged` names why not. Raises `KeyDestroyed` once the subject
    was erased (crypto-shredded)."""
    facts = Prefetched.of(record)
    record.__dict__.pop("prefetched", None)  # good for one read
    data = _record_data(record, facts)
    if unlogged is None:
        _append([_read_entry(actor, record, purpose, via)],
                ids=[facts.entry_id] if facts and facts.entry_id is not None else None)
    return data


def read_records(actor: Any, records: Iterable[Record], purpose: str | None = None, *, via: str,
                 unlogged: Unlogged | None = None) -> list[tuple[Record, dict[str, Any]]]:
    """(record, data) for each record whose data can still be opened (an erased subject's records are left
    out), with one `record.read` entry per record returned unless `unlogged` names why not. Without
    `purpose`, each entry names its record's own purpose."""
    shown = []
    opened: dict[Any, bytes | None] = {}  # each subject's data key, unwrapped once for this call
    for record in records:
        try:
            shown.append((record, _record_data(record, opened=opened)))
        except KeyDestroyed:
            continue
    if unlogged is None:
        _append([_read_entry(actor, record, purpose or record.purpose, via) for record, _ in shown])
    return shown


def read_subject_facts(actor: Any, subject: Subject, purpose: str, *, via: str,
                       unlogged: Unlogged | None = None) -> dict[str, Any]:
    """The subject's sealed facts (birth_date, bsn). Leaves a `subject.read` entry unless `unlogged` names
    why not. Raises `KeyDestroyed` once the subject was erased."""
    facts = _subject_facts(subject)
    if unlogged is None:
        _append([Entry(action="subject.read", actor=actor, purpose=purpose, subject=subject,
                       detail={"fields": sorted(facts), "via": via})])
    return facts


def record_browse(actor: Any, *, filters: list[str]) -> None:
    """Staff browse the list of records (the back office): which records exist is itself personal data, so
    the browsing is on record, with the names of the filters used (never their values)."""
    _append([Entry(action="record.browse", actor=actor, detail={"filters": sorted(filters)})])


def _record_data(record: Record, facts: Prefetched | None = None,
                 opened: dict[Any, bytes | None] | None = None) -> dict[str, Any]:
    """All fields of the record, protected ones decrypted (raises `KeyDestroyed` once shredded). Vault only.

    `opened`: the data keys a read of many records has unwrapped so far, by subject (one query per subject
    instead of one per record: an export of a client with 1,000 notes asked for her key 1,000 times)."""
    data = dict(record.plain)
    if record.sealed and record.subject_id:
        context = f"record:{record.pk}"
        if facts is not None:
            key = keys.unwrapped(record.subject_id, facts.wrapped, facts.master_key_id)
        elif opened is not None:
            key = _key_once(opened, record.subject_id)
        else:
            key = keys.key_for(record.subject_id)
        data.update(crypto.decrypt(key, bytes(record.sealed), context))
    return data


def _key_once(opened: dict[Any, bytes | None], subject_id: Any) -> bytes:
    if subject_id not in opened:
        try:
            opened[subject_id] = keys.key_for(subject_id)
        except KeyDestroyed:
            opened[subject_id] = None
    key = opened[subject_id]
    if key is None:
        raise KeyDestroyed(f"no data key for subject {subject_id}")
    return key


def _subject_facts(subject: Subject) -> dict[str, Any]:
    """The subject's sealed facts (birth_date, bsn), decrypted. Vault only."""
    return keys.open_sealed(subject, bytes(subject.sealed) if subject.sealed else None, f"subject:{subject.pk}")


def _read_entry(actor: Any, record: Record, purpose: str, via: str) -> Entry:
    # `via` is left out for the API's own read (`record_read`), so its entries keep their shape. A read under
    # another purpose than the record's (further processing, art. 6(4) AVG) names the purpose it was collected for.
    further = {"collected_for": record.purpose} if record.purpose and purpose != record.purpose else {}
    return Entry(action="record.read", actor=actor, purpose=purpose, subject=record.subject_id, record=record,
                 detail={"type": record.type, **({"via": via} if via else {}), **further})


def _append(entries: list[Entry], ids: list[int] | None = None) -> None:
    # No savepoint inside the caller's transaction (two round trips per read): an append that fails must fail
    # the caller's transaction anyway, a read that is not on record must not be shown.
    if entries:
        with transaction.atomic(savepoint=False):
            append_many(entries, returning=False, reserved=ids)


@dataclass(frozen=True)
class Prefetched:
    """What one read of a record needs, fetched with the record in the same statement inside the read's
    transaction (`records.reading.record_for_read`): the subject's wrapped data key, whether any restriction
    (art. 18) is in force on the subject, and the id reserved for the read's own audit entry. Each is true
    only for the transaction it was fetched in: `of` hands them out only while that transaction runs, and
    the read takes them once."""

    wrapped: bytes | None  # None: no key (the subject was erased)
    master_key_id: str
    restriction_in_force: bool
    entry_id: int | None  # reserved with the seal gate taken for this transaction (PostgreSQL), else None
    block: Any  # the outermost atomic block of the transaction

    @staticmethod
    def of(record: Any) -> Prefetched | None:
        facts = getattr(record, "prefetched", None) if record is not None else None
        if facts is None or not connection.in_atomic_block or connection.atomic_blocks[0] is not facts.block:
            return None
        return facts
