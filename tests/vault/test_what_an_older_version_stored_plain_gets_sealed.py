"""`waarborg keys seal-plain`: what an older version stored in the clear is encrypted after the upgrade.

Encryption by default seals every field that can hold free text or identify someone, but only from the write on:
an installation upgraded from before it holds such values in `plain` until they are next corrected. The command
moves them into the record's encrypted part, in batches, audited per batch (never a value), and running it again
finds nothing left. The records read the same through the API before and after, under the shipped policy.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection

from waarborg.audiences.cli import main

pytestmark = [pytest.mark.django_db(transaction=True)]

NAME, ADDRESS = "Fenna Zwanenburg-Oudkerk", "Kloosterstraat 99, Assen"


def _raw_plain() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT plain FROM vault_record")
        return "\n".join(str(row[0]) for row in cursor.fetchall())


def test_seal_plain_encrypts_what_an_older_version_left_in_the_clear(personas: dict[str, Any],
                                                                      capsys: pytest.CaptureFixture[str]) -> None:
    from waarborg.engine.audit.models import AuditEntry
    from waarborg.engine.vault.models import Record

    assessor = personas["assessor"]
    subject = assessor.post("/api/v1/subjects", {"bsn": "100023757"}, format="json", HTTP_X_PURPOSE="eligibility")
    records = []
    for n in range(3):
        stored = assessor.post("/api/v1/records", {"subject": subject.json()["id"], "type": "application", "data": {
            "name": f"{NAME} {n}", "address": ADDRESS, "phone": "0592 987654", "email": "fenna@example.nl",
            "postcode": "9401 ZZ", "care_recipient_address": "Brinkweg 77, Assen", "birth_date": "1961-04-03", "edition": 2026,
            "hours_per_week": 12, "relationship": "ouder"}}, format="json", HTTP_X_PURPOSE="eligibility")
        assert stored.status_code == 201, stored.content
        records.append(stored.json()["id"])
    before = [assessor.get(f"/api/v1/records/{pk}", HTTP_X_PURPOSE="eligibility").json()["data"] for pk in records]
    # Given what a version before encryption by default left: the name and address in the clear
    from tests.vault.stored import record_data
    for record in Record.objects.filter(pk__in=records[:2]):
        data = record_data(record)
        Record.objects.filter(pk=record.pk).update(plain={**record.plain, "name": data["name"], "address": ADDRESS})
    assert NAME in _raw_plain() and ADDRESS in _raw_plain()
    # A dry run counts and changes nothing
    assert main(["keys", "seal-plain", "--dry-run"]) == 0
    assert "would encrypt 4 value(s) in 2 record(s)" in capsys.readouterr().out
    assert NAME in _raw_plain()
    # When the operator runs it (one record per transaction here, to cross batches)
    assert main(["keys", "seal-plain", "--batch", "1"]) == 0
    assert "encrypted 4 value(s) in 2 record(s)" in capsys.readouterr().out
    # Then nothing of it is in the clear, the records read the same, and the move is on record without values
    assert NAME not in _raw_plain() and ADDRESS not in _raw_plain()
    after = [assessor.get(f"/api/v1/records/{pk}", HTTP_X_PURPOSE="eligibility").json()["data"] for pk in records]
    assert after == before
    entries = list(AuditEntry.objects.filter(action="record.seal_plain").order_by("id"))
    assert len(entries) == 2 and [e.detail["items"]["fields"] for e in entries] == [[["address", "name"]]] * 2
    assert NAME not in str([e.detail for e in entries])
    # and a second run finds nothing left to do
    assert main(["keys", "seal-plain"]) == 0
    assert "nothing to encrypt" in capsys.readouterr().out
