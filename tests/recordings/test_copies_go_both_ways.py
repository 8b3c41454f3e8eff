"""Whoever recorded gives the other party a copy on request, both ways, and both are logged (S3-36)."""

from __future__ import annotations

import hashlib
from typing import Any

import pytest

from tests.recordings.conftest import AUDIO, CLIENT_EMAIL, audio, give_consent, register


def _ask_copy(client: Any, recording_id: str, requested_by: str, **extra: str) -> Any:
    return client.post(f"/api/v1/recordings/{recording_id}/copies", {"requested_by": requested_by, **extra},
                       format="json", HTTP_X_PURPOSE="recordings")


def test_an_anonymous_caller_gets_401(client_subject: Any, consultant: Any, anonymous: Any) -> None:
    recording_id = register(consultant, client_subject).json()["id"]

    assert _ask_copy(anonymous, recording_id, "staff").status_code == 401


def test_staff_without_the_role_are_refused(client_subject: Any, consultant: Any, front_office: Any) -> None:
    recording_id = register(consultant, client_subject).json()["id"]

    assert _ask_copy(front_office, recording_id, "staff").json()["reason"] == "role_not_granted"


@pytest.mark.promise("S3-36")
def test_the_client_gets_a_copy_of_werkzaaks_recording_on_request(client_subject: Any, consultant: Any,
                                                                  mailoutbox: list[Any]) -> None:
    from waarborg.engine.audit.models import AuditEntry

    consent = give_consent(client_subject)
    recording_id = register(consultant, client_subject, made_by="staff", file=AUDIO, consent=consent).json()["id"]
    mailoutbox.clear()  # the copy sent on storing (S3-39); the client now asks for one again

    answer = _ask_copy(consultant, recording_id, "client", client_email=CLIENT_EMAIL)

    assert answer.status_code == 201
    assert answer.json()["fulfilled"] is True and answer.json()["via"] == "mail"
    assert mailoutbox[0].to == [CLIENT_EMAIL]
    assert hashlib.sha256(mailoutbox[0].attachments[0][1]).digest() == hashlib.sha256(AUDIO).digest()
    copy = AuditEntry.objects.filter(action="recording.copy").order_by("-id").first()
    assert copy is not None and copy.detail["direction"] == "staff_to_client" and copy.detail["trigger"] == "request"
    assert AuditEntry.objects.get(action="recording.copy_request").detail["requested_by"] == "client"


@pytest.mark.promise("S3-36")
def test_werkzaak_asks_the_client_for_a_copy_and_the_handover_fulfils_it(client_subject: Any, consultant: Any) -> None:
    from waarborg.engine.audit.models import AuditEntry
    from waarborg.modules.recordings.models import CopyRequest

    recording_id = register(consultant, client_subject).json()["id"]  # the client records on their own phone

    asked = _ask_copy(consultant, recording_id, "staff")
    assert asked.status_code == 201 and asked.json()["fulfilled"] is False

    give_consent(client_subject)  # keeping the copy at Werkzaak rests on the client's consent
    handed_over = consultant.post(f"/api/v1/recordings/{recording_id}/file", {"file": audio()}, format="multipart",
                                  HTTP_X_PURPOSE="recordings")

    assert handed_over.status_code == 200, handed_over.content
    copy = CopyRequest.objects.get(pk=asked.json()["id"])
    assert copy.fulfilled_at is not None and copy.via == "upload"
    entry = AuditEntry.objects.get(action="recording.copy")
    assert entry.detail["direction"] == "client_to_staff" and entry.detail["copy"] == str(copy.pk)


@pytest.mark.promise("S3-36")
def test_the_maker_does_not_ask_itself_for_a_copy(client_subject: Any, consultant: Any) -> None:
    recording_id = register(consultant, client_subject).json()["id"]

    assert _ask_copy(consultant, recording_id, "client").status_code == 422
