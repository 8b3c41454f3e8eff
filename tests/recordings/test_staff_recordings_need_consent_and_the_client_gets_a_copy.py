"""A staff member records only with the client's consent, and storing it sends the client a copy (S3-39)."""

from __future__ import annotations

import hashlib
from typing import Any

import pytest

from tests.recordings.conftest import AUDIO, CLIENT_EMAIL, give_consent, refused, register


@pytest.mark.promise("S3-39")
def test_without_a_consent_record_a_staff_recording_is_not_stored(client_subject: Any, consultant: Any,
                                                                  mailoutbox: list[Any]) -> None:
    from waarborg.engine.vault.models import Record
    from waarborg.modules.recordings.models import Recording

    answer = register(consultant, client_subject, made_by="staff", file=AUDIO)

    assert answer.status_code == 403 and answer.json()["reason"] == "no_active_consent"
    assert not Recording.objects.exists() and not Record.objects.filter(type="recording").exists()
    assert len(refused("no_active_consent")) == 1
    assert mailoutbox == []


@pytest.mark.promise("S3-39")
def test_a_withdrawn_consent_is_no_consent(client_subject: Any, consultant: Any) -> None:
    from waarborg.engine.consent.actions import consent_withdraw
    from waarborg.modules.recordings.models import Recording

    consent = give_consent(client_subject)
    consent_withdraw("system:test", consent)

    answer = register(consultant, client_subject, made_by="staff", file=AUDIO, consent=consent)

    assert answer.status_code == 403 and answer.json()["reason"] == "no_active_consent"
    assert not Recording.objects.exists()


@pytest.mark.promise("S3-39")
def test_with_consent_it_is_stored_and_the_client_receives_a_copy(client_subject: Any, consultant: Any,
                                                                   mailoutbox: list[Any]) -> None:
    from waarborg.engine.audit.models import AuditEntry
    from waarborg.modules.recordings.models import Recording

    consent = give_consent(client_subject)

    answer = register(consultant, client_subject, made_by="staff", file=AUDIO, consent=consent)

    assert answer.status_code == 201, answer.content
    recording = Recording.objects.get(pk=answer.json()["id"])
    assert recording.consent_id == consent.pk and recording.stored_at is not None
    # the copy: a mail to the client with the unedited recording attached
    assert len(mailoutbox) == 1 and mailoutbox[0].to == [CLIENT_EMAIL]
    (filename, content, mimetype), = mailoutbox[0].attachments
    assert hashlib.sha256(content).hexdigest() == recording.checksum and mimetype == "audio/wav"
    assert filename == "gesprek.wav"
    # and the delivery is logged, triggered by storing
    entry = AuditEntry.objects.get(action="recording.copy")
    assert entry.detail["direction"] == "staff_to_client" and entry.detail["trigger"] == "stored"
    assert CLIENT_EMAIL not in str(entry.detail)
    assert answer.json()["copies"] == [{"id": answer.json()["copies"][0]["id"], "requested_by": "client",
                                        "fulfilled": True, "via": "mail"}]


@pytest.mark.promise("S3-39")
def test_a_staff_recording_needs_the_clients_address_for_the_copy(client_subject: Any, consultant: Any) -> None:
    from waarborg.modules.recordings.models import Recording

    consent = give_consent(client_subject)

    answer = register(consultant, client_subject, made_by="staff", file=AUDIO, consent=consent, client_email="")

    assert answer.status_code == 422 and "client_email" in answer.json()["errors"]
    assert not Recording.objects.exists()
