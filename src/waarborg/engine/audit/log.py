"""Appending to the audit log: each entry keyed with its own MAC, without a lock on the request path.

An append reserves its ids first (PostgreSQL: `audit_reserve_ids`, which also takes the seal gate in shared
mode, see `audit.seals`; SQLite: the next id under the write lock every SQLite writer holds), computes each entry's
MAC over its id and fields with the entry key (`audit.keys`), and inserts. Concurrent appends never wait for
each other: the order is the id order, and the checkpoints (`audit.checkpoints`) seal it afterwards. Call
`append` inside the transaction of the change it records: the entry commits or rolls back together with it.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from django.db import connection, transaction
from django.db.models import Field, Q
from django.utils import timezone

from waarborg.engine.audit.models import AuditEntry
from waarborg.engine.keyring import crypto

GENESIS = "0" * 64  # the predecessor of the first entry of the SHA-256 chain (entries before checkpoint 0)


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


def _canonical(row: dict[str, Any]) -> bytes:
    return json.dumps(row, sort_keys=True, separators=(",", ":"), default=str).encode()


def legacy_digest(prev: str, row: dict[str, Any]) -> str:
    """The SHA-256 chain of the entries before checkpoint 0: previous hash and entry, no key."""
    return legacy_of(prev, _canonical(row))


def legacy_of(prev: str, canonical: bytes) -> str:
    return hashlib.sha256(prev.encode() + canonical).hexdigest()


def entry_mac(key: bytes, entry_id: int, row: dict[str, Any]) -> str:
    """An entry's MAC: its id and its canonical content under the entry key. The id is covered, so an entry
    copied under another id (a replay by someone holding only INSERT rights) does not verify."""
    return mac_of(key, entry_id, _canonical(row))


def mac_of(key: bytes, entry_id: int, canonical: bytes) -> str:
    """`entry_mac` of content already in canonical form (`audit.walk` builds it straight from the rows)."""
    return hmac.digest(key, b"%d\0" % entry_id + canonical, "sha256").hex()


# The columns an entry's hash covers (besides the previous hash), in the order verify reads them.
HASHED = ("at", "actor_id", "actor", "actor_kind", "actor_roles", "action", "purpose", "policy_version",
          "subject_pseudonym", "record_id", "outcome", "reason", "detail", "sealed", "trace_id", "subjects")


def hashed(v: dict[str, Any]) -> dict[str, Any]:
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


# PostgreSQL: ids for `n` entries. The transaction first takes the seal gate in shared mode, held to its end;
# appends never wait for each other on it. A checkpoint reads the sequence and then takes the gate exclusively
# for a moment: whoever holds an id up to what it read has then committed or rolled back (audit.seals).
SEAL_GATE = 7_420_005
RESERVE_FUNCTION_SQL = """
CREATE OR REPLACE FUNCTION audit_reserve_ids(n integer) RETURNS SETOF bigint LANGUAGE plpgsql VOLATILE AS $$
DECLARE
    seq text := pg_get_serial_sequence('audit_auditentry', 'id');
BEGIN
    PERFORM pg_advisory_xact_lock_shared(7420005);  -- SEAL_GATE
    RETURN QUERY SELECT nextval(seq) FROM generate_series(1, n);
