"""Values of encrypted categories never reach the database in the clear (S0-21), and destroying a
subject's data key makes its sealed data unreadable (crypto-shredding)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from django.db import connection

from tests.vault import factories
from tests.vault.stored import record_data
from waarborg.engine.keyring.crypto import KeyDestroyed
from waarborg.engine.records.actions import record_create, record_read, record_update, subject_create
from waarborg.engine.vault import keys

# Every value below belongs to a category the seed 000 policy encrypts (or is the BSN).
SECRETS = ["Joke de Vries", "joke.devries@example.nl", "+31 6 12345678", "Kerkstraat 17", "9401 AB",
           "1961-04-12", "Brink 5", "NL91ABNA0417164300", "J. de Vries", factories.VALID_BSN, "Kerklaan 3",
           "1958-02-03"]
TABLES = ["vault_subject", "vault_record", "vault_subjectkey", "audit_auditentry"]


def _store_everything(personas: Any) -> Any:
    assessor = personas["assessor"].user
    subject = subject_create(assessor, bsn=factories.VALID_BSN, birth_date=date(1958, 2, 3))
    application = record_create(assessor, subject=subject, type="application", data=factories.application(),
                                purpose="eligibility")
    record_create(assessor, subject=subject, type="payout", data=factories.PAYOUT, purpose="payout")
    # A correction keeps old and new values in the audit log: sealed as well.
    record_update(assessor, application, "eligibility", {"address": "Kerklaan 3, Assen"})
    return subject


def _raw_rows() -> str:
    dump = []
    with connection.cursor() as cursor:
        for table in TABLES:
            cursor.execute(f"SELECT * FROM {table}")  # noqa: S608 (fixed table names)
            for row in cursor.fetchall():
                dump.append(" ".join(bytes(v).decode("latin-1") if isinstance(v, (bytes, memoryview)) else str(v)
                                     for v in row))
    return "\n".join(dump)


@pytest.mark.promise("S0-21")
@pytest.mark.django_db(transaction=True)
def test_reading_the_raw_tables_never_shows_an_encrypted_value(personas: Any) -> None:
    # Given an applicant with a BSN, an application, a payout and a correction, all committed
    _store_everything(personas)
    # When the tables are read with plain SQL, bypassing the application
    dump = _raw_rows()
    # Then none of the protected values shows, while the rows are there
    assert dump.count("application") >= 1
    assert [secret for secret in SECRETS if secret in dump] == []


@pytest.mark.promise("S0-21")
@pytest.mark.django_db(transaction=True)
def test_the_sqlite_database_file_holds_no_encrypted_value(personas: Any) -> None:
    if connection.vendor != "sqlite":
        pytest.skip("the file scan applies to the embedded SQLite database; the raw SQL test covers PostgreSQL")
    _store_everything(personas)
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    path = Path(connection.settings_dict["NAME"])
    files = [p for p in (path, Path(f"{path}-wal"), Path(f"{path}-journal")) if p.exists()]
    assert path in files, "the test database is a file"
    raw = b"".join(p.read_bytes() for p in files)
    assert b"application" in raw  # the scan does see the records
    assert [s for s in SECRETS if s.encode() in raw] == []


@pytest.mark.promise("S0-21")
def test_a_destroyed_subject_key_leaves_every_copy_of_its_data_unreadable(personas: Any, application: Any) -> None:
    # Given a copy of the sealed data, as a backup would hold it
    backup = bytes(application.sealed)
    assert record_data(application)["name"] == "Joke de Vries"
    # When the subject's key is destroyed
    assert keys.shred(application.subject_id) == 1
    # Then neither the record nor the backup copy can be opened, by anyone
    with pytest.raises(KeyDestroyed):
        record_read(personas["assessor"].user, application, "eligibility")
    with pytest.raises(KeyDestroyed):
        keys.open_sealed(application.subject_id, backup, f"record:{application.pk}")


@pytest.mark.promise("S0-21")
def test_the_bsn_is_stored_only_sealed_and_as_a_keyed_hash(personas: Any, subject: Any) -> None:
    from tests.vault.stored import subject_facts
    from waarborg.engine.keyring.crypto import keyed_hash

    subject.refresh_from_db()
    assert subject.bsn_hash == keyed_hash(factories.VALID_BSN) != factories.VALID_BSN
    assert factories.VALID_BSN.encode() not in bytes(subject.sealed)
    assert subject_facts(subject)["bsn"] == factories.VALID_BSN
