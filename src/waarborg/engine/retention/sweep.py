"""The retention sweep: delete or anonymise every record whose clock has run out.

How it works, and why this way:

- **Set-based selection.** Each batch (one transaction, 5000 records by default) selects the next
  expired records with `expires_at <= now AND anonymised_at IS NULL ORDER BY expires_at, id`: exactly
  the partial index `record_expiry`, so the cost grows with what expires, not with what is stored. A
  keyset cursor (last `expires_at`, `id`) moves on, so a dry run and held records never loop. The
  same query locks the rows (`FOR UPDATE SKIP LOCKED` on PostgreSQL: two sweeps never take the same
  record) and says per row whether an open hold names it or its subject.
- **Holds.** Held records are re-checked against their full clock (a hold keeps data past expiry,
  never past the ceiling) and get their new date instead. After the batches the report counts, per
  hold in force, the records it keeps past their own date (`_count_held`), so the sweep says which
  hold kept what.
- **Deleting** is one statement per batch on PostgreSQL: data-modifying CTEs clear or delete what
  refers to the records, then the records go (`_delete_records`). Subjects with no records left lose
  their data key, BSN look-up hash, external id and sealed facts in one more statement
  (`_shred_emptied`). The foreign-key checks (deferred to the commit) are then run at once, before the
  audit append takes the chain lock, so other audited actions never wait for them.
- **Audit: one grouped entry per batch and rule.** Per batch, action (`record.delete`,
  `record.anonymise`), rule, type and purpose one chained entry lists every record it covers
  (`detail.items.record`, with `expired_at` per item, the rule id in `detail.rule`: S0-28, S3-18, S4-09)
  and whose each was (`subjects`: pseudonyms, never personal data); the shredded keys get one
  `subject.shred` entry the same way. One chained entry per record and per key cost more than the
  deletions themselves (docs/benchmarks.md). Every per-person view still finds its items: `log.about_subject` (a GIN
  index on PostgreSQL), the Logboek export (one span per item), and `log.narrowed` shows a person only
  their own items. Deletions are also appended to the erasure journal (`waarborg.engine.vault.journal`,
  fsync'ed before the commit), so restoring an older backup forgets them again; a restore then runs
  the sweep, which redoes the anonymisations.
- **Anonymising** keeps only the fields `rule.anonymise.keep` names (generalising dates to year or
  month; free text de-identified or dropped as its field's `deidentify` says: `deidentify.fields`), generalises the record's own dates, unlinks the subject and drops the sealed blob.
- **Crash behaviour.** A crash or `kill -9` inside a batch rolls the whole batch back, audit entries
  included: every record is either untouched or fully processed with its audit entry. Nothing is
  kept in memory between batches, so the next run simply starts again (the sweep is idempotent:
  a processed record no longer matches the selection).
- **Logging.** Besides the audit log, each batch logs one line (`waarborg.engine.retention` logger) with
  counts only, never ids of people.

`dry_run=True` runs the same selection and clock checks but writes nothing.
"""

from __future__ import annotations

import contextlib
import logging
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from django.db import connection, models, transaction
from django.db.models import Count, Exists, OuterRef, Q
from django.utils import timezone

from waarborg.engine.audit.log import Entry, append_many
from waarborg.engine.deidentify import Replacer
from waarborg.engine.deidentify.fields import DROPPED, leaving
from waarborg.engine.keyring.crypto import KeyDestroyed
from waarborg.engine.policy.active import active
from waarborg.engine.policy.schema import FieldType, Policy
from waarborg.engine.retention.clock import compute, holds_matching, rule_of
from waarborg.engine.retention.models import Hold
from waarborg.engine.vault import journal
from waarborg.engine.vault.models import Record, Subject, SubjectKey
from waarborg.engine.vault.reads import Unlogged, read_record

log = logging.getLogger("waarborg.engine.retention")
ACTOR = "system:sweep"


