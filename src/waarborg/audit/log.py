"""Appending to and verifying the hash-chained audit log.

Appends take a lock first (PostgreSQL advisory lock; SQLite serialises writers anyway), so two
transactions can never chain onto the same predecessor. Call `append` inside the transaction of
the change it records: the entry commits or rolls back together with it.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone

from waarborg.audit.models import AuditEntry
from waarborg.vault import crypto

GENESIS = "0" * 64
_LOCK_ID = 7_420_001  # the audit chain's advisory lock, written out in HEAD_FUNCTION_SQL (a migration)


@dataclass
class Entry:
    """One audit entry before it is chained. Never put personal data in `detail`."""

    action: str
    actor: Any = None  # a User, a "system:..." string, or None (anonymous)
    purpose: str = ""
    subject: Any = None  # a Subject, a subject id, or None
    record: Any = None
    outcome: str = "ok"
    reason: str = ""
    detail: dict[str, Any] = field(default_factory=dict)
    changes: dict[str, Any] | None = None  # old/new values: sealed with the system key
    policy_version: int | None = None
    at: datetime | None = None
    trace_id: str = ""
    # One entry about many subjects (the sweep's grouped entries): subject ids (or None), pseudonymised on
    # append, in the order of the items the detail lists. `subject` then stays empty.
    subjects: list[Any] | None = None


def _actor_fields(actor: Any) -> tuple[int | None, str, str, str]:
    if actor is None:
        return None, "anonymous", "anonymous", ""
    if isinstance(actor, str):
        return None, actor, "system", ""
    roles = ",".join(getattr(actor, "roles", None) or [])
    return actor.pk, actor.get_username(), getattr(actor, "kind", "staff"), roles


def _digest(prev: str, row: dict[str, Any]) -> str:
    canonical = json.dumps(row, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256((prev + canonical).encode()).hexdigest()


# The columns an entry's hash covers (besides the previous hash), in the order verify reads them.
HASHED = ("at", "actor_id", "actor", "actor_kind", "actor_roles", "action", "purpose", "policy_version",
          "subject_pseudonym", "record_id", "outcome", "reason", "detail", "sealed", "trace_id", "subjects")


def _hashed(v: dict[str, Any]) -> dict[str, Any]:
    """The canonical content of an entry. `at` in UTC: the database hands it back in UTC, whatever
    time zone the caller gave, and the hash must not depend on that. `subjects` is covered only where
    it is set, so entries written before grouped entries existed keep their hashes."""
    sealed = bytes(v["sealed"]) if v["sealed"] else b""
    hashed = {
        "at": v["at"].astimezone(UTC).isoformat(), "actor_id": v["actor_id"], "actor": v["actor"],
        "actor_kind": v["actor_kind"], "actor_roles": v["actor_roles"], "action": v["action"],
        "purpose": v["purpose"], "policy_version": v["policy_version"], "subject": v["subject_pseudonym"],
        "record": v["record_id"], "outcome": v["outcome"], "reason": v["reason"], "detail": v["detail"],
        "sealed": hashlib.sha256(sealed).hexdigest() if sealed else "", "trace_id": v["trace_id"],
    }
    if v["subjects"] is not None:
        hashed["subjects"] = v["subjects"]
    return hashed


# PostgreSQL: take the lock and read the head in one round trip. The head must be read by a statement
# that starts *after* the lock is granted (READ COMMITTED takes its snapshot per statement): inside a
# VOLATILE plpgsql function each statement gets a fresh snapshot, so a commit made while this
# transaction waited for the lock is seen. A single `SELECT lock(), (SELECT head)` would not see it.
HEAD_FUNCTION_SQL = """
CREATE OR REPLACE FUNCTION audit_lock_and_head() RETURNS varchar LANGUAGE plpgsql VOLATILE AS $$
DECLARE
    head varchar;
BEGIN
    PERFORM pg_advisory_xact_lock(7420001);  -- _LOCK_ID
    -- EXECUTE: planned at every call. A plan cached while the table was small (a fresh install)
    -- kept scanning the whole table once it had grown (25 ms per append at 200,000 entries).
    EXECUTE 'SELECT hash FROM audit_auditentry ORDER BY id DESC LIMIT 1' INTO head;
    RETURN head;
