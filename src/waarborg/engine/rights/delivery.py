"""Making the export of a verified request, and handing it to the requester: the only way data leaves
through a rights request.

Steps, each audited and on the request's history (`Step`, `Delivery`):
- `review`: a staff member sees the export (a download in the back office, `GET requests/{id}/export`).
  Never the registrar (`duties`). With `recipient=` (portability, art. 20(2)) it is also a delivery to
  the organisation the subject named.
- `review_redactions`: the reviewer sees what the export redacts from free text and why (`redaction`).
- `deliver_portal`: the subject downloads it in the portal once the request is answered.
- `deliver_letter`: a staff member (never the registrar) makes the letter to print and post, addressed
  to the requester. They see what they post, so it is a review as well.
- `deliver_by` and `picked_up`: for channels built elsewhere (secure mail): the delivery is logged when it
  is sent, and the export is made when the requester picks it up.

Nothing is made before the identity is verified, for a refused request, or for a kind of request
without an export (409); a format the kind does not offer is 406.
"""

from __future__ import annotations

import importlib.util
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from waarborg.core.errors import Conflict, Invalid, NotOffered, Unavailable
from waarborg.engine.audit.log import Entry, append
from waarborg.engine.policy.active import current
from waarborg.engine.policy.schema import Policy
from waarborg.engine.rights import duties, exports, redaction
from waarborg.engine.rights.actions import mark_in_progress, require_identity, step_without_change
from waarborg.engine.rights.models import Delivery, Request

# Per kind of request, the formats its export comes in (the first is the default).
FORMATS: dict[str, tuple[str, ...]] = {"access": ("json", "html", "pdf", "csv"),
                                       "disclosures": ("json", "html", "pdf", "csv"),
                                       "portability": ("json", "csv")}
# Per kind of request, what its export holds: a `disclosures` request gets the disclosures only.
MAKERS: dict[str, tuple[Callable[[Policy, Request], dict[str, Any]], Callable[[dict[str, Any]], str]]] = {
    "access": (exports.access_export, exports.access_csv),
    "disclosures": (exports.disclosures_export, exports.disclosures_csv),
    "portability": (exports.portability_export, exports.portability_csv),
}
# The kinds whose free text names other people (art. 15(4), 20(4)): redacted before anything is made.
REDACTED = ("access", "portability")
CONTENT_TYPES = {"json": "application/json; charset=utf-8", "csv": "text/csv; charset=utf-8",
                 "html": "text/html; charset=utf-8", "pdf": "application/pdf"}
# Once the request is answered, the subject downloads the export in the portal.
DOWNLOADABLE = (Request.Status.ANSWERED, Request.Status.CLOSED)
PDF_MISSING = ("PDF-export vereist WeasyPrint, dat op deze server niet is geïnstalleerd; vraag format=html of json. / "
               "PDF export needs WeasyPrint, which is not installed on this server; ask for format=html or json.")


@dataclass(frozen=True)
class Export:
    content: bytes
    content_type: str
    filename: str
    format: str


def has_pdf() -> bool:
    return importlib.util.find_spec("weasyprint") is not None


def formats_for(type: str) -> list[str]:
    """The formats this server can make for this kind of request (PDF only with WeasyPrint)."""
    return [f for f in FORMATS.get(type, ()) if f != "pdf" or has_pdf()]


def pdf_from_html(html: str) -> bytes:
    try:
        from weasyprint import HTML  # type: ignore[import-not-found,unused-ignore]
    except ImportError:
        raise Unavailable(PDF_MISSING) from None
    result: bytes = HTML(string=html).write_pdf()
    return result


def check_release(req: Request, fmt: str, recipient: str = "") -> None:
    """May an export in `fmt` be made for `req` at all? 409, 406 or 422 when not."""
    allowed = FORMATS.get(req.type)
    if allowed is None:
        raise Conflict(f"Een {req.type}-verzoek heeft geen export. / A {req.type} request has no export.")
    if req.status == Request.Status.REJECTED:
        raise Conflict("Dit verzoek is afgewezen. / This request was refused.")
    require_identity(req)
    if fmt not in allowed:
        raise NotOffered(f"format={fmt}: kies uit / choose from {', '.join(allowed)}")
    if recipient and req.type != "portability":
        raise Invalid({"recipient": ["alleen bij overdraagbaarheid / only for portability"]})
    if len(recipient) > 200:
        raise Invalid({"recipient": ["te lang / too long"]})