@dataclass
class SweepReport:
    now: datetime
    dry_run: bool
    deleted: Counter[str] = field(default_factory=Counter)  # per rule
    anonymised: Counter[str] = field(default_factory=Counter)
    held: Counter[str] = field(default_factory=Counter)
    holds: Counter[int] = field(default_factory=Counter)  # records kept, per hold (its id)
    shredded: int = 0
    batches: int = 0

    @property
    def processed(self) -> int:
        return sum(self.deleted.values()) + sum(self.anonymised.values())

    def rules(self) -> list[str]:
        return sorted(set(self.deleted) | set(self.anonymised) | set(self.held))


def expired(now: datetime) -> Any:
    return Record.objects.filter(expires_at__lte=now, anonymised_at__isnull=True)


# What the sweep reads of a record it deletes: no model instances (a million per run), just these columns.
_COLUMNS = ("pk", "subject_id", "type", "purpose", "retention_rule", "expires_at", "held")
Row = tuple[Any, Any, str, str, str, datetime, bool]


def _next_batch(now: datetime, after: tuple[datetime, Any] | None, size: int, only: list[Any] | None,
                lock: bool) -> list[Row]:
    """The next `size` expired records after the keyset cursor, each with whether a hold names it."""
    held = Exists(Hold.objects.filter(released_at__isnull=True).filter(
        holds_matching(OuterRef("pk"), OuterRef("subject_id"), OuterRef("purpose"))))
    rows = expired(now)
    if only is not None:
        rows = rows.filter(pk__in=only)
    if after is not None:
        rows = rows.filter(Q(expires_at__gt=after[0]) | Q(expires_at=after[0], pk__gt=after[1]))
    rows = rows.annotate(held=held).order_by("expires_at", "pk").values_list(*_COLUMNS)[:size]
    if lock and connection.features.has_select_for_update_skip_locked:
        # Two sweeps at once (PostgreSQL) never take the same record: each skips what the other holds.
        # SQLite serialises writers; a sweep whose snapshot went stale fails instead of double-processing.
        rows = rows.select_for_update(skip_locked=True, of=("self",))
    # Ids as text once: every later step (SQL arrays, audit items, the journal) wants them so.
    return [(str(pk), str(subject) if subject else None, *rest) for pk, subject, *rest in rows]


def _uuids(ids: Iterable[Any]) -> str:
    """One text parameter for `= ANY(%s::uuid[])`. Django binds parameters on the client, and psycopg
    quotes a list element by element: for a batch of ids that cost more than the statements themselves."""
    return "{" + ",".join(map(str, ids)) + "}"


def _generalise(value: Any, how: str) -> Any:
    if how == "none" or not isinstance(value, str) or len(value) < 7:
        return value
    try:
        day = date.fromisoformat(value[:10])
    except ValueError:
        return value
    return f"{day:%Y}" if how == "year" else f"{day:%Y-%m}"


def _truncate(moment: datetime, how: str) -> datetime:
    local = timezone.localtime(moment)
    if how == "year":
        local = local.replace(month=1, day=1)
    local = local.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    return local


def _anonymise(record: Record, policy: Policy, now: datetime) -> None:
    _, rule = rule_of(record, policy)
    spec = rule.anonymise
    keep = set(spec.keep if spec else ())
    how = spec.generalise_dates if spec else "year"
    fields = policy.record_types[record.type].fields if record.type in policy.record_types else {}
    data = dict(record.plain)
    if record.sealed and record.subject_id and keep - set(data):
        # A kept field that was sealed is opened once, so it survives the unlinking. Nobody sees it: the
        # batch's grouped `record.anonymise` entry names the record.
        with contextlib.suppress(KeyDestroyed):
            data = read_record(ACTOR, record, record.purpose, via="sweep", unlogged=Unlogged.SYSTEM)
    kept = {}
    replacer = Replacer("tag", None)  # one record: a tag means the same value in each of its fields
    for name in sorted(keep & set(data)):
        is_date = name in fields and fields[name].type in (FieldType.DATE, FieldType.DATETIME)
        value = _generalise(data[name], how) if is_date else leaving(fields.get(name), data[name], replacer)
        if value is not DROPPED:
            kept[name] = value
    record.plain = kept
    record.sealed = None
    record.subject = None
    record.collected_at = _truncate(record.collected_at, how if how != "none" else "month")
    record.created_at = _truncate(record.created_at, how if how != "none" else "month")
    record.source_detail = ""
    record.channel_detail = ""
    record.anonymised_at = now
    record.updated_at = now


