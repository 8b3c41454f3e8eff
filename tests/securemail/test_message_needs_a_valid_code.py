"""A secure message and its attachment are accepted only with a valid, unused, unexpired code for that address."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.securemail.conftest import SENDER, ask_code, refused

MESSAGE = "Hierbij mijn loonstrook van oktober."
ATTACHMENT = b"%PDF-1.4 loonstrook oktober netto 1234,56"


def _send(client: Any, code: str, email: str = SENDER, attachment: bytes | None = ATTACHMENT) -> Any:
    body: dict[str, Any] = {"name": "Jan Jansen", "email": email, "code": code, "message": MESSAGE}
    if attachment is not None:
        body["attachment"] = SimpleUploadedFile("loonstrook.pdf", attachment, content_type="application/pdf")
    return client.post("/api/v1/secure-mail/messages", body, format="multipart")


def _stored() -> int:
    from waarborg.modules.securemail.models import SecureMessage

    return SecureMessage.objects.count()


@pytest.mark.promise("S3-41")
def test_a_message_with_attachment_is_accepted_with_the_code_and_stored_encrypted(
        werkzaak: Any, public: Any, front_office: Any, mailoutbox: list[Any]) -> None:
    from waarborg.modules.securemail.models import SecureAttachment, SecureMessage

    code = ask_code(public, mailoutbox)

    answer = _send(public, code)

    assert answer.status_code == 201, answer.content
    sent = SecureMessage.objects.select_related("record").get(pk=answer.json()["id"])
    # at rest: neither the text, the address nor the attachment is readable in the database rows
    record = sent.record
    assert record.type == "secure_message" and record.purpose == "secure_mail"
    assert record.plain == {}
    assert MESSAGE.encode() not in bytes(record.sealed) and SENDER.encode() not in bytes(record.sealed)
    attachment = SecureAttachment.objects.get(message=sent)
    assert b"loonstrook oktober" not in bytes(attachment.sealed)
    # staff with the right role read it back whole
    read = front_office.get(f"/api/v1/secure-mail/messages/{sent.pk}", {"purpose": "secure_mail"})
    assert read.status_code == 200
    body = read.json()
    assert body["data"]["message"] == MESSAGE and body["data"]["email"] == SENDER
    assert body["attachments"][0]["filename"] == "loonstrook.pdf" and body["attachments"][0]["intact"] is True


@pytest.mark.promise("S3-41")
def test_a_wrong_code_is_refused_and_logged(werkzaak: Any, public: Any, mailoutbox: list[Any]) -> None:
    code = ask_code(public, mailoutbox)
    wrong = f"{(int(code) + 1) % 10**8:08d}"

    answer = _send(public, wrong)

    assert answer.status_code == 403
    assert answer.json()["reason"] == "invalid_code"
    assert _stored() == 0
    assert len(refused("securemail.send", "invalid_code")) == 1


@pytest.mark.promise("S3-41")
def test_a_code_only_works_for_the_address_it_was_sent_to(werkzaak: Any, public: Any, mailoutbox: list[Any]) -> None:
    code = ask_code(public, mailoutbox)

    answer = _send(public, code, email="iemand.anders@example.nl")

    assert answer.status_code == 403 and answer.json()["reason"] == "invalid_code"
    assert _stored() == 0


@pytest.mark.promise("S3-41")
def test_a_code_works_once(werkzaak: Any, public: Any, mailoutbox: list[Any]) -> None:
    code = ask_code(public, mailoutbox)
    assert _send(public, code, attachment=None).status_code == 201

    again = _send(public, code, attachment=None)

    assert again.status_code == 403 and again.json()["reason"] == "code_used"
    assert _stored() == 1
    assert len(refused("securemail.send", "code_used")) == 1


@pytest.mark.promise("S3-41")
def test_a_code_expires_after_thirty_minutes(werkzaak: Any, public: Any, mailoutbox: list[Any]) -> None:
    start = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)
    with time_machine.travel(start, tick=False):
        code = ask_code(public, mailoutbox)
    with time_machine.travel(start + dt.timedelta(minutes=29), tick=False):
        still_valid = _send(public, code, attachment=None)
    assert still_valid.status_code == 201

    with time_machine.travel(start, tick=False):
        late_code = ask_code(public, mailoutbox)
    with time_machine.travel(start + dt.timedelta(minutes=31), tick=False):
        late = _send(public, late_code, attachment=None)

    assert late.status_code == 403 and late.json()["reason"] == "code_expired"
    assert _stored() == 1


@pytest.mark.promise("S3-41")
def test_guessing_ends_after_five_wrong_codes(werkzaak: Any, public: Any, mailoutbox: list[Any]) -> None:
    code = ask_code(public, mailoutbox)
    wrong = f"{(int(code) + 1) % 10**8:08d}"
    for _ in range(5):
        assert _send(public, wrong, attachment=None).status_code == 403

    # even the right code no longer works: it was spent by the guessing
    answer = _send(public, code, attachment=None)

    assert answer.status_code == 403 and answer.json()["reason"] == "code_used"
    assert _stored() == 0