END
$$
"""


def _lock_and_head() -> str:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT audit_lock_and_head()")
            row = cursor.fetchone()
        return (row[0] if row else None) or GENESIS
    last = AuditEntry.objects.order_by("-id").values_list("hash", flat=True).first()
    return last or GENESIS


def about_subject(pseudonym: str) -> Q:
    """Entries about this subject: its own entries and the grouped entries that name it."""
    if connection.vendor == "postgresql":
        return Q(subject_pseudonym=pseudonym) | Q(subjects__contains=[pseudonym])  # GIN index (migration 0004)
    # SQLite has no JSON containment: a substring of the JSON text. Pseudonyms are 32 hex digits between
    # non-hex separators, so the only 32-digit match is a whole element.
    return Q(subject_pseudonym=pseudonym) | Q(subjects__icontains=pseudonym)


def items(entry: AuditEntry) -> list[tuple[str, dict[str, Any]]]:
    """The entry per subject item: (pseudonym, detail of that one item). A grouped entry's detail keeps
    what its items share at the top and their own values as parallel lists under "items", e.g.
    {"rule": "tip_3m", "count": 2, "items": {"record": [a, b], "expired_at": [x, y]}} gives
    (p1, {"rule": "tip_3m", "record": a, "expired_at": x}) and (p2, {...}). Other entries: one item."""
    if entry.subjects is None:
        return [(entry.subject_pseudonym, dict(entry.detail))]
    shared, own = _split(entry)
    return [(subject, {**shared, **{key: values[i] for key, values in own.items()}})
            for i, subject in enumerate(entry.subjects)]


def _split(entry: AuditEntry) -> tuple[dict[str, Any], dict[str, list[Any]]]:
    """A grouped entry's detail: what its items share, and their own values as parallel lists."""
    shared = {key: value for key, value in entry.detail.items() if key not in ("items", "count")}
    return shared, entry.detail.get("items", {})


def narrowed(entry: AuditEntry, pseudonym: str) -> dict[str, Any]:
    """The entry's detail as this subject may see it: of a grouped entry only the items about them
    (other people's record ids and pseudonyms are none of their business)."""
    if entry.subjects is None:
        return dict(entry.detail)
    mine = [i for i, subject in enumerate(entry.subjects) if subject == pseudonym]
    shared, own = _split(entry)
    return {**shared, "count": len(mine), "items": {key: [values[i] for i in mine] for key, values in own.items()}}


def _values(entry: Entry, now: datetime, pseudonym_of: Callable[[Any], str]) -> dict[str, Any]:
    """The entry's column values (a dict, not a model instance: the sweep builds a million of them)."""
    actor_id, actor, kind, roles = _actor_fields(entry.actor)
    subject = entry.subject
    subject_id = getattr(subject, "pk", subject)
    record_id = getattr(entry.record, "pk", entry.record)
    sealed = None
    if entry.changes is not None:
        sealed = crypto.encrypt(crypto.system_key(), entry.changes, "audit")
    version: int | None = entry.policy_version
    if version is None:
        from waarborg.policy.active import current_version_number

        version = current_version_number()
    return {
        "at": entry.at or now, "actor_id": actor_id, "actor": actor, "actor_kind": kind, "actor_roles": roles,
        "action": entry.action, "purpose": entry.purpose or "", "policy_version": version,
        "subject_pseudonym": pseudonym_of(subject_id) if subject_id else "",
        "record_id": str(record_id) if record_id else "", "outcome": entry.outcome, "reason": entry.reason,
        "detail": entry.detail, "sealed": sealed, "trace_id": entry.trace_id,
        "subjects": None if entry.subjects is None else [pseudonym_of(s) if s else "" for s in entry.subjects],
    }


def append_many(entries: Iterable[Entry], *, returning: bool = True) -> list[AuditEntry]:
    """Chain and insert entries in order, inside the caller's transaction.

    The atomic block matters when a caller forgets its own: the advisory lock is a transaction lock,
    and in autocommit it would be released before the insert, letting two appends fork the chain.
    Inside the caller's transaction it adds no savepoint (two round trips per read): a failed append
    must fail the whole change anyway. `returning=False` (bulk writers such as the sweep) skips building
    model instances for the caller and returns an empty list.
    """
    now = timezone.now()
    entries = list(entries)
    if not entries:
        return []
    pseudonym_of = crypto.pseudonymiser()
    rows = [_values(e, now, pseudonym_of) for e in entries]
    with transaction.atomic(savepoint=False):
        prev = _lock_and_head()
        for row in rows:
            row["prev_hash"] = prev
            row["hash"] = prev = _digest(prev, _hashed(row))
        if connection.vendor == "postgresql" and len(rows) >= _COPY_FROM:
            ids = _copy_insert(rows)
            return [AuditEntry(id=i, **row) for i, row in zip(ids, rows, strict=True)] if returning else []
        return AuditEntry.objects.bulk_create([AuditEntry(**row) for row in rows], batch_size=2000)


