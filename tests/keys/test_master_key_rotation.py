"""`waarborg keys rotate` re-wraps every subject key; with the new key configured, old data still opens."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.vault.stored import record_data, subject_facts
from waarborg.audiences.cli import main
from waarborg.engine.audit.models import AuditEntry
from waarborg.engine.keyring import crypto
from waarborg.engine.vault.keys import WrongMasterKey
from waarborg.engine.vault.models import SubjectKey

from .conftest import BSNS, PAYOUT


@pytest.mark.promise("S0-21")
def test_after_rotation_old_data_opens_with_the_new_key(sealed: list[tuple[Any, Any]], new_key: tuple[bytes, Path],
                                                        settings: Any, capsys: pytest.CaptureFixture[str]) -> None:
    key, path = new_key
    # Given five subjects with sealed payout data; when the master key is rotated in batches of two
    assert main(["keys", "rotate", "--new-key-file", str(path), "--batch", "2"]) == 0
    assert "re-wrapped 5 subject keys" in capsys.readouterr().out
    assert set(SubjectKey.objects.values_list("master_key_id", flat=True)) == {crypto.master_key_id(key)}
    # then, with the new key configured, every old value still decrypts
    settings.MASTER_KEY = key
    for n, (subject, record) in enumerate(sealed):
        subject.refresh_from_db()
        record.refresh_from_db()
        assert record_data(record)["iban"] == PAYOUT["iban"]
        assert subject_facts(subject)["bsn"] == BSNS[n]
    # and the rotation is in the audit log, with key ids only
    entry = AuditEntry.objects.get(action="keys.rotate")
    assert entry.detail["rewrapped"] == 5 and entry.detail["to_key"] == crypto.master_key_id(key)


def test_with_the_old_key_still_configured_the_error_says_to_finish_the_rotation(
        sealed: list[tuple[Any, Any]], new_key: tuple[bytes, Path]) -> None:
    assert main(["keys", "rotate", "--new-key-file", str(new_key[1])]) == 0
    _, record = sealed[0]
    with pytest.raises(WrongMasterKey, match="keys rotate"):
        record_data(record)


def test_an_interrupted_rotation_is_finished_by_running_it_again(sealed: list[tuple[Any, Any]],
                                                                 new_key: tuple[bytes, Path], settings: Any) -> None:
    from waarborg.engine.vault.keys import rotate_master

    key, _ = new_key
    # Given two keys already re-wrapped by an earlier run that stopped half-way
    first_two = list(SubjectKey.objects.order_by("pk")[:2])
    for row in first_two:
        row.wrapped = crypto.wrap(crypto.unwrap(bytes(row.wrapped)), key)
        row.master_key_id = crypto.master_key_id(key)
        row.save()
    # when run again, then only the other three are done, and all open under the new key
    assert rotate_master(bytes(settings.MASTER_KEY), key) == 3
    settings.MASTER_KEY = key
    assert all(record_data(record)["iban"] == PAYOUT["iban"] for _, record in sealed)


def test_a_bad_key_file_changes_nothing(sealed: list[tuple[Any, Any]], tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    before = dict(SubjectKey.objects.values_list("pk", "wrapped"))
    short = tmp_path / "short"
    short.write_text("c2hvcnQ=", encoding="utf-8")
    assert main(["keys", "rotate", "--new-key-file", str(short)]) == 1
    assert "32 bytes" in capsys.readouterr().err
    assert main(["keys", "rotate", "--new-key-file", str(tmp_path / "missing")]) == 1
    assert {pk: bytes(w) for pk, w in SubjectKey.objects.values_list("pk", "wrapped")} == \
        {pk: bytes(w) for pk, w in before.items()}


def test_rotating_to_the_same_key_is_refused(sealed: list[tuple[Any, Any]], tmp_path: Path, settings: Any,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    same = tmp_path / "same"
    same.write_text(settings.MASTER_KEY_B64, encoding="utf-8")
    assert main(["keys", "rotate", "--new-key-file", str(same)]) == 1
    assert "same" in capsys.readouterr().err


@pytest.mark.promise("S0-21")
def test_pseudonyms_and_lookups_survive_a_rotation(sealed: list[tuple[Any, Any]], new_key: tuple[bytes, Path],
                                                   settings: Any) -> None:
    subject, _ = sealed[0]
    before = (crypto.pseudonym(subject.pk), crypto.keyed_hash(BSNS[0]))
    assert main(["keys", "rotate", "--new-key-file", str(new_key[1])]) == 0
    settings.MASTER_KEY = new_key[0]
    assert (crypto.pseudonym(subject.pk), crypto.keyed_hash(BSNS[0])) == before
