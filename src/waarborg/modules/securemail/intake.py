"""Questions, appointments and no-DigiD requests that arrive by e-mail (S3-40, S3-42).

The front office registers the e-mail: a `question` record under the questions purpose (the one the policy
names under `modules.securemail.purposes`), so it is part of the sender's access export like all their
records, and a `MailRequest` task. A question or
appointment ends when staff answer it; a no-DigiD request ends only when the right forms were sent
to the sender's address, and that sending is logged with the forms' ids.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext, pgettext_lazy

from waarborg.core.errors import Conflict, Invalid
from waarborg.core.language import joined
from waarborg.engine.audit.log import Entry, append
from waarborg.engine.policy.active import current
from waarborg.engine.records.actions import record_create, subject_create
from waarborg.engine.vault.access import check
from waarborg.engine.vault.models import Subject
from waarborg.engine.vault.reads import read_record
from waarborg.modules.securemail.models import MailRequest

# The forms Werkzaak sends to people who cannot use DigiD (ids are what the log keeps).
FORMS = {
    "aanvraag_levensonderhoud": pgettext_lazy("form", "Aanvraagformulier bijstand (levensonderhoud)"),
    "wijzigingsformulier": pgettext_lazy("form", "Wijzigingsformulier (inlichtingenplicht)"),
    "inkomstenopgave": pgettext_lazy("form", "Formulier inkomstenopgave"),
    "bijzondere_bijstand": pgettext_lazy("form", "Aanvraagformulier bijzondere bijstand"),
}


def mail_request_file(actor: Any, *, kind: str, email: str, question: str, name: str = "",
                      appointment_at: datetime | None = None, received_at: datetime | None = None,
                      subject: Subject | None = None, purpose: str) -> MailRequest:
    if kind not in MailRequest.Kind.values:
        raise Invalid({"kind": [f"een van / one of {', '.join(MailRequest.Kind.values)}"]})
    if kind == MailRequest.Kind.APPOINTMENT and appointment_at is None:
        raise Invalid({"appointment_at": ["Een afspraak heeft een tijdstip. (An appointment needs a time.)"]})
    check(actor, "write", purpose, record_type="question")
    data: dict[str, Any] = {"email": email, "question": question, "without_digid": kind == MailRequest.Kind.NO_DIGID}
    if name:
        data["name"] = name
    if appointment_at is not None:
        data["appointment_at"] = appointment_at.isoformat()
    with transaction.atomic():
        subject = subject or subject_create(actor, purpose=purpose)
        record = record_create(actor, subject=subject, type="question", data=data, purpose=purpose,
                               collected_at=received_at, source_kind="subject", channel="email")
        req = MailRequest.objects.create(kind=kind, subject=subject, record=record,
                                         received_at=record.collected_at,
                                         created_by=actor if getattr(actor, "pk", None) else None)
        append(Entry(action="mailrequest.create", actor=actor, purpose=purpose, subject=subject, record=record,
                     detail={"request": str(req.pk), "kind": kind}))
    return req


def _open(req: MailRequest) -> None:
    if req.status != MailRequest.Status.OPEN:
        raise Conflict(f"Dit verzoek is al afgehandeld ({req.status}). (This request was handled already.)")


def mail_request_answer(actor: Any, req: MailRequest, purpose: str) -> MailRequest:
    """Staff answered the question or confirmed the appointment (by e-mail, outside the platform)."""
    check(actor, "write", purpose, subject=req.subject, record=req.record)
    _open(req)
    if req.kind == MailRequest.Kind.NO_DIGID:
        raise Conflict("Een verzoek zonder DigiD eindigt met het sturen van de formulieren. "
                       "(A no-DigiD request ends with sending the forms.)")
    with transaction.atomic():
        req.status, req.handled_by, req.handled_at = MailRequest.Status.ANSWERED, actor, timezone.now()
        req.save(update_fields=["status", "handled_by", "handled_at"])
        append(Entry(action="mailrequest.answer", actor=actor, purpose=purpose, subject=req.subject_id,
                     record=req.record_id, detail={"request": str(req.pk), "kind": req.kind}))
    return req


def mail_request_send_forms(actor: Any, req: MailRequest, forms: list[str], purpose: str) -> MailRequest:
    """Send the right forms to someone without DigiD (S3-42); the task ends and the sending is logged."""
    check(actor, "write", purpose, subject=req.subject, record=req.record)
    _open(req)
    if req.kind != MailRequest.Kind.NO_DIGID:
        raise Conflict("Alleen verzoeken zonder DigiD krijgen formulieren. (Only no-DigiD requests get forms.)")
    unknown = [f for f in forms if f not in FORMS]
    if not forms or unknown:
        raise Invalid({"forms": [f"kies uit / choose from {', '.join(FORMS)}"]})
    policy = current()

    def body() -> str:
        lines = "\n".join(f"- {FORMS[f]}" for f in forms)
        return gettext("U vroeg om formulieren omdat u geen DigiD kunt gebruiken. Hier zijn ze:\n%(forms)s") % {
            "forms": lines}

    subject = joined(lambda: gettext("Formulieren van %(organisation)s") % {
        "organisation": policy.organisation.name}, policy.languages)
    with transaction.atomic():
        address = read_record(actor, req.record, purpose, via="mailrequest.forms")["email"]  # the forms go there
        req.status, req.handled_by, req.handled_at = MailRequest.Status.FORMS_SENT, actor, timezone.now()
        req.forms = list(dict.fromkeys(forms))
        req.save(update_fields=["status", "handled_by", "handled_at", "forms"])
        append(Entry(action="mailrequest.forms_sent", actor=actor, purpose=purpose, subject=req.subject_id,
                     record=req.record_id, detail={"request": str(req.pk), "forms": req.forms, "channel": "email"}))
        send_mail(subject, joined(body, policy.languages, "\n\n") + "\n", None, [address])
    return req


def open_tasks(actor: Any, purpose: str) -> list[MailRequest]:
    check(actor, "read", purpose)
    return list(MailRequest.objects.filter(status=MailRequest.Status.OPEN).order_by("received_at"))
