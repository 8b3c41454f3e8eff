"""GET /api/v1/records/{id} asks the database once for the record and everything its read needs.

On PostgreSQL the read fetches, in one statement inside its transaction, the record, its subject, the subject's
data key, whether a restriction is in force and the id of its own audit entry (reserved under the seal gate):
`records.reading.record_for_read`. That made an audited read cost what a bare one does (docs/benchmarks.md,
issue 14 item 5). What those answers decide must stay the same: a restriction refuses, a lifted one no longer
does, a shredded key answers 410, an unknown record 404, and the log stays one sealed chain while reads and
checkpoints run at the same time.
"""

from __future__ import annotations

import threading
from typing import Any

import pytest
from django.db import connection, connections
from django.test.utils import CaptureQueriesContext

from tests.conftest import Persona
from tests.vault import factories
from waarborg.engine.audit.checkpoints import checkpoint
from waarborg.engine.audit.log import verify
from waarborg.engine.audit.models import AuditEntry, AuditSeal
from waarborg.engine.consent.objections import restriction_lift, restriction_set
from waarborg.engine.vault import keys

NEEDS = ("vault_record", "vault_subjectkey", "consent_restriction", "audit_reserve_ids")


def url(record: Any) -> str:
    return f"/api/v1/records/{record.pk}"


@pytest.mark.postgres_only
@pytest.mark.skipif(connection.vendor != "postgresql", reason="the one-statement fetch is PostgreSQL's")
def test_the_record_and_its_reads_needs_come_in_one_statement(personas: Any, application: Any) -> None:
    with CaptureQueriesContext(connection) as queries:
        response = personas["assessor"].get(url(application), HTTP_X_PURPOSE="eligibility")
    assert response.status_code == 200
    assert response.json()["data"] == factories.application()
    asking = [q["sql"] for q in queries.captured_queries if any(table in q["sql"] for table in NEEDS)]
    assert len(asking) == 1, asking
    assert all(table in asking[0] for table in NEEDS)
    entry = factories.last_entry(action="record.read")
    assert (entry.actor, entry.record_id) == ("anna", str(application.pk))


def test_what_the_answers_decide_stays_the_same(personas: Any, application: Any) -> None:
    assessor, officer = personas["assessor"], personas["privacy_officer"]
    # a restriction in force refuses the read, on record
    restriction = restriction_set(officer.user, subject=application.subject, reason="juistheid betwist")
    refused = assessor.get(url(application), HTTP_X_PURPOSE="eligibility")
    assert refused.status_code == 403 and refused.json()["reason"] == "restricted"
    assert factories.last_entry(outcome="refused").record_id == str(application.pk)
    # lifted, the read goes through again
    restriction_lift(officer.user, restriction)
    assert assessor.get(url(application), HTTP_X_PURPOSE="eligibility").status_code == 200
    # an id that is no record, and a record whose subject's key was shredded
    unknown = assessor.get("/api/v1/records/7d1c3b5e-0000-4000-8000-000000000000", HTTP_X_PURPOSE="eligibility")
    assert unknown.status_code == 404
    keys.shred(application.subject_id)
    assert assessor.get(url(application), HTTP_X_PURPOSE="eligibility").status_code == 410


READERS, READS = 3, 25


@pytest.mark.postgres_only
@pytest.mark.skipif(connection.vendor != "postgresql", reason="concurrent readers need PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_reads_and_checkpoints_at_the_same_time_leave_one_sealed_chain(personas: Any, application: Any) -> None:
    # Given readers whose entries' ids are reserved in their fetch, and a sealer sealing all the while
    errors: list[BaseException] = []
    start, done = threading.Barrier(READERS + 1), threading.Event()

    def reader() -> None:
        try:
            client = Persona(personas["assessor"].user, personas["assessor"].key)  # a client of its own
            start.wait(timeout=10)
            for _ in range(READS):
                response = client.get(url(application), HTTP_X_PURPOSE="eligibility")
                assert response.status_code == 200, response.content
        except BaseException as exc:  # reported in the main thread
            errors.append(exc)
        finally:
            connections.close_all()

    def sealer() -> None:
        try:
            start.wait(timeout=10)
            while not done.is_set():
                checkpoint()
        except BaseException as exc:
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=reader) for _ in range(READERS)]
    sealing = threading.Thread(target=sealer)
    for thread in [*threads, sealing]:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    done.set()
    sealing.join(timeout=60)
    checkpoint()
    # Then every read is on record and the whole log verifies against its checkpoints
    assert errors == []
    assert AuditEntry.objects.filter(action="record.read", record_id=str(application.pk)).count() == READERS * READS
    count, broken = verify()
    assert broken is None
    assert count == AuditEntry.objects.count()
    assert AuditSeal.objects.count() > 1
