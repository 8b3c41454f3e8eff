"""The recordings action layer: request, register, store, copy, share. The only writer of recording rows.

Each action checks the caller (role on the recordings purpose, the one the policy names under
`modules.recordings.purposes`, and, that purpose being need-to-know, an assignment to the client), validates,
writes and audits in one transaction. Refusals are 403 with
a reason code and a refused audit entry (`vault.access.refuse`). Storing the file goes through the
vault's `record_create`, so the consent gate applies as well: without the client's active consent for
the recordings purpose nothing is stored (S3-39).
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass
from datetime import datetime
from typing import Any, NoReturn

from django.core.mail import EmailMessage
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from waarborg.core.actors import is_system
from waarborg.core.errors import Invalid
from waarborg.core.language import joined
from waarborg.engine.audit.log import Entry, append
from waarborg.engine.consent import state
from waarborg.engine.consent.gates import restriction_gate
from waarborg.engine.consent.models import Consent
from waarborg.engine.policy.active import active
from waarborg.engine.policy.schema import Policy
from waarborg.engine.records.actions import record_create, record_read
from waarborg.engine.vault import keys
from waarborg.engine.vault.access import check, refuse
from waarborg.engine.vault.authorisation import assigned, needs_assignment
from waarborg.engine.vault.gates import AccessContext, Refusal
from waarborg.engine.vault.models import Subject
from waarborg.engine.vault.scan import ensure_clean
from waarborg.modules.recordings.gates import IMMUTABLE
from waarborg.modules.recordings.models import CopyRequest, Party, Recording, RecordingRequest, Share, ShareConsent

MODULE = "recordings"


def purpose_for(policy: Policy | None = None) -> str:
    """The policy's purpose for recordings (NotFound while the policy does not switch the module on)."""
    return (policy or active().policy).module(MODULE).require("recordings")


@dataclass(frozen=True)
class Upload:
    filename: str
    content_type: str
    data: bytes


def allowed(actor: Any, action: str, purpose: str, subject: Subject) -> None:
    """Role on the purpose, and need-to-know on the client, without asking for a consent.

    Registering that a client records (their own device) or asks to is not holding a recording: the
    consent gate is for storing the file, which `record_create` runs in full.
    """
    check(actor, action, purpose)
    policy = active().policy
    recordings = purpose_for(policy)
    if purpose != recordings:
        refuse(actor, action, purpose, Refusal("purpose_mismatch", f"Opnamen vallen onder het doel '{recordings}'. "
                                                                   f"(Recordings fall under purpose '{recordings}'.)"))
    if not is_system(actor) and needs_assignment(policy, actor, action, purpose) and not assigned(actor, subject, purpose):
        refuse(actor, action, purpose, Refusal("not_assigned", "Deze persoon is niet aan u of uw team toegewezen. "
                                                               "(This subject is not assigned to you or your team.)"),
               subject=subject)
    ctx = AccessContext(actor=actor, action=action, purpose=purpose, policy=policy, subject=subject)
    restricted = restriction_gate(ctx)  # art. 18: a restricted client's recordings are not touched either
    if restricted is not None:
        refuse(actor, action, purpose, restricted, subject=subject)


def _audit(action: str, actor: Any, subject: Any, record: Any = None, **detail: Any) -> None:
    append(Entry(action=action, actor=actor, purpose=purpose_for(), subject=subject, record=record, detail=detail))


# -- S3-34: a client's request to record ----------------------------------------------------------------

def request_file(actor: Any, *, subject: Subject, conversation_at: datetime, purpose: str) -> RecordingRequest:
    """Approved by default: Werkzaak allows recording unless a weighty reason is recorded later."""
    allowed(actor, "write", purpose, subject)
    now = timezone.now()
    with transaction.atomic():
        req = RecordingRequest.objects.create(subject=subject, conversation_at=conversation_at, requested_at=now,
                                              decided_at=now, status=RecordingRequest.Status.APPROVED)
        _audit("recording.request", actor, subject, request=str(req.pk), status=req.status)
    return req