def content_of(policy: Policy, req: Request) -> tuple[dict[str, Any], list[redaction.Redaction]]:
    """What the export holds, with other people redacted from its free text (access, portability)."""
    make, _ = MAKERS.get(req.type, MAKERS["access"])
    content = make(policy, req)
    done = redaction.redact_export(policy, req.subject, content) if req.type in REDACTED and req.subject else []
    return content, done


def build(policy: Policy, req: Request, fmt: str, lang: str, *, addressee: duties.Requester | None = None) -> Export:
    """The export of `req` in `fmt` (no checks, no log: callers below do both)."""
    _, to_csv = MAKERS.get(req.type, MAKERS["access"])
    content, _ = content_of(policy, req)
    if fmt == "json":
        body = json.dumps(content, ensure_ascii=False, indent=2, default=str).encode()
    elif fmt == "csv":
        body = to_csv(content).encode()
    else:
        with translation.override(lang):  # the letter's language, whatever the page's
            html = render_to_string("rights/export.html", {
                "export": exports.localise(content, lang), "lang": lang, "organisation": policy.organisation,
                "addressee": addressee, "addressee_kind": str(duties.KIND_WORDS[addressee.kind]) if addressee else ""})
        body = pdf_from_html(html) if fmt == "pdf" else html.encode()
    return Export(content=body, content_type=CONTENT_TYPES[fmt], filename=f"{req.type}-{req.pk}.{fmt}", format=fmt)


def _log(actor: Any, req: Request, action: str, step: str, fmt: str, **detail: Any) -> None:
    step_without_change(req, step, actor, note=":".join(str(v) for v in (fmt, *detail.values()) if v))
    append(Entry(action=action, actor=actor, subject=req.subject_id, purpose=req.purpose,
                 detail={"request": str(req.pk), "type": req.type, "format": fmt, **detail}))


def _delivery(actor: Any, req: Request, *, fmt: str, channel: str, to: str, recipient: str = "") -> Delivery:
    delivery = Delivery.objects.create(request=req, format=fmt, to=to, channel=channel, recipient=recipient,
                                       at=timezone.now(), by=actor if getattr(actor, "pk", None) else None)
    _log(actor, req, "request.deliver", "delivered", fmt, channel=channel, to=to)
    return delivery


def review(actor: Any, req: Request, *, fmt: str = "json", lang: str = "nl", recipient: str = "") -> Export:
    """A staff member sees the export; with `recipient`, it also goes to that organisation."""
    duties.require_other_than_registrar(actor, req, "request.review")
    check_release(req, fmt, recipient)
    policy = current()
    with transaction.atomic():
        made = build(policy, req, fmt, lang)
        mark_in_progress(actor, req)
        _log(actor, req, "request.review", "reviewed", fmt)
        if recipient:
            _delivery(actor, req, fmt=fmt, channel="api", to="recipient", recipient=recipient)
    return made


def review_redactions(actor: Any, req: Request) -> dict[str, Any]:
    """The reviewer's view: what the export's free text redacts, with the original and why (JSON, never the
    subject's). The same checks and the same audited step as seeing the export."""
    duties.require_other_than_registrar(actor, req, "request.review")
    check_release(req, FORMATS.get(req.type, ("json",))[0])
    policy = current()
    with transaction.atomic():
        content, done = content_of(policy, req)
        view = redaction.review_view(policy, str(req.pk), content, done)
        mark_in_progress(actor, req)
        _log(actor, req, "request.review", "reviewed", "json", view="redactions", redactions=view["count"])
    return view