def _in_batch(column: str) -> str:
    """`column` points at a record of the batch (the `ids` CTE). Names come quoted from model metadata."""
    return f"{column} IN (SELECT id FROM ids)"  # noqa: S608


def _delete_records(ids: list[Any]) -> None:
    """Set-based delete: what points at the records is cleared (one UPDATE or DELETE per relation), then
    the records go. (Django's collector would load every record and its relations into memory first.)
    On PostgreSQL all of it is one statement: data-modifying CTEs over one array of ids, parsed once."""
    # include_hidden: relations declared with related_name="+" point at records too.
    relations: list[Any] = [f for f in Record._meta.get_fields(include_hidden=True)
                            if f.auto_created and not f.concrete and (f.one_to_many or f.one_to_one)]
    if connection.vendor == "postgresql":
        quote = connection.ops.quote_name
        # Per table: the columns whose rows go with the record, and those set to NULL. The sub-statements of
        # one statement cannot see each other's changes, and a row changed twice keeps only one change: so
        # one statement per table, and the NULLing skips rows that are deleted anyway.
        tables: dict[str, tuple[list[str], list[str]]] = {}
        protected = []
        for relation in relations:
            table, column = quote(relation.related_model._meta.db_table), quote(relation.field.column)
            if relation.on_delete is models.CASCADE:
                tables.setdefault(table, ([], []))[0].append(column)
            elif relation.on_delete is models.SET_NULL:
                tables.setdefault(table, ([], []))[1].append(column)
            else:
                protected.append((relation, f"SELECT 1 FROM {table} WHERE {_in_batch(column)}"))  # noqa: S608
        clear = []
        for n, (table, (cascade, set_null)) in enumerate(sorted(tables.items())):
            if cascade:
                clear.append(f"d{n} AS (DELETE FROM {table} WHERE {' OR '.join(map(_in_batch, cascade))})")  # noqa: S608
            if set_null:
                assignments = ", ".join(f"{c} = CASE WHEN {_in_batch(c)} THEN NULL ELSE {c} END" for c in set_null)
                spared = "".join(f" AND ({c} IS NULL OR NOT {_in_batch(c)})" for c in cascade)
                clear.append(f"u{n} AS (UPDATE {table} SET {assignments} "  # noqa: S608
                             f"WHERE ({' OR '.join(map(_in_batch, set_null))}){spared})")
        with connection.cursor() as cursor:
            ids_param = _uuids(ids)
            for relation, exists in protected:
                cursor.execute(f"WITH ids AS (SELECT unnest(%s::uuid[]) AS id) {exists} LIMIT 1", [ids_param])
                if cursor.fetchone():
                    raise models.ProtectedError(
                        f"{relation.related_model.__name__} still refers to an expired record", set())
            ctes = ", ".join(["ids AS (SELECT unnest(%s::uuid[]) AS id)", *clear])
            cursor.execute(f"WITH {ctes} DELETE FROM {quote(Record._meta.db_table)} "  # noqa: S608
                           "WHERE id IN (SELECT id FROM ids)", [ids_param])
        return
    for relation in relations:
        field_name = relation.field.name
        rows = relation.related_model._base_manager.filter(**{f"{field_name}__in": ids})
        if relation.on_delete is models.SET_NULL:
            rows.update(**{field_name: None})
        elif relation.on_delete is models.CASCADE:
            rows.delete()
        elif rows.exists():
            raise models.ProtectedError(f"{relation.related_model.__name__} still refers to an expired record", set())
    Record.objects.filter(pk__in=ids)._raw_delete(Record.objects.db)


