"""Fetching a record to read it: the record and all its read needs, in one statement.

An audited read of one record (`GET /api/v1/records/{id}`) used to send a statement for each thing it needed:
the record, its subject, the restriction gate's question, the subject's data key, the id of its audit entry.
Each costs a fraction of a millisecond of CPU in Django, psycopg and PostgreSQL, and together they were a
third of the read (docs/benchmarks.md). On PostgreSQL, inside the read's transaction, `record_for_read`
asks them all at once and hands them to the vault's door with the record (`vault.reads.Prefetched`), good
for that transaction only. Elsewhere (SQLite, or outside a transaction) it is a plain fetch and each gate
asks its own question as before.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Any

from django.db import connection
from django.db.models import Field, Model

from waarborg.engine.audit.log import RESERVE_ONE
from waarborg.engine.consent.state import restriction_in_force_sql
from waarborg.engine.vault.models import Record, Subject, SubjectKey
from waarborg.engine.vault.reads import Prefetched

Converter = Callable[[Any, Any, Any], Any]


def record_for_read(pk: Any) -> Record | None:
    """The record with its subject, for a read in the caller's transaction; None when there is no such record."""
    if connection.vendor != "postgresql" or not connection.in_atomic_block:
        return Record.objects.select_related("subject").filter(pk=pk).first()
    try:
        key = Record._meta.pk.to_python(pk)
    except Exception:
        return None
    sql, record_fields, subject_fields = _statement()
    with connection.cursor() as cursor:
        cursor.execute(sql, [Record._meta.pk.get_db_prep_value(key, connection)])
        row = cursor.fetchone()
    if row is None:
        return None
    n, m = len(record_fields), len(subject_fields)
    record = _instance(Record, record_fields, row[:n])
    subject = _instance(Subject, subject_fields, row[n:n + m]) if record.subject_id is not None else None
    Record.subject.field.set_cached_value(record, subject)
    wrapped, master_key_id, in_force, entry_id = row[n + m:]
    record.prefetched = Prefetched(
        wrapped=bytes(wrapped) if wrapped is not None else None, master_key_id=master_key_id or "",
        restriction_in_force=bool(in_force), entry_id=entry_id, block=connection.atomic_blocks[0])
    return record


_FieldList = list[tuple["Field[Any, Any]", Any, list[Converter]]]


@cache
def _statement() -> tuple[str, _FieldList, _FieldList]:
    """The statement and the fields it returns with their converters, built once from the models."""
    record_fields, subject_fields = _fields(Record, "r"), _fields(Subject, "s")
    columns = [f"r.{field.column}" for field, _, _ in record_fields] + [f"s.{field.column}" for field, _, _ in subject_fields]
    sql = (f"SELECT {', '.join(columns)}, k.wrapped, k.master_key_id, {restriction_in_force_sql('r.subject_id')}, "  # noqa: S608
           f"{RESERVE_ONE} FROM {Record._meta.db_table} r "
           f"LEFT JOIN {Subject._meta.db_table} s ON s.id = r.subject_id "
           f"LEFT JOIN {SubjectKey._meta.db_table} k ON k.subject_id = r.subject_id WHERE r.id = %s")
    return sql, record_fields, subject_fields


def _fields(model: type[Model], alias: str) -> _FieldList:
    """The model's concrete fields with the converters the ORM would run on their values."""
    return [(field, col, [*connection.ops.get_db_converters(col), *field.get_db_converters(connection)])
            for field in model._meta.concrete_fields for col in [field.get_col(alias)]]


def _instance(model: type[Model], fields: _FieldList, values: tuple[Any, ...]) -> Any:
    converted = []
    for (_, col, converters), value in zip(fields, values, strict=True):
        for convert in converters:
            value = convert(value, col, connection)
        converted.append(value)
    return model.from_db(connection.alias, [field.attname for field, _, _ in fields], converted)