def request_refuse(actor: Any, req: RecordingRequest, *, reason: str, alternative: str,
                   purpose: str) -> RecordingRequest:
    """A refusal needs a weighty reason and the other solution offered, both recorded."""
    allowed(actor, "write", purpose, req.subject)
    errors = {}
    if not (reason or "").strip():
        errors["reason"] = ["Noem de zwaarwegende reden. (Name the weighty reason.)"]
    if not (alternative or "").strip():
        errors["alternative"] = ["Noem de andere oplossing die is geboden. (Name the alternative offered.)"]
    if errors:
        raise Invalid(errors)
    with transaction.atomic():
        req.status, req.decided_at = RecordingRequest.Status.REFUSED, timezone.now()
        req.decided_by = actor if getattr(actor, "pk", None) else None
        req.sealed = keys.seal(req.subject_id, {"reason": reason.strip(), "alternative": alternative.strip()},
                               f"recording-request:{req.pk}")
        req.save(update_fields=["status", "decided_at", "decided_by", "sealed"])
        _audit("recording.request_refuse", actor, req.subject_id, request=str(req.pk), alternative_offered=True)
    return req


def refusal_of(req: RecordingRequest) -> dict[str, str]:
    return keys.open_sealed(req.subject_id, bytes(req.sealed) if req.sealed else None, f"recording-request:{req.pk}")


# -- S3-35, S3-39: registering and storing ----------------------------------------------------------------

def _client_consent(actor: Any, subject: Subject, consent: Consent | None, purpose: str) -> Consent:
    active_now = state.active_consent(subject, purpose)
    if consent is None or active_now is None or consent.subject_id != subject.pk or consent.pk != active_now.pk:
        refuse(actor, "write", purpose, Refusal("no_active_consent", "Een medewerker neemt alleen op met "
                                                "toestemming van de cliënt. (Staff record only with the client's "
                                                "consent.)"), subject=subject, record_type="recording")
    return consent


def _email(value: str, field: str = "client_email") -> str:
    try:
        validate_email(value or "")
    except Exception:
        raise Invalid({field: ["Geef het e-mailadres van de cliënt voor de kopie. "
                               "(Give the client's e-mail address for the copy.)"]}) from None
    return value


def recording_register(actor: Any, *, subject: Subject, made_by: str, conversation_started_at: datetime,
                       announced_at: datetime | None, announced_before_start: bool,
                       request: RecordingRequest | None = None, consent: Consent | None = None,
                       upload: Upload | None = None, client_email: str = "", purpose: str) -> Recording:
    allowed(actor, "write", purpose, subject)
    errors: dict[str, list[str]] = {}
    if made_by not in Party.values:
        errors["made_by"] = [f"een van / one of {', '.join(Party.values)}"]
    if announced_at is None:
        errors["announced_at"] = ["Wanneer is de opname aangekondigd? (When was the recording announced?)"]
    if request is not None and request.subject_id != subject.pk:
        errors["request"] = ["Dit verzoek hoort bij een andere cliënt. (This request belongs to another client.)"]
    if errors:
        raise Invalid(errors)
    assert announced_at is not None
    if not announced_before_start or announced_at >= conversation_started_at:
        # S3-35: a recording not announced before the conversation started may not be kept: a refusal.
        refuse(actor, "write", purpose, Refusal("not_announced", "De opname is niet vóór het begin van het gesprek "
                                                "aangekondigd en wordt niet vastgelegd. (The recording was not "
                                                "announced before the conversation started.)"), subject=subject)
    if request is not None and request.status == RecordingRequest.Status.REFUSED:
        refuse(actor, "write", purpose, Refusal("recording_refused", "Opnemen is geweigerd om een zwaarwegende reden; "
                                                "de andere oplossing geldt. (Recording was refused for a weighty "
                                                "reason; the alternative applies.)"), subject=subject)
    if made_by == Party.STAFF:
        consent = _client_consent(actor, subject, consent, purpose)
        if upload is not None:
            _email(client_email)
    assert announced_at is not None
    with transaction.atomic():
        rec = Recording.objects.create(subject=subject, made_by=made_by, request=request,
                                       consent=consent if made_by == Party.STAFF else None,
                                       conversation_started_at=conversation_started_at, announced_at=announced_at,
                                       registered_at=timezone.now(),
                                       registered_by=actor if getattr(actor, "pk", None) else None)
        _audit("recording.register", actor, subject, recording=str(rec.pk), made_by=made_by,
               announced_at=announced_at.isoformat(), conversation_started_at=conversation_started_at.isoformat())
        if upload is not None:
            recording_store(actor, rec, upload, client_email=client_email, purpose=purpose)
    return rec


def _seal_file(rec: Recording, upload: Upload) -> bytes | None:
    return keys.seal(rec.subject_id, {"filename": upload.filename, "content_type": upload.content_type,
                                      "data": base64.b64encode(upload.data).decode()}, f"recording:{rec.pk}")