def _process_batch(rows: list[Row], now: datetime, policy: Policy, version: int, dry_run: bool,
                   report: SweepReport) -> None:
    rules: dict[tuple[str, str], tuple[str, Any]] = {}

    def rule(stored: str, type_: str) -> tuple[str, Any]:
        if (stored, type_) not in rules:
            rules[stored, type_] = rule_of(_RuleKey(stored, type_), policy)
        return rules[stored, type_]

    held = [row[0] for row in rows if row[6]]
    later: list[Record] = []
    if held:
        # Re-check the full clock of held records: the hold wins until the ceiling, the ceiling wins after.
        for record in Record.objects.filter(pk__in=held):
            clock = compute(record, policy)
            if clock.expires_at is None or clock.expires_at > now:
                record.expires_at = clock.expires_at
                later.append(record)
                report.held[rule(record.retention_rule, record.type)[0]] += 1
    kept = {str(record.pk) for record in later}
    to_delete: list[Row] = []
    to_anonymise: list[Row] = []
    for row in rows:
        if row[0] in kept:
            continue
        rule_id, found = rule(row[4], row[2])
        if found.action == "anonymise":
            to_anonymise.append(row)
            report.anonymised[rule_id] += 1
        else:
            to_delete.append(row)
            report.deleted[rule_id] += 1
    if dry_run:
        return
    # One audit entry per batch, action and rule (and type and purpose), listing every record it covers
    # and, in `subjects`, whose it was: one chained entry instead of one per record keeps the sweep's
    # cost in the deleting, not in the logging (docs/benchmarks.md). `log.about_subject` finds them.
    groups: dict[tuple[str, str, str, str], list[Row]] = {}
    for action, batch in (("record.delete", to_delete), ("record.anonymise", to_anonymise)):
        for row in batch:
            groups.setdefault((action, rule(row[4], row[2])[0], row[2], row[3]), []).append(row)
    entries = [Entry(action=action, actor=ACTOR, purpose=purpose, policy_version=version, at=now,
                     subjects=[row[1] for row in items],
                     detail={"rule": rule_id, "type": type_, "count": len(items),
                             "items": {"record": [row[0] for row in items],
                                       "expired_at": [row[5].isoformat() for row in items]}})
               for (action, rule_id, type_, purpose), items in groups.items()]
    subjects = {row[1] for row in to_delete + to_anonymise if row[1]}
    if later:
        Record.objects.bulk_update(later, ["expires_at"])
    if to_delete:
        _delete_records([row[0] for row in to_delete])
    if to_anonymise:
        records = list(Record.objects.filter(pk__in=[row[0] for row in to_anonymise]))
        for record in records:
            _anonymise(record, policy, now)
        Record.objects.bulk_update(records, ["plain", "sealed", "subject", "collected_at", "created_at",
                                             "source_detail", "channel_detail", "anonymised_at", "updated_at"])
    shredded = _shred_emptied(subjects)
    report.shredded += len(shredded)
    if connection.vendor == "postgresql":
        # The foreign-key checks of the deletes (deferred to the commit) run now, before the audit append
        # takes the chain lock: every other audited action waits for that lock until this batch commits.
        # Back to deferred afterwards (every constraint of the schema is INITIALLY DEFERRED), so a caller's
        # outer transaction goes on as before.
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")
    if shredded:
        entries.append(Entry(action="subject.shred", actor=ACTOR, policy_version=version, at=now, subjects=shredded,
                             detail={"why": "no records left after the retention sweep", "count": len(shredded),
                                     "items": {}}))
    append_many(entries, returning=False)
    # Deletions go to the erasure journal (before the commit), so a restored backup forgets them again;
    # anonymisations need no journal: the restored record is still expired and the restore's sweep redoes it.
    journal.note("record", [row[0] for row in to_delete], "retention", at=now)
    journal.note("subject", shredded, "retention", at=now)


@dataclass(frozen=True)
class _RuleKey:
    """What `rule_of` reads of a record."""

    retention_rule: str
    type: str