def deliver_letter(actor: Any, req: Request, *, fmt: str = "pdf", lang: str = "nl") -> Export:
    """The letter a staff member prints and posts to the requester: the export with their name and address on top
    (PDF or HTML). A portability file (JSON, CSV) goes by post on a data carrier the same way."""
    duties.require_other_than_registrar(actor, req, "request.deliver")
    check_release(req, fmt)
    requester = duties.requester_of(req)
    policy = current()
    with transaction.atomic():
        made = build(policy, req, fmt, lang, addressee=requester)
        mark_in_progress(actor, req)
        _log(actor, req, "request.review", "reviewed", fmt, channel="letter")
        _delivery(actor, req, fmt=fmt, channel="letter", to=requester.kind)
    return made


def deliver_portal(citizen: Any, req: Request, *, fmt: str = "html", lang: str = "nl") -> Export:
    """The subject's own download in the portal, once staff answered the request."""
    if getattr(citizen, "subject_id", None) != req.subject_id:
        raise duties.separation_refusal(citizen, req, "request.deliver", "Alleen uw eigen verzoeken. / Only your "
                                        "own requests.", reason="not_own_request")
    if req.status not in DOWNLOADABLE:
        raise Conflict("Nog niet beantwoord. / Not answered yet.")
    check_release(req, fmt)
    with transaction.atomic():
        made = build(current(), req, fmt, lang)
        _delivery(citizen, req, fmt=fmt, channel="portal", to="subject")
    return made


def deliver_by(actor: Any, req: Request, *, channel: str, fmt: str) -> Delivery:
    """Log a delivery through a channel that sends it itself (secure mail): the sender does not see the export,
    the requester picks it up (`picked_up`). Never by the registrar. Call inside the channel's transaction."""
    duties.require_other_than_registrar(actor, req, "request.deliver")
    check_release(req, fmt)
    mark_in_progress(actor, req)
    return _delivery(actor, req, fmt=fmt, channel=channel, to=duties.requester_of(req).kind)


def picked_up(delivery: Delivery, lang: str = "nl") -> Export:
    """The requester picks up an export sent through a channel (secure mail): it is made now, from the data as it
    is now, so no copy waits anywhere in between. The first pick-up is noted on the delivery; each is audited."""
    req = delivery.request
    check_release(req, delivery.format)
    with transaction.atomic():
        made = build(current(), req, delivery.format, lang)
        first = delivery.received_at is None
        if first:
            delivery.received_at = timezone.now()
            delivery.save(update_fields=["received_at"])
        append(Entry(action="request.delivery_received", actor=f"system:{delivery.channel}", subject=req.subject_id,
                     detail={"request": str(req.pk), "delivery": delivery.pk, "channel": delivery.channel,
                             "format": delivery.format, "first": first}))
    return made


@dataclass(frozen=True)
class Channel:
    """A way to send the export that another capability provides (secure mail), where the policy offers it."""

    offered: Callable[[Policy], bool]
    send: Callable[..., dict[str, Any]]  # send(actor, req, fmt=, lang=) -> what was sent (ids, never contents)


_channels: dict[str, Channel] = {}


def register_channel(name: str, channel: Channel) -> None:
    """Called from a capability's AppConfig.ready, like the vault's gates."""
    _channels[name] = channel


def sending_channels(policy: Policy) -> list[str]:
    """The channels staff may send an export through under this policy: always a letter, and what is offered."""
    return ["letter", *sorted(name for name, channel in _channels.items() if channel.offered(policy))]


def default_format(req: Request) -> str:
    """For a person: PDF where it can be made, else HTML; a portability export stays machine-readable."""
    offered = formats_for(req.type)
    return next((f for f in ("pdf", "html") if f in offered), offered[0] if offered else "json")


def send(actor: Any, req: Request, *, channel: str, fmt: str = "", lang: str = "nl") -> dict[str, Any]:
    """Send the export through a registered channel (not the letter: that one comes back to be printed)."""
    chosen = _channels.get(channel)
    if chosen is None or not chosen.offered(current()):
        offered = ", ".join(sending_channels(current()))
        raise Invalid({"channel": [f"kies uit / choose from {offered} (de betrokkene downloadt zelf in het portaal "
                                   "zodra het verzoek is beantwoord / the subject downloads in the portal once "
                                   "the request is answered)"]})
    return chosen.send(actor, req, fmt=fmt or default_format(req), lang=lang)