def recording_file(rec: Recording) -> Upload:
    opened = keys.open_sealed(rec.subject_id, bytes(rec.sealed) if rec.sealed else None, f"recording:{rec.pk}")
    return Upload(opened["filename"], opened["content_type"], base64.b64decode(opened["data"]))


def recording_store(actor: Any, rec: Recording, upload: Upload, *, client_email: str = "",
                    purpose: str) -> Recording:
    """Store the file once, sealed, with its checksum. A second file is a replacement: refused (S3-37)."""
    allowed(actor, "write", purpose, rec.subject)
    if rec.stored_at is not None or rec.record_id is not None:
        refuse(actor, "write", purpose, IMMUTABLE, subject=rec.subject_id, record=rec.record_id,
               record_type="recording")
    if not upload.data:
        raise Invalid({"file": ["Het bestand is leeg. (The file is empty.)"]})
    ensure_clean(upload.data, "file")
    if rec.made_by == Party.STAFF:
        _client_consent(actor, rec.subject, rec.consent, purpose)
        _email(client_email)
    checksum = hashlib.sha256(upload.data).hexdigest()
    with transaction.atomic():
        data = {"file": upload.filename[:200] or "opname", "checksum": checksum, "announced_before_start": True}
        if rec.consent_id:
            data["consent_reference"] = str(rec.consent_id)
        record = record_create(actor, subject=rec.subject, type="recording", data=data, purpose=purpose,
                               collected_at=rec.conversation_started_at, source_kind="subject",
                               channel="in_person")
        locked = Recording.objects.select_for_update().get(pk=rec.pk)
        if locked.stored_at is not None:  # a concurrent upload won
            refuse(actor, "write", purpose, IMMUTABLE, subject=rec.subject_id, record_type="recording")
        locked.record, locked.checksum, locked.size = record, checksum, len(upload.data)
        locked.sealed, locked.stored_at = _seal_file(locked, upload), timezone.now()
        locked.save(update_fields=["record", "checksum", "size", "sealed", "stored_at"])
        _audit("recording.store", actor, rec.subject_id, record, recording=str(rec.pk), size=len(upload.data),
               checksum=checksum)
        now = timezone.now()
        for copy in locked.copy_requests.filter(requested_by=Party.STAFF, fulfilled_at__isnull=True):
            copy.fulfilled_at, copy.via = now, "upload"
            copy.save(update_fields=["fulfilled_at", "via"])
            _audit("recording.copy", actor, rec.subject_id, record, recording=str(rec.pk), copy=str(copy.pk),
                   direction="client_to_staff", via="upload")
        if locked.made_by == Party.STAFF:
            # S3-39: the client receives a copy of a recording Werkzaak made.
            copy = CopyRequest.objects.create(recording=locked, requested_by=Party.CLIENT, requested_at=now)
            _deliver_to_client(actor, locked, copy, client_email, trigger="stored")
    rec.refresh_from_db()
    return rec


def _deliver_to_client(actor: Any, rec: Recording, copy: CopyRequest, address: str, trigger: str) -> None:
    upload = recording_file(rec)
    copy.fulfilled_at, copy.via = timezone.now(), "mail"
    copy.save(update_fields=["fulfilled_at", "via"])
    _audit("recording.copy", actor, rec.subject_id, rec.record_id, recording=str(rec.pk), copy=str(copy.pk),
           direction="staff_to_client", via="mail", trigger=trigger)
    policy = active().policy
    message = EmailMessage(
        joined(lambda: gettext("Kopie van de opname van uw gesprek"), policy.languages),
        joined(lambda: gettext("Hierbij ontvangt u een kopie van de opname van uw gesprek met %(organisation)s. De "
                               "opname is niet bewerkt.") % {"organisation": policy.organisation.name},
               policy.languages, "\n") + "\n", None, [address])
    message.attach(upload.filename or "opname", upload.data, upload.content_type or "application/octet-stream")
    message.send()


# -- S3-36: copies, both ways -------------------------------------------------------------------------------

