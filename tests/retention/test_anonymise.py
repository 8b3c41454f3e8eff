"""S0-28, S3-18: at expiry the sweep deletes a record, or anonymises it: only the fields the rule
keeps remain (dates generalised), the subject is unlinked, the sealed data is gone, and it is logged."""

from __future__ import annotations

from typing import Any

import pytest
from django.utils import timezone

from tests.retention.conftest import at, audit_for, sweep
from waarborg.engine.keyring.crypto import KeyDestroyed
from waarborg.engine.records.actions import subject_create
from waarborg.engine.vault import keys
from waarborg.engine.vault.models import Record, Subject, SubjectKey


@pytest.mark.promise("S0-28", "S3-18")
def test_an_expired_payout_keeps_only_amount_edition_and_month(make: Any) -> None:
    # Given an application in edition 2024 and its payout after the closing (so in the 2025 window)
    person = subject_create(make.actor, bsn="111222333", external_id="crm-4711")
    application = make.record("application", at(2024, 3, 1), subject=person)
    payout = make.record("payout", at(2024, 12, 15), subject=person, paid_on="2024-12-15")
    subject_id = application.subject_id
    assert payout.expires_at == at(2027, 11, 30, 0)

    # When the first sweep after both expired runs
    report = sweep(at(2027, 11, 30, 2))

    # Then the application is deleted and the payout anonymised
    assert report.deleted["award_cycle"] == 1 and report.anonymised["award_cycle_anonymised"] == 1
    assert not Record.objects.filter(pk=application.pk).exists()
    kept = Record.objects.get(pk=payout.pk)
    assert kept.plain == {"amount": "250.00", "edition": 2024, "paid_on": "2024-12"}
    assert kept.subject_id is None and kept.sealed is None and kept.anonymised_at is not None
    assert timezone.localtime(kept.collected_at) == at(2024, 12, 1, 0)  # generalised to the month
    # No name, IBAN or account link remains anywhere in the record
    flat = repr(Record.objects.filter(pk=payout.pk).values().get())
    assert "NL91ABNA0417164300" not in flat and "Vries" not in flat

    # And both are logged with the rule that caused it
    [anonymised] = audit_for(payout, "record.anonymise")
    assert anonymised.detail["rule"] == "award_cycle_anonymised"
    assert audit_for(application, "record.delete")[0].detail["rule"] == "award_cycle"

    # And the subject, with nothing left, lost its data key and everything that links it to a person
    assert not SubjectKey.objects.filter(subject_id=subject_id).exists()
    assert Subject.objects.filter(pk=subject_id, bsn_hash=None, external_id=None, sealed=None).exists()
    with pytest.raises(KeyDestroyed):
        keys.key_for(subject_id)


@pytest.mark.promise("S3-18")
def test_a_second_sweep_finds_nothing_left_to_do(make: Any) -> None:
    make.record("payout", at(2024, 12, 15))
    assert sweep(at(2027, 12, 1)).anonymised["award_cycle_anonymised"] == 1
    again = sweep(at(2027, 12, 2))
    assert again.processed == 0 and again.batches == 0


def test_a_subject_with_records_left_keeps_its_key(make: Any) -> None:
    tip = make.record("tip", at(2026, 1, 1))
    make.record("newsletter_subscription", at(2026, 1, 1), subject=tip.subject)
    sweep(at(2026, 6, 1))
    assert SubjectKey.objects.filter(subject_id=tip.subject_id).exists()
