"""A stored recording is sealed with its checksum; replacing or editing it is refused; integrity checks pass (S3-37)."""

from __future__ import annotations

import hashlib
from typing import Any

import pytest

from tests.recordings.conftest import AUDIO, audio, give_consent, refused, register


@pytest.fixture
def stored(client_subject: Any, consultant: Any) -> Any:
    from waarborg.modules.recordings.models import Recording

    give_consent(client_subject)
    answer = register(consultant, client_subject, file=AUDIO)
    assert answer.status_code == 201, answer.content
    return Recording.objects.get(pk=answer.json()["id"])


def _integrity(client: Any, recording: Any) -> Any:
    return client.get(f"/api/v1/recordings/{recording.pk}/integrity", {"purpose": "recordings"})


def test_an_anonymous_caller_gets_401(stored: Any, anonymous: Any) -> None:
    assert _integrity(anonymous, stored).status_code == 401


def test_staff_without_the_role_are_refused(stored: Any, front_office: Any) -> None:
    assert _integrity(front_office, stored).json()["reason"] == "role_not_granted"


@pytest.mark.promise("S3-37")
def test_the_file_is_stored_encrypted_with_its_checksum_taken_at_upload(stored: Any) -> None:
    from tests.vault.stored import record_data
    from waarborg.modules.recordings.actions import recording_file

    assert stored.checksum == hashlib.sha256(AUDIO).hexdigest()
    assert b"gesprek-klantmanager" not in bytes(stored.sealed)
    assert recording_file(stored).data == AUDIO
    assert record_data(stored.record)["checksum"] == stored.checksum
    assert stored.record.plain == {}  # even the vault record's fields are sealed (category `recording`)


@pytest.mark.promise("S3-37")
def test_the_integrity_check_passes_and_is_logged(stored: Any, consultant: Any) -> None:
    from waarborg.engine.audit.models import AuditEntry

    answer = _integrity(consultant, stored)

    assert answer.status_code == 200
    assert answer.json()["intact"] is True and answer.json()["actual"] == stored.checksum
    assert AuditEntry.objects.get(action="recording.integrity").detail["intact"] is True


@pytest.mark.promise("S3-37")
def test_the_integrity_check_notices_changed_bytes(stored: Any, consultant: Any) -> None:
    from waarborg.modules.recordings.actions import Upload, _seal_file
    from waarborg.modules.recordings.models import Recording

    # someone bypasses the platform and swaps the sealed bytes in the database
    Recording.objects.filter(pk=stored.pk).update(sealed=_seal_file(stored, Upload("gesprek.wav", "audio/wav",
                                                                                     AUDIO + b"bewerkt")))

    assert _integrity(consultant, stored).json()["intact"] is False


@pytest.mark.promise("S3-37")
def test_uploading_a_second_file_is_refused_as_a_replacement(stored: Any, consultant: Any) -> None:
    answer = consultant.post(f"/api/v1/recordings/{stored.pk}/file", {"file": audio(b"een andere versie")},
                             format="multipart", HTTP_X_PURPOSE="recordings")

    assert answer.status_code == 403 and answer.json()["reason"] == "recording_immutable"
    stored.refresh_from_db()
    assert stored.checksum == hashlib.sha256(AUDIO).hexdigest()
    assert len(refused("recording_immutable")) == 1


@pytest.mark.promise("S3-37")
@pytest.mark.parametrize("method", ["put", "patch"])
def test_modifying_a_recording_is_refused(stored: Any, consultant: Any, method: str) -> None:
    answer = getattr(consultant, method)(f"/api/v1/recordings/{stored.pk}", {"made_by": "staff"}, format="json",
                                         HTTP_X_PURPOSE="recordings")

    assert answer.status_code == 403 and answer.json()["reason"] == "recording_immutable"
    assert len(refused("recording_immutable")) == 1


@pytest.mark.promise("S3-37")
def test_correcting_the_vault_record_of_a_recording_is_refused(stored: Any, consultant: Any) -> None:
    from tests.vault.stored import record_data

    answer = consultant.patch(f"/api/v1/records/{stored.record_id}", {"data": {"checksum": "0" * 64}},
                              format="json", HTTP_X_PURPOSE="recordings")

    assert answer.status_code == 403 and answer.json()["reason"] == "recording_immutable"
    stored.record.refresh_from_db()
    assert record_data(stored.record)["checksum"] == stored.checksum


def test_uploads_above_the_body_limit_are_refused_before_they_are_read(client_subject: Any, consultant: Any,
                                                                      settings: Any) -> None:
    from waarborg.modules.recordings.models import Recording

    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 4096
    give_consent(client_subject)

    answer = register(consultant, client_subject, file=b"0" * 8192)

    assert answer.status_code == 413
    assert not Recording.objects.exists()
