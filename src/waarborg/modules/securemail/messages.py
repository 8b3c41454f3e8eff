"""Secure messages (S3-41): accepted only with a valid code, stored sealed with the sender's own key.

Each message becomes a subject of its own (the sender) with a `secure_message` record under the
purpose `secure_mail`; sending through the secure form is the consent that purpose rests on, and is
recorded as such. The attachment's bytes are sealed with the same key next to the record, with their
SHA-256, and go when the record goes (retention: one month, then it is filed with the right case).
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone

from waarborg.core.errors import Invalid
from waarborg.core.times import rfc3339
from waarborg.engine.audit.log import Entry, append
from waarborg.engine.consent.actions import consent_give
from waarborg.engine.policy.schema import Policy
from waarborg.engine.records.actions import record_create, record_read, subject_create
from waarborg.engine.vault import keys
from waarborg.engine.vault.scan import ensure_clean
from waarborg.modules.securemail.codes import ACTOR, MODULE, code_redeem, normalised, purpose_for
from waarborg.modules.securemail.models import SecureAttachment, SecureMessage


@dataclass(frozen=True)
class Upload:
    filename: str
    content_type: str
    data: bytes


def _attachment_context(attachment: SecureAttachment) -> str:
    return f"secure-attachment:{attachment.pk}"

RECORD_TYPE = "secure_message"


def offered(policy: Policy) -> bool:
    """Secure mail exists only where the policy switches the module on and declares its record type."""
    return policy.module(MODULE).on and RECORD_TYPE in policy.record_types


def secure_message_send(*, name: str, email: str, code: str, message: str,
                        attachment: Upload | None = None) -> SecureMessage:
    errors: dict[str, list[str]] = {}
    if not (name or "").strip():
        errors["name"] = ["Vul uw naam in. (Enter your name.)"]
    if not (message or "").strip():
        errors["message"] = ["Typ een bericht. (Type a message.)"]
    if errors:
        raise Invalid(errors)
    if attachment is not None:
        ensure_clean(attachment.data, "attachment")
    address = normalised(email)
    spent = code_redeem(address, code)  # refuses (403, audited) a wrong, expired or used code
    now = timezone.now()
    purpose = purpose_for()
    with transaction.atomic():
        subject = subject_create(ACTOR, at=now)
        consent_give(ACTOR, subject=subject, purpose=purpose, given_at=now, channel="website",
                     evidence={"document": "formulier veilig mailen / secure mail form"})
        data = {"name": name.strip(), "email": address, "message": message.strip()}
        if attachment is not None:
            data["attachment"] = attachment.filename[:200]
        record = record_create(ACTOR, subject=subject, type=RECORD_TYPE, data=data, purpose=purpose,
                               collected_at=now, source_kind="subject", channel="website")
        sent = SecureMessage.objects.create(record=record, code=spent, received_at=now)
        if attachment is not None:
            row = SecureAttachment(message=sent, size=len(attachment.data),
                                   checksum=hashlib.sha256(attachment.data).hexdigest())
            row.sealed = keys.seal(subject, {"filename": attachment.filename, "content_type": attachment.content_type,
                                             "data": base64.b64encode(attachment.data).decode()},
                                   _attachment_context(row))
            row.save(force_insert=True)
        append(Entry(action="securemail.receive", actor=ACTOR, purpose=purpose, subject=subject, record=record,
                     detail={"message": str(sent.pk), "attachments": 1 if attachment else 0}))
    return sent


def secure_message_read(actor: Any, sent: SecureMessage, purpose: str) -> dict[str, Any]:
    """The message and its attachments for staff; checked and audited by the vault."""
    data = record_read(actor, sent.record, purpose)
    files = []
    for row in sent.attachments.all():
        opened = keys.open_sealed(sent.record.subject_id, bytes(row.sealed), _attachment_context(row))
        raw = base64.b64decode(opened["data"])
        files.append({"id": str(row.pk), "filename": opened["filename"], "content_type": opened["content_type"],
                      "size": row.size, "checksum": row.checksum,
                      "intact": hashlib.sha256(raw).hexdigest() == row.checksum,
                      "data": opened["data"]})
    return {"id": str(sent.pk), "received_at": rfc3339(sent.received_at), "data": data, "attachments": files}
