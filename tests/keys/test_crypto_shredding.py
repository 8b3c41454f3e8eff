"""`waarborg keys shred SUBJECT_ID` destroys the subject's data key: its sealed data is gone for good."""

from __future__ import annotations

import uuid
from typing import Any

import pytest

from tests.vault.stored import record_data, subject_facts
from waarborg.audiences.cli import main
from waarborg.engine.audit.models import AuditEntry
from waarborg.engine.keyring.crypto import KeyDestroyed, pseudonym

from .conftest import BSNS, PAYOUT


@pytest.mark.promise("S0-21")
def test_a_shredded_subjects_sealed_data_raises_key_destroyed(sealed: list[tuple[Any, Any]],
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    (subject, record), (other, other_record) = sealed[0], sealed[1]
    sealed_copy = bytes(record.sealed)  # e.g. what a backup holds
    # When the subject is shredded
    assert main(["keys", "shred", str(subject.pk), "--reason", "erasure_request"]) == 0
    assert "can no longer be read" in capsys.readouterr().out
    # then its record and facts cannot be opened, not even from an old copy
    record.refresh_from_db()
    assert bytes(record.sealed) == sealed_copy
    with pytest.raises(KeyDestroyed):
        record_data(record)
    with pytest.raises(KeyDestroyed):
        subject_facts(subject)
    # while the other subjects are untouched
    assert record_data(other_record)["iban"] == PAYOUT["iban"]
    assert subject_facts(other)["bsn"] == BSNS[1]


@pytest.mark.promise("S4-12")
def test_shredding_is_audited_under_the_pseudonym(sealed: list[tuple[Any, Any]]) -> None:
    subject, _ = sealed[0]
    assert main(["keys", "shred", str(subject.pk)]) == 0
    entry = AuditEntry.objects.get(action="subject.shred")
    assert entry.subject_pseudonym == pseudonym(subject.pk) and entry.actor == "system:cli"


def test_shredding_twice_or_an_unknown_subject_is_a_user_error(sealed: list[tuple[Any, Any]],
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    subject, _ = sealed[0]
    assert main(["keys", "shred", str(subject.pk)]) == 0
    assert main(["keys", "shred", str(subject.pk)]) == 1
    assert "already shredded" in capsys.readouterr().err
    assert main(["keys", "shred", str(uuid.uuid4())]) == 1
    assert main(["keys", "shred", "not-a-uuid"]) == 1
    assert AuditEntry.objects.filter(action="subject.shred").count() == 1
