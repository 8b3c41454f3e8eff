"""Encryption by default (issue 14): every field that can hold free text or identifying data is sealed with its
subject's key unless the policy publishes it or marks it `queryable`, whatever its category says. A caregiver's
application is stored through the API with the shipped example policy; then the raw database (every table, every
cell; on SQLite also the file and its write-ahead log) and a backup file are scanned for each value written:
none is there in plain. Dates, numbers and choices stay plain, for clocks, queries and statistics."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.db import connection

pytestmark = [pytest.mark.django_db(transaction=True)]

WRITTEN = {
    "name": "Fenna Zwanenburg-Oudkerk", "email": "fenna.zwanenburg@example.nl", "phone": "0592 987654",
    "address": "Kloosterstraat 99, Assen", "postcode": "9401 ZZ", "care_recipient_address": "Brinkweg 77, Assen",
}
# A helpdesk question: free text in a category the policy does not mark for encryption (`message`). People write
# diagnoses and family matters into such fields; before encryption by default it sat in plain in the database.
QUESTION = "Mijn moeder Trijntje Boelens heeft sinds maart de diagnose Alzheimer; wie helpt ons?"
PLAIN_BY_TYPE = {"birth_date": "1961-04-03", "edition": 2026, "hours_per_week": 12, "relationship": "ouder"}


def _every_cell() -> str:
    """Every cell of every table, as text, the way the database administrator would read it."""
    texts = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608
            for row in cursor.fetchall():
                texts.extend(bytes(cell).decode("latin-1") if isinstance(cell, bytes | memoryview) else str(cell)
                             for cell in row)
    return "\n".join(texts)


def _raw_files() -> bytes:
    if connection.vendor != "sqlite":
        return b""
    name = Path(connection.settings_dict["NAME"])
    return b"".join(p.read_bytes() for p in (name, name.with_name(name.name + "-wal")) if p.is_file())


def test_no_value_written_is_in_the_raw_database_or_a_backup(personas: dict[str, Any], settings: Any,
                                                             tmp_path: Path) -> None:
    from waarborg.engine.backups.actions import create
    from waarborg.engine.vault.models import Record

    settings.WAARBORG_BACKUP_DIR = tmp_path / "backups"
    assessor = personas["assessor"]
    subject = assessor.post("/api/v1/subjects", {"bsn": "100023757", "external_id": "A-77"}, format="json",
                            HTTP_X_PURPOSE="eligibility")
    assert subject.status_code == 201, subject.content
    stored = assessor.post("/api/v1/records", {"subject": subject.json()["id"], "type": "application",
                                               "data": {**WRITTEN, **PLAIN_BY_TYPE}},
                           format="json", HTTP_X_PURPOSE="eligibility")
    assert stored.status_code == 201, stored.content
    ticket = personas["caseworker"].post("/api/v1/records", {"subject": subject.json()["id"], "type": "helpdesk_ticket",
                                                              "data": {"question": QUESTION}},
                                         format="json", HTTP_X_PURPOSE="helpdesk")
    assert ticket.status_code == 201, ticket.content
    written = {**WRITTEN, "question": QUESTION}
    # the record reads back whole, through the vault
    read = assessor.get(f"/api/v1/records/{stored.json()['id']}", {"purpose": "eligibility"})
    assert read.json()["data"]["name"] == WRITTEN["name"]
    # but the database holds none of the written text in plain: not in any cell, not in the file
    cells, raw = _every_cell(), _raw_files()
    for field, value in written.items():
        assert value not in cells, f"{field} is in plain in the database"
        assert value.encode() not in raw, f"{field} is in plain in the database file"
    assert "100023757" not in cells  # the BSN: sealed, and looked up by a keyed hash only
    # dates, numbers and choices stay plain: clocks, queries and statistics need them
    record = Record.objects.get(pk=stored.json()["id"])
    assert record.plain == {"hours_per_week": 12, "relationship": "ouder", "edition": 2026}
    # and a backup file holds none of it either
    backup = create()
    content = backup.path.read_bytes()
    assert Record.objects.get(pk=ticket.json()["id"]).plain == {}
    for field, value in written.items():
        assert value.encode() not in content, f"{field} is in plain in the backup"
