"""Appends from concurrent transactions, with checkpoints sealing meanwhile, leave one log that verifies.

Appends take no lock: ids come from the sequence and entries may commit out of id order. A checkpoint taken
while they run must seal only ids no transaction can still commit (audit.seals); if it sealed too early, a
late entry would land inside a sealed range and verify would call it added.
"""

from __future__ import annotations

import threading
from typing import Any

import pytest
from django.db import connection, connections, transaction

from waarborg.engine.audit.checkpoints import checkpoint
from waarborg.engine.audit.log import Entry, append, verify
from waarborg.engine.audit.models import AuditEntry, AuditSeal

WRITERS = 4
APPENDS = 60


@pytest.mark.promise("S4-12")
@pytest.mark.postgres_only
@pytest.mark.skipif(connection.vendor != "postgresql", reason="concurrent writers need PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_concurrent_transactions_keep_one_valid_chain(policy: Any) -> None:
    # Given several writers that start together, each appending in its own transactions, and a sealer
    errors: list[BaseException] = []

    def writer(n: int) -> None:
        try:
            start.wait(timeout=10)
            for i in range(APPENDS):
                with transaction.atomic():
                    # Read something first, so both transactions are well under way before appending.
                    AuditEntry.objects.count()
                    append(Entry(action="record.read", actor=f"system:writer-{n}", detail={"i": i}))
                    AuditEntry.objects.count()  # and commit a little later: ids commit out of order
        except BaseException as exc:  # reported in the main thread
            errors.append(exc)
        finally:
            connections.close_all()

    done = threading.Event()

    def sealer() -> None:
        try:
            start.wait(timeout=10)
            while not done.is_set():
                checkpoint()
        except BaseException as exc:
            errors.append(exc)
        finally:
            connections.close_all()

    start = threading.Barrier(WRITERS + 1)
    threads = [threading.Thread(target=writer, args=(n,)) for n in range(WRITERS)]
    sealing = threading.Thread(target=sealer)
    for thread in [*threads, sealing]:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    done.set()
    sealing.join(timeout=60)
    checkpoint()
    # then every append landed and the chain verifies from start to end
    assert errors == []
    assert AuditEntry.objects.filter(action="record.read").count() == WRITERS * APPENDS
    count, broken = verify()
    assert broken is None
    assert count == AuditEntry.objects.count()
    assert AuditSeal.objects.count() > 1  # the sealer really ran while the writers wrote
