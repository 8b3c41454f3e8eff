"""The database refuses to change or remove audit entries, whichever way the statement comes."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.management import call_command
from django.db import IntegrityError, connection, transaction

from waarborg.engine.audit.models import AuditEntry

pytestmark = pytest.mark.promise("S0-22", "S0-24")


def refused(sql: str, params: list[Any] | None = None) -> str:
    with pytest.raises(IntegrityError) as caught, transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(sql, params or [])
    return str(caught.value)


def test_an_orm_update_of_an_entry_is_refused(processed: Any) -> None:
    # Given a logged read; when the ORM tries to rewrite its action
    entry = AuditEntry.objects.get(action="record.read")
    with pytest.raises(IntegrityError, match="append-only"), transaction.atomic():
        AuditEntry.objects.filter(pk=entry.pk).update(action="record.create")
    # then the entry is unchanged
    assert AuditEntry.objects.get(pk=entry.pk).action == "record.read"


def test_saving_a_loaded_entry_again_is_refused(processed: Any) -> None:
    entry = AuditEntry.objects.get(action="record.read")
    entry.purpose = "payout"
    with pytest.raises(IntegrityError, match="append-only"), transaction.atomic():
        entry.save()
    assert AuditEntry.objects.get(pk=entry.pk).purpose == "eligibility"


def test_a_raw_sql_update_is_refused(processed: Any) -> None:
    entry = AuditEntry.objects.get(action="record.read")
    message = refused("UPDATE audit_auditentry SET actor = 'nobody' WHERE id = %s", [entry.pk])
    assert "append-only" in message
    assert AuditEntry.objects.get(pk=entry.pk).actor == processed.actor.username


def test_deleting_entries_is_refused_by_orm_and_sql(processed: Any) -> None:
    before = AuditEntry.objects.count()
    with pytest.raises(IntegrityError, match="append-only"), transaction.atomic():
        AuditEntry.objects.filter(action="record.read").delete()
    assert "append-only" in refused("DELETE FROM audit_auditentry")
    assert AuditEntry.objects.count() == before


@pytest.mark.postgres_only
@pytest.mark.skipif(connection.vendor != "postgresql", reason="TRUNCATE exists on PostgreSQL only")
def test_truncating_the_audit_table_is_refused(processed: Any) -> None:
    before = AuditEntry.objects.count()
    assert "append-only" in refused("TRUNCATE audit_auditentry")
    assert AuditEntry.objects.count() == before


@pytest.mark.django_db(transaction=True)
def test_flushing_the_database_puts_the_triggers_back(policy: Any) -> None:
    # Given entries in the log; when an operator flushes the whole database (as the test runner does)
    call_command("flush", interactive=False, verbosity=0)
    assert AuditEntry.objects.count() == 0
    # then the log is append-only again for whatever comes next
    from waarborg.engine.audit.log import append

    with transaction.atomic():
        entry = append(action="policy.activate", actor="system:test")
    assert "append-only" in refused("UPDATE audit_auditentry SET action = 'x' WHERE id = %s", [entry.pk])
