"""The retention sweep: delete or anonymise every record whose clock has run out.

How it works, and why this way:

- **Set-based selection.** Each round selects at most `batch_size` ids with
  `expires_at <= now AND anonymised_at IS NULL ORDER BY expires_at, id`: exactly the partial index
  `record_expiry`, so the cost grows with what expires, not with what is stored. A keyset cursor
  (last `expires_at`, `id`) moves on, so a dry run and skipped (held) records never loop.
- **One transaction per batch.** Inside it the batch is re-read with the same condition (another
  sweep or a new hold may have come first), held records are re-checked against their full clock
  (a hold keeps data past expiry, never past the ceiling) and get their new date instead, the rest
  is deleted or anonymised, one audit entry per record is appended (`append_many`, action
  `record.delete` or `record.anonymise`, the rule id in `detail`: S0-28, S3-18, S4-09), and subjects
  with no records left lose their data key (`keys.shred`, audited as `subject.shred`), their BSN
  look-up hash and their external id. Audit entries
  hold no personal data: the subject appears as its pseudonym. Deletions are also appended to the
  erasure journal (`waarborg.backups.journal`, fsync'ed before the commit), so restoring an older
  backup forgets them again; a restore then runs the sweep, which redoes the anonymisations.
- **Anonymising** keeps only the fields `rule.anonymise.keep` names (generalising dates to year or
  month), generalises the record's own dates, unlinks the subject and drops the sealed blob.
- **Crash behaviour.** A crash or `kill -9` inside a batch rolls the whole batch back, audit entries
  included: every record is either untouched or fully processed with its audit entry. Nothing is
  kept in memory between batches, so the next run simply starts again (the sweep is idempotent:
  a processed record no longer matches the selection).
- **Logging.** Besides the audit log, each batch logs one line (`waarborg.retention` logger) with
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
from django.db.models import Count, Q
from django.utils import timezone

from waarborg.audit.log import Entry, append_many
from waarborg.backups import journal
from waarborg.policy.active import active
from waarborg.policy.schema import FieldType, Policy
from waarborg.retention.clock import compute, rule_of
from waarborg.retention.models import Hold
from waarborg.vault import keys
from waarborg.vault.crypto import KeyDestroyed
from waarborg.vault.models import Record, Subject, SubjectKey

log = logging.getLogger("waarborg.retention")
ACTOR = "system:sweep"


@dataclass
class SweepReport:
    now: datetime
    dry_run: bool
    deleted: Counter[str] = field(default_factory=Counter)  # per rule
    anonymised: Counter[str] = field(default_factory=Counter)
    held: Counter[str] = field(default_factory=Counter)
    shredded: int = 0
    batches: int = 0

    @property
    def processed(self) -> int:
        return sum(self.deleted.values()) + sum(self.anonymised.values())

    def rules(self) -> list[str]:
        return sorted(set(self.deleted) | set(self.anonymised) | set(self.held))


def expired(now: datetime) -> Any:
    return Record.objects.filter(expires_at__lte=now, anonymised_at__isnull=True)


def _next_ids(now: datetime, after: tuple[datetime, Any] | None, size: int, only: list[Any] | None) -> list[Any]:
    rows = expired(now)
    if only is not None:
        rows = rows.filter(pk__in=only)
    if after is not None:
        rows = rows.filter(Q(expires_at__gt=after[0]) | Q(expires_at=after[0], pk__gt=after[1]))
    return list(rows.order_by("expires_at", "pk").values_list("expires_at", "pk")[:size])


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
        # A kept field that was sealed is opened once, so it survives the unlinking.
        with contextlib.suppress(KeyDestroyed):
            data.update(keys.open_sealed(record.subject_id, bytes(record.sealed), f"record:{record.pk}"))
    kept = {}
    for name in sorted(keep & set(data)):
        is_date = name in fields and fields[name].type in (FieldType.DATE, FieldType.DATETIME)
        kept[name] = _generalise(data[name], how) if is_date else data[name]
    record.plain = kept
    record.sealed = None
    record.subject = None
    record.collected_at = _truncate(record.collected_at, how if how != "none" else "month")
    record.created_at = _truncate(record.created_at, how if how != "none" else "month")
    record.source_detail = ""
    record.channel_detail = ""
    record.anonymised_at = now
    record.updated_at = now


def _delete_records(ids: list[Any]) -> None:
    """Set-based delete: what points at the records is cleared with one UPDATE per relation, then one
    DELETE. (Django's collector would load every record and its relations into memory first.) On
    PostgreSQL the ids travel as one array parameter: building and parsing an `IN (...)` of a thousand
    values per statement cost more than the statements themselves."""
    # include_hidden: relations declared with related_name="+" point at records too.
    relations: list[Any] = [f for f in Record._meta.get_fields(include_hidden=True)
                            if f.auto_created and not f.concrete and (f.one_to_many or f.one_to_one)]
    if connection.vendor == "postgresql":
        quote = connection.ops.quote_name
        with connection.cursor() as cursor:
            for relation in relations:
                table, column = quote(relation.related_model._meta.db_table), quote(relation.field.column)
                where = f"{column} = ANY(%s::uuid[])"
                if relation.on_delete is models.SET_NULL:
                    cursor.execute(f"UPDATE {table} SET {column} = NULL WHERE {where}", [ids])  # noqa: S608
                elif relation.on_delete is models.CASCADE:
                    cursor.execute(f"DELETE FROM {table} WHERE {where}", [ids])  # noqa: S608
                else:
                    cursor.execute(f"SELECT 1 FROM {table} WHERE {where} LIMIT 1", [ids])  # noqa: S608
                    if cursor.fetchone():
                        raise models.ProtectedError(
                            f"{relation.related_model.__name__} still refers to an expired record", set())
            cursor.execute(f"DELETE FROM {quote(Record._meta.db_table)} WHERE id = ANY(%s::uuid[])", [ids])  # noqa: S608
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


def _process_batch(ids: list[Any], now: datetime, policy: Policy, version: int, dry_run: bool,
                   report: SweepReport) -> None:
    batch = expired(now).filter(pk__in=ids).order_by("expires_at", "pk")
    if connection.features.has_select_for_update_skip_locked:
        # Two sweeps at once (PostgreSQL) never take the same record: each skips what the other holds.
        # SQLite serialises writers; a sweep whose snapshot went stale fails instead of double-processing.
        batch = batch.select_for_update(skip_locked=True, of=("self",))
    records = list(batch)
    subject_ids = {r.subject_id for r in records if r.subject_id}
    holds = Hold.objects.filter(released_at__isnull=True).filter(
        Q(record_id__in=[r.pk for r in records]) | Q(subject_id__in=subject_ids, record_id__isnull=True))
    held_records = set()
    held_subjects = set()
    for record_id, subject_id in holds.values_list("record_id", "subject_id"):
        if record_id:
            held_records.add(record_id)
        else:
            held_subjects.add(subject_id)
    to_delete: list[Record] = []
    to_anonymise: list[Record] = []
    later: list[Record] = []
    for record in records:
        rule_id, rule = rule_of(record, policy)
        if record.pk in held_records or record.subject_id in held_subjects:
            # Re-check the full clock: the hold wins until the ceiling, the ceiling wins after.
            clock = compute(record, policy)
            if clock.expires_at is None or clock.expires_at > now:
                record.expires_at = clock.expires_at
                later.append(record)
                report.held[rule_id] += 1
                continue
        (to_anonymise if rule.action == "anonymise" else to_delete).append(record)
    for record in to_delete:
        report.deleted[rule_of(record, policy)[0]] += 1
    for record in to_anonymise:
        report.anonymised[rule_of(record, policy)[0]] += 1
    if dry_run:
        return
    deleting = {r.pk for r in to_delete}
    entries = [Entry(action="record.delete" if record.pk in deleting else "record.anonymise", actor=ACTOR,
                     purpose=record.purpose, subject=record.subject_id, record=record.pk, policy_version=version,
                     at=now, detail={"rule": rule_of(record, policy)[0], "type": record.type,
                                     "expired_at": record.expires_at.isoformat() if record.expires_at else None})
               for record in to_delete + to_anonymise]
    subjects = {r.subject_id for r in to_delete + to_anonymise if r.subject_id}
    if later:
        Record.objects.bulk_update(later, ["expires_at"])
    if to_delete:
        _delete_records([r.pk for r in to_delete])
    if to_anonymise:
        for record in to_anonymise:
            _anonymise(record, policy, now)
        Record.objects.bulk_update(to_anonymise, ["plain", "sealed", "subject", "collected_at", "created_at",
                                                  "source_detail", "channel_detail", "anonymised_at", "updated_at"])
    left = set(Record.objects.filter(subject_id__in=subjects).values_list("subject_id", flat=True).distinct())
    gone = sorted(subjects - left, key=str)
    # What `keys.shred` does for one subject, for the whole batch in one statement.
    shredded = sorted(SubjectKey.objects.filter(subject_id__in=gone).values_list("subject_id", flat=True), key=str)
    SubjectKey.objects.filter(subject_id__in=shredded).delete()
    # The subject row stays (accounts and logs point at it) but keeps nothing that links to a person:
    # its look-up hash of the BSN and its external id go with the key.
    Subject.objects.filter(pk__in=gone).update(bsn_hash=None, external_id=None, sealed=None)
    report.shredded += len(shredded)
    entries.extend(Entry(action="subject.shred", actor=ACTOR, subject=subject_id, policy_version=version, at=now,
                         detail={"why": "no records left after the retention sweep"}) for subject_id in shredded)
    append_many(entries)
    # Deletions go to the erasure journal (before the commit), so a restored backup forgets them again;
    # anonymisations need no journal: the restored record is still expired and the restore's sweep redoes it.
    journal.note("record", [e.record for e in entries if e.action == "record.delete"], "retention", at=now)
    journal.note("subject", shredded, "retention", at=now)


def sweep_expired(*, now: datetime | None = None, dry_run: bool = False, batch_size: int = 1000,
                  only: Iterable[Any] | None = None,
                  on_batch: Callable[[int], None] | None = None) -> SweepReport:
    """Delete or anonymise what has expired at `now`, batch by batch. `only`: restrict to these record ids."""
    now = now or timezone.now()
    current = active()
    report = SweepReport(now=now, dry_run=dry_run)
    only_ids = list(only) if only is not None else None
    after: tuple[datetime, Any] | None = None
    while True:
        rows = _next_ids(now, after, batch_size, only_ids)
        if not rows:
            break
        after = rows[-1]
        with transaction.atomic():
            _process_batch([pk for _, pk in rows], now, current.policy, current.number, dry_run, report)
        report.batches += 1
        log.info("retention sweep batch %d: %d records (%s)", report.batches, len(rows),
                 "dry run" if dry_run else "committed")
        if on_batch is not None:
            on_batch(len(rows))
    return report


def preview(before: datetime) -> dict[str, int]:
    """How many records each rule will delete or anonymise at `before` (holds not yet applied)."""
    rows = expired(before).values("retention_rule").annotate(n=Count("pk")).order_by("retention_rule")
    return {row["retention_rule"]: row["n"] for row in rows}