def _shred_emptied(subjects: set[Any]) -> list[Any]:
    """Subjects with no records left lose their data key (what `keys.shred` does, for a whole batch at
    once), their BSN look-up hash, their external id and their sealed facts. The subject row stays
    (accounts and logs point at it) but keeps nothing that links to a person. Returns the shredded ids."""
    if not subjects:
        return []
    if connection.vendor != "postgresql":
        left = {str(s) for s in Record.objects.filter(subject_id__in=subjects).values_list("subject_id", flat=True)}
        gone = sorted(subjects - left)
        shredded = sorted(str(s) for s in SubjectKey.objects.filter(subject_id__in=gone).values_list("subject_id",
                                                                                                     flat=True))
        SubjectKey.objects.filter(subject_id__in=shredded).delete()
        Subject.objects.filter(pk__in=gone).update(bsn_hash=None, external_id=None, sealed=None)
        return shredded
    record, key, subject = (connection.ops.quote_name(m._meta.db_table) for m in (Record, SubjectKey, Subject))
    with connection.cursor() as cursor:
        # One statement: the emptied subjects, their keys deleted, their link fields cleared. Only subject rows
        # that still hold something are rewritten (an UPDATE is a new row version and new index entries).
        cursor.execute(f"""
            WITH emptied AS (
                SELECT s AS id FROM unnest(%s::uuid[]) s
                WHERE NOT EXISTS (SELECT 1 FROM {record} r WHERE r.subject_id = s)),
            cleared AS (
                UPDATE {subject} SET bsn_hash = NULL, external_id = NULL, sealed = NULL
                WHERE id IN (SELECT id FROM emptied)
                  AND (bsn_hash IS NOT NULL OR external_id IS NOT NULL OR sealed IS NOT NULL))
            DELETE FROM {key} WHERE subject_id IN (SELECT id FROM emptied) RETURNING subject_id::text""",  # noqa: S608
                       [_uuids(subjects)])
        return sorted(value for (value,) in cursor.fetchall())


def sweep_expired(*, now: datetime | None = None, dry_run: bool = False, batch_size: int = 5000,
                  only: Iterable[Any] | None = None,
                  on_batch: Callable[[int], None] | None = None) -> SweepReport:
    """Delete or anonymise what has expired at `now`, batch by batch. `only`: restrict to these record ids."""
    now = now or timezone.now()
    current = active()
    report = SweepReport(now=now, dry_run=dry_run)
    only_ids = list(only) if only is not None else None
    after: tuple[datetime, Any] | None = None
    while True:
        with transaction.atomic():
            rows = _next_batch(now, after, batch_size, only_ids, lock=not dry_run)
            if not rows:
                break
            after = rows[-1][5], rows[-1][0]
            _process_batch(rows, now, current.policy, current.number, dry_run, report)
        report.batches += 1
        log.info("retention sweep batch %d: %d records (%s)", report.batches, len(rows),
                 "dry run" if dry_run else "committed")
        if on_batch is not None:
            on_batch(len(rows))
    if only_ids is None:
        _count_held(now, current.policy, report)
    return report


def _count_held(now: datetime, policy: Policy, report: SweepReport) -> None:
    """Which hold keeps what: the records under a hold in force whose own clock has run out. Their stored
    date already includes the hold (the batches above never select them), so this asks each one's clock
    without holds: one clock per record under a hold in force. Holds are few and temporary; a hold on a
    whole purpose costs a clock per record of it, in chunks, reading only."""
    from waarborg.engine.retention.holds import held_records

    seen: set[Any] = set()
    cache: dict[str, Any] = {}
    for hold in Hold.objects.filter(released_at__isnull=True).order_by("pk"):
        covered = held_records(hold).filter(Q(expires_at__isnull=True) | Q(expires_at__gt=now))
        for record in covered.order_by("pk").iterator(chunk_size=2000):
            clock = compute(record, policy, cache)
            if clock.due_at is None or clock.due_at > now or not clock.held:
                continue
            report.holds[hold.pk] += 1
            if record.pk not in seen:
                seen.add(record.pk)
                report.held[clock.rule_id] += 1


def preview(before: datetime) -> dict[str, int]:
    """How many records each rule will delete or anonymise at `before` (holds not yet applied)."""
    rows = expired(before).values("retention_rule").annotate(n=Count("pk")).order_by("retention_rule")
    return {row["retention_rule"]: row["n"] for row in rows}