END
$$
"""


# One entry id, as an expression to fold into a statement the caller sends anyway (PostgreSQL, inside the
# transaction that will append the entry: the seal gate it takes is held to that transaction's end).
RESERVE_ONE = "audit_reserve_ids(1)"


def _reserve_ids(n: int) -> list[int]:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT audit_reserve_ids(%s)", [n])
            return [row[0] for row in cursor.fetchall()]
    # SQLite: every writing transaction holds the database's write lock from BEGIN (IMMEDIATE), so nobody
    # else takes ids in between. The sequence table, not max(id): ids stay unique even after a removal.
    with connection.cursor() as cursor:
        cursor.execute("SELECT max(n) FROM (SELECT max(id) AS n FROM audit_auditentry UNION ALL "
                       "SELECT seq FROM sqlite_sequence WHERE name = 'audit_auditentry')")
        last = (cursor.fetchone() or (0,))[0] or 0
    return list(range(last + 1, last + n + 1))


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
        from waarborg.engine.policy.active import current_version_number

        version = current_version_number()
    return {
        "at": entry.at or now, "actor_id": actor_id, "actor": actor, "actor_kind": kind, "actor_roles": roles,
        "action": entry.action, "purpose": entry.purpose or "", "policy_version": version,
        "subject_pseudonym": pseudonym_of(subject_id) if subject_id else "",
        "record_id": str(record_id) if record_id else "", "outcome": entry.outcome, "reason": entry.reason,
        "detail": entry.detail, "sealed": sealed, "trace_id": entry.trace_id,
        "subjects": None if entry.subjects is None else [pseudonym_of(s) if s else "" for s in entry.subjects],
    }


def append_many(entries: Iterable[Entry], *, returning: bool = True,
                reserved: list[int] | None = None) -> list[AuditEntry]:
    """Key and insert entries in order, inside the caller's transaction.

    The atomic block matters when a caller forgets its own: on SQLite the ids are taken under the write
    lock of the transaction that inserts them. Inside the caller's transaction it adds no savepoint: a
    failed append must fail the whole change anyway. `returning=False` (bulk writers such as the sweep)
    skips building model instances for the caller and returns an empty list. `reserved`: ids the caller
    reserved in this same transaction with `RESERVE_ONE` folded into a statement it sent anyway (an audited
    read fetches its record that way), one per entry.
    """
    from waarborg.engine.audit.keys import entry_key

    now = timezone.now()
    entries = list(entries)
    if not entries:
        return []
    pseudonym_of = crypto.pseudonymiser()
    rows = [_values(e, now, pseudonym_of) for e in entries]
    key = entry_key()
    with transaction.atomic(savepoint=False):
        ids = reserved if reserved is not None and len(reserved) == len(rows) else _reserve_ids(len(rows))
        for entry_id, row in zip(ids, rows, strict=True):
            row["id"], row["prev_hash"] = entry_id, ""
            row["hash"] = entry_mac(key, entry_id, hashed(row))
        if connection.vendor == "postgresql" and len(rows) >= _COPY_FROM:
            _copy_insert(rows)
        elif len(rows) <= _INSERT_UP_TO:
            _insert(rows)
        else:
            return AuditEntry.objects.bulk_create([AuditEntry(**row) for row in rows], batch_size=2000)
    return [_stored(row) for row in rows] if returning else []


def _stored(row: dict[str, Any]) -> AuditEntry:
    """The model instance of a row just inserted (its id was reserved, so nothing to read back)."""
    entry = AuditEntry(**row)
    entry._state.adding, entry._state.db = False, connection.alias
    return entry


_INSERT_UP_TO = 10  # rows; an audited read appends one: a plain INSERT skips bulk_create's machinery
_INSERT_SQL: dict[int, str] = {}


def _insert(rows: list[dict[str, Any]]) -> None:
    """A few rows (every audited read) in one INSERT, each value prepared by its model field as the ORM
    would, without building model instances first (a third of an audited read's Python time went there)."""
    fields = [field for name in _COPY_COLUMNS if isinstance(field := AuditEntry._meta.get_field(name), Field)]
    sql = _INSERT_SQL.get(len(rows))
    if sql is None:
        one = "(" + ", ".join(["%s"] * len(fields)) + ")"
        columns = ", ".join(str(f.column) for f in fields)
        sql = _INSERT_SQL[len(rows)] = (
            f"INSERT INTO {AuditEntry._meta.db_table} ({columns}) VALUES {', '.join([one] * len(rows))}")  # noqa: S608
    params = [field.get_db_prep_save(row[field.attname], connection) for row in rows for field in fields]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


_COPY_FROM = 50  # rows; below this an INSERT is as fast
_COPY_COLUMNS = ("id", *HASHED, "prev_hash", "hash")


def _copy_insert(rows: list[dict[str, Any]]) -> None:
    """Bulk appends (the sweep: one entry per record) through PostgreSQL's COPY, which skips building and
    parsing one huge parameterised INSERT. The ids were reserved before the MACs were made."""
    table = AuditEntry._meta.db_table
    columns = ", ".join(_COPY_COLUMNS)
    with connection.cursor() as cursor, cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row([row["id"], row["at"], row["actor_id"], row["actor"], row["actor_kind"],
                            row["actor_roles"], row["action"], row["purpose"], row["policy_version"],
                            row["subject_pseudonym"], row["record_id"], row["outcome"], row["reason"],
                            json.dumps(row["detail"]), row["sealed"], row["trace_id"],
                            None if row["subjects"] is None else json.dumps(row["subjects"]),
                            row["prev_hash"], row["hash"]])


def append(entry: Entry | None = None, **kwargs: Any) -> AuditEntry:
    return append_many([entry or Entry(**kwargs)])[0]


@dataclass
class Broken:
    entry_id: int | None  # None: the problem is no single entry (the log ends too early)
    problem: str


def verify(chunk: int = 10_000) -> tuple[int, Broken | None]:
    """Walk the log against its checkpoints (`audit.verification`); (entries checked, first problem or None)."""
    from waarborg.engine.audit.verification import check

    report = check(chunk)
    return report.entries, report.broken


GROUPED_PER_PAGE = 50  # a grouped entry lists a whole sweep batch (about 0.5 MB): pages hold 50 at most


def before_grouped(entries: Any, most: int) -> tuple[Any, bool]:
    """`entries` (in id order) up to, not including, their grouped entry number `most + 1`, and whether that
    cut anything: a page of them then stays small however many sweep batches follow (index audit_grouped)."""
    beyond = list(entries.filter(subjects__isnull=False).order_by("id").values_list("id", flat=True)[most:most + 1])
    return (entries.filter(id__lt=beyond[0]), True) if beyond else (entries, False)


def iterate(chunk: int, after: int = 0) -> Iterator[tuple[int, str, str, dict[str, Any]]]:
    """(id, prev_hash, hash, hashed columns) in id order; plain rows, not model instances (3x faster).
    A page ends before its 51st grouped entry, so memory stays bounded however large a sweep was."""
    last = after
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
