"""Appends from concurrent transactions never fork the chain (PostgreSQL advisory lock)."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from django.db import connection, connections, transaction

from waarborg.audit.log import Entry, append, verify
from waarborg.audit.models import AuditEntry

WRITERS = 4
APPENDS = 15


@pytest.mark.promise("S4-12")
@pytest.mark.postgres_only
@pytest.mark.skipif(connection.vendor != "postgresql", reason="concurrent writers need PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_concurrent_transactions_keep_one_valid_chain(policy: Any) -> None:
    # Given several writers that start together, each appending in its own transactions
    start = threading.Barrier(WRITERS)
    errors: list[BaseException] = []

    def writer(n: int) -> None:
        try:
            start.wait(timeout=10)
            for i in range(APPENDS):
                with transaction.atomic():
                    # Read something first, so both transactions are well under way before appending.
                    AuditEntry.objects.count()
                    append(Entry(action="record.read", actor=f"system:writer-{n}", detail={"i": i}))
        except BaseException as exc:  # reported in the main thread
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(WRITERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    # then every append landed and the chain verifies from start to end
    assert errors == []
    before = AuditEntry.objects.exclude(action="record.read").count()
    count, broken = verify()
    assert broken is None
    assert count == before + WRITERS * APPENDS
    assert AuditEntry.objects.values("prev_hash").distinct().count() == count
