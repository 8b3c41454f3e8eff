"""A restore replays what happened after the backup exactly: anonymised stays anonymised, kept stays kept,
deleted stays deleted (issue 14: the restore used to delete the anonymised payout the live system kept)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import time_machine

from tests.rights.conftest import PAYOUT, verified_request
from waarborg.audiences.cli import main
from waarborg.engine.backups import actions
from waarborg.engine.records.actions import record_create, subject_create
from waarborg.engine.vault.models import Record, Subject, SubjectKey

APPLICATION = {"name": "Fenna de Vries", "phone": "0592 123456", "address": "Kloosterstraat 12, Assen",
               "birth_date": "1961-04-03", "care_recipient_address": "Brink 3, Assen", "edition": 2024}


@pytest.fixture(autouse=True)
def _places(settings: Any, tmp_path: Path) -> None:
    settings.WAARBORG_BACKUP_DIR = tmp_path / "backups"
    settings.WAARBORG_ERASURE_JOURNAL = tmp_path / "journal.jsonl"


def _state(subject: Subject) -> dict[str, Any]:
    """What a user of the platform could see of the subject and its records afterwards."""
    subject.refresh_from_db()
    records = {str(r.pk): (r.type, r.subject_id, r.plain, r.sealed is None, r.anonymised_at is not None,
                           r.collected_at) for r in Record.objects.filter(pk__in=subject.noted_records)}
    return {"records": records, "key": SubjectKey.objects.filter(subject=subject).exists(),
            "bsn_hash": subject.bsn_hash, "external_id": subject.external_id, "erased": subject.erased_at is not None}


@pytest.mark.promise("S0-34")
@pytest.mark.django_db(transaction=True)
def test_a_restore_keeps_the_payout_the_sweep_anonymised(personas: dict[str, Any], settings: Any) -> None:
    # Given an applicant of edition 2024 with a paid award, and a backup of that
    assessor = personas["assessor"].user
    person = subject_create(assessor, bsn="111222333", external_id="crm-4711")
    application = record_create(assessor, subject=person, type="application", data=APPLICATION,
                                purpose="eligibility", collected_at=datetime(2024, 3, 1, 11, tzinfo=UTC))
    payout = record_create(assessor, subject=person, type="payout", data={**PAYOUT, "edition": 2024,
                           "paid_on": "2024-12-15"}, purpose="payout", collected_at=datetime(2024, 12, 15, 11, tzinfo=UTC))
    person.noted_records = [application.pk, payout.pk]
    backup = actions.create()
    later = subject_create(assessor)  # not in the backup: gone after the restore
    assert main(["audit", "checkpoint"]) == 0  # which sealed entries the restore takes away again
    # when, three years on, the sweep deletes the application and anonymises the payout (S0-28)
    with time_machine.travel(datetime(2027, 11, 30, 2, tzinfo=UTC), tick=False):
        assert main(["sweep"]) == 0
        live = _state(person)
        assert live["records"][str(payout.pk)][1:5] == (None, {"amount": "200.00", "edition": 2024,
                                                                "paid_on": "2024-12"}, True, True)
        assert str(application.pk) not in live["records"] and live["key"] is False
        # and later that backup is restored
        assert main(["backup", "restore", str(backup.path), "--yes"]) == 0
        # then everything is as the live system had it: the payout anonymised, not gone
        assert not Subject.objects.filter(pk=later.pk).exists()
        assert _state(person) == live
        # and the log verifies: the checkpoints go on in a new file, the old one kept beside it
        assert main(["audit", "verify"]) == 0
        assert len(list(Path(settings.WAARBORG_AUDIT_CHECKPOINTS).parent.glob("audit-checkpoints.jsonl.before-restore-*"))) == 1


@pytest.mark.promise("S0-34", "S0-39")
@pytest.mark.django_db(transaction=True)
def test_a_restore_replays_an_erasure_that_kept_the_payout_on_its_fiscal_ground(personas: dict[str, Any]) -> None:
    # Given an applicant with a payout, and a backup of that
    assessor, officer = personas["assessor"].user, personas["privacy_officer"]
    person = subject_create(assessor, bsn="111222333", external_id="crm-4711")
    application = record_create(assessor, subject=person, type="application", data={**APPLICATION, "edition": 2026},
                                purpose="eligibility")
    payout = record_create(assessor, subject=person, type="payout", data=PAYOUT, purpose="payout")
    person.noted_records = [application.pk, payout.pk]
    backup = actions.create()
    later = subject_create(assessor)  # not in the backup: gone after the restore
    # when the person's erasure request is carried out: the application goes, the payout stays (fiscal)
    request_id = verified_request(officer, person, "erasure")
    assert officer.post(f"/api/v1/requests/{request_id}/erase", {}, format="json").status_code == 200
    live = _state(person)
    assert set(live["records"]) == {str(payout.pk)} and live["bsn_hash"] is None and live["key"] is True
    # and the backup is restored
    assert main(["backup", "restore", str(backup.path), "--yes"]) == 0
    # then the application is gone again, the payout kept, and the BSN look-up gone as it was
    assert not Subject.objects.filter(pk=later.pk).exists()
    assert _state(person) == live