_COPY_FROM = 50  # rows; below this an INSERT is as fast
_COPY_COLUMNS = ("id", *HASHED, "prev_hash", "hash")


def _copy_insert(rows: list[dict[str, Any]]) -> list[int]:
    """Bulk appends (the sweep: one entry per record) through PostgreSQL's COPY, which skips building and
    parsing one huge parameterised INSERT. Ids come from the table's sequence while the chain lock is held,
    so id order is chain order, as `verify` expects."""
    table = AuditEntry._meta.db_table
    with connection.cursor() as cursor:
        # One block of ids: every appender holds the chain lock, so nobody takes ids in between.
        cursor.execute("SELECT setval(pg_get_serial_sequence(%s, 'id'), nextval(pg_get_serial_sequence(%s, 'id')) "
                       "+ %s - 1)", [table, table, len(rows)])
        (last,) = cursor.fetchone() or (0,)
        ids = list(range(last - len(rows) + 1, last + 1))
        columns = ", ".join(_COPY_COLUMNS)
        with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
            for entry_id, row in zip(ids, rows, strict=True):
                copy.write_row([entry_id, row["at"], row["actor_id"], row["actor"], row["actor_kind"],
                                row["actor_roles"], row["action"], row["purpose"], row["policy_version"],
                                row["subject_pseudonym"], row["record_id"], row["outcome"], row["reason"],
                                json.dumps(row["detail"]), row["sealed"], row["trace_id"],
                                None if row["subjects"] is None else json.dumps(row["subjects"]),
                                row["prev_hash"], row["hash"]])
    return ids


def append(entry: Entry | None = None, **kwargs: Any) -> AuditEntry:
    return append_many([entry or Entry(**kwargs)])[0]


@dataclass
class Broken:
    entry_id: int
    problem: str


def verify(chunk: int = 10_000) -> tuple[int, Broken | None]:
    """Walk the chain in id order; return (entries checked, first broken entry or None)."""
    prev = GENESIS
    count = 0
    for entry_id, prev_hash, stored_hash, values in _iterate(chunk):
        if prev_hash != prev:
            return count, Broken(entry_id, "its predecessor was changed or removed (prev_hash mismatch)")
        if _digest(prev, _hashed(values)) != stored_hash:
            return count, Broken(entry_id, "its contents were changed (hash mismatch)")
        prev = stored_hash
        count += 1
    return count, None


GROUPED_PER_PAGE = 50  # a grouped entry lists a whole sweep batch (about 0.5 MB): pages hold 50 at most


def before_grouped(entries: Any, most: int) -> tuple[Any, bool]:
    """`entries` (in id order) up to, not including, their grouped entry number `most + 1`, and whether that
    cut anything: a page of them then stays small however many sweep batches follow (index audit_grouped)."""
    beyond = list(entries.filter(subjects__isnull=False).order_by("id").values_list("id", flat=True)[most:most + 1])
    return (entries.filter(id__lt=beyond[0]), True) if beyond else (entries, False)


def _iterate(chunk: int) -> Iterator[tuple[int, str, str, dict[str, Any]]]:
    """(id, prev_hash, hash, hashed columns) in id order; plain rows, not model instances (3x faster).
    A page ends before its 51st grouped entry, so memory stays bounded however large a sweep was."""
    last = 0
    while True:
        page, _ = before_grouped(AuditEntry.objects.filter(id__gt=last), GROUPED_PER_PAGE)
        rows = list(page.order_by("id").values_list("id", "prev_hash", "hash", *HASHED)[:chunk])
        if not rows:
            return
        for row in rows:
            yield row[0], row[1], row[2], dict(zip(HASHED, row[3:], strict=True))
        last = rows[-1][0]


def open_changes(entry: AuditEntry) -> dict[str, Any]:
    if not entry.sealed:
        return {}
    return crypto.decrypt(crypto.system_key(), bytes(entry.sealed), "audit")