def copy_request(actor: Any, rec: Recording, *, requested_by: str, client_email: str = "",
                 purpose: str) -> CopyRequest:
    """The other party asks for a copy. Werkzaak's recording goes to the client at once; the client's
    recording is asked for, and the request is fulfilled when their copy is stored."""
    allowed(actor, "write", purpose, rec.subject)
    if requested_by not in Party.values or requested_by == rec.made_by:
        raise Invalid({"requested_by": ["Een kopie vraagt de andere partij. (The other party asks for a copy.)"]})
    if requested_by == Party.CLIENT:
        _email(client_email)
        if rec.stored_at is None:
            raise Invalid({"recording": ["De opname is nog niet opgeslagen. (The recording is not stored yet.)"]})
    with transaction.atomic():
        copy = CopyRequest.objects.create(recording=rec, requested_by=requested_by, requested_at=timezone.now())
        _audit("recording.copy_request", actor, rec.subject_id, rec.record_id, recording=str(rec.pk),
               copy=str(copy.pk), requested_by=requested_by)
        if requested_by == Party.CLIENT:
            _deliver_to_client(actor, rec, copy, client_email, trigger="request")
    return copy


# -- S3-37: integrity -----------------------------------------------------------------------------------------

def integrity_check(actor: Any, rec: Recording, purpose: str) -> dict[str, Any]:
    """Recompute the SHA-256 of the stored bytes and compare it with the checksum taken at upload."""
    if rec.record is None:
        raise Invalid({"recording": ["De opname is nog niet opgeslagen. (The recording is not stored yet.)"]})
    data = record_read(actor, rec.record, purpose)
    actual = hashlib.sha256(recording_file(rec).data).hexdigest()
    intact = actual == rec.checksum == data.get("checksum")
    with transaction.atomic():
        _audit("recording.integrity", actor, rec.subject_id, rec.record_id, recording=str(rec.pk), intact=intact)
    return {"recording": str(rec.pk), "checksum": rec.checksum, "actual": actual, "intact": intact}


def recording_view(actor: Any, rec: Recording, purpose: str) -> Recording:
    """The recording's facts (never its bytes) for staff; the look is audited."""
    allowed(actor, "read", purpose, rec.subject)
    with transaction.atomic():
        _audit("recording.view", actor, rec.subject_id, rec.record_id, recording=str(rec.pk))
    return rec


def recording_modify(actor: Any, rec: Recording, purpose: str) -> NoReturn:
    """Every edit or replacement is refused and audited (S3-37)."""
    allowed(actor, "write", purpose, rec.subject)
    refuse(actor, "write", purpose, IMMUTABLE, subject=rec.subject_id, record=rec.record_id, record_type="recording")


# -- S3-38: sharing only with written consent named at the start ----------------------------------------------

def share_consent_record(actor: Any, rec: Recording, *, document: str, stated_at_start: bool,
                         purpose: str) -> ShareConsent:
    allowed(actor, "write", purpose, rec.subject)
    if not (document or "").strip():
        raise Invalid({"document": ["Toestemming om te delen is schriftelijk: noem het document. "
                                    "(Consent to share is written: name the document.)"]})
    with transaction.atomic():
        row = ShareConsent.objects.create(recording=rec, document=document.strip()[:200],
                                          stated_at_start=bool(stated_at_start), recorded_at=timezone.now(),
                                          recorded_by=actor if getattr(actor, "pk", None) else None)
        _audit("recording.share_consent", actor, rec.subject_id, rec.record_id, recording=str(rec.pk),
               written=True, stated_at_start=row.stated_at_start)
    return row


def recording_share(actor: Any, rec: Recording, *, recipient: str, purpose: str) -> Share:
    allowed(actor, "write", purpose, rec.subject)
    if not (recipient or "").strip():
        raise Invalid({"recipient": ["Noem de ontvanger. (Name the recipient.)"]})
    consent = rec.share_consents.filter(stated_at_start=True).exclude(document="").order_by("recorded_at").first()
    if consent is None:
        refuse(actor, "share", purpose, Refusal("no_written_consent", "Delen met derden alleen met schriftelijke "
                                               "toestemming van de andere partij, benoemd aan het begin van de opname. "
                                               "(Sharing needs the other party's written consent, stated at the start "
                                               "of the recording.)"), subject=rec.subject_id, record=rec.record_id)
    with transaction.atomic():
        share = Share.objects.create(recording=rec, consent=consent, recipient=recipient.strip()[:200],
                                     shared_at=timezone.now(), shared_by=actor if getattr(actor, "pk", None) else None)
        _audit("recording.share", actor, rec.subject_id, rec.record_id, recording=str(rec.pk),
               share_consent=str(consent.pk))
    return share
