"""The request lifecycle: the only writer of requests (one `transaction.atomic` per action, audited).

received / awaiting_identification -> in_progress -> answered -> closed, or rejected from any open state.
Requests that release or change data wait for identity (S1-25, S3-25); a complaint does not.
The deadline is the policy's response period after receipt (P4W: due = received + 28 days, S1-27),
extendable once by at most `rights.extension_max`, with a reason told to the subject within the first
period (art. 12(3) AVG). Where the policy's subject groups name their rights channels, a request through another
channel is refused before anything is stored (`require_group_channel`, 403 `group_channel_not_offered`).
"""

from __future__ import annotations

import logging
import re
from datetime import datetime
from functools import partial
from typing import Any

from django.core.mail import send_mail
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext, pgettext, pgettext_lazy
from stdnum.nl import bsn as bsn_number

from waarborg.core.errors import Conflict, Invalid
from waarborg.core.language import each_language, in_language, joined
from waarborg.core.times import TOO_FAR_AHEAD, too_far_ahead
from waarborg.engine.accounts.models import User
from waarborg.engine.audit.log import Entry, append
from waarborg.engine.audit.refusals import refused
from waarborg.engine.policy.active import current
from waarborg.engine.policy.periods import Period
from waarborg.engine.policy.render.groups import group_ways
from waarborg.engine.policy.schema import Policy
from waarborg.engine.rights import duties, effects, letters
from waarborg.engine.rights.duties import Requester, seal_requester
from waarborg.engine.rights.models import Request, Step
from waarborg.engine.vault import keys
from waarborg.engine.vault.models import Subject

log = logging.getLogger(__name__)

TYPES = tuple(Request.Type.values)
# Letters and forms always reach us, whatever the policy lists (S2-26 post/e-mail, S3-27 letter, S1-24 form).
ALWAYS_CHANNELS = ("post", "email", "letter", "contact_form", "portal")
NO_IDENTITY_NEEDED = ("complaint",)
# S1-26: what an ID copy must have blacked out before staff may accept it.
REQUIRED_REDACTIONS = ("photo", "mrz", "document_number", "bsn")
# The policy names what must be blacked out in its own words (statement text): the words for what is always
# required count as that item, so staff confirm each thing once.
_REDACTION_WORDS = {"pasfoto": "photo", "foto": "photo", "photo": "photo", "passport photo": "photo", "mrz": "mrz",
                    "bsn": "bsn", "burgerservicenummer": "bsn", "citizen service number (bsn)": "bsn",
                    "documentnummer": "document_number", "document number": "document_number",
                    "paspoortnummer": "document_number", "passport number": "document_number"}


def redaction_code(word: str) -> str:
    return _REDACTION_WORDS.get(str(word).strip().lower(), str(word))


def required_redactions(policy: Policy) -> list[str]:
    """What staff confirm as blacked out on an identity copy: the fixed items, then the policy's others."""
    return list(dict.fromkeys([*REQUIRED_REDACTIONS, *(redaction_code(w) for w in policy.rights.id_copy_redaction)]))

_NINE_DIGITS = re.compile(r"(?<![\d])(\d{4})[ .]?(\d{2})[ .]?(\d{3})(?![\d])")
_MRZ_LINE = re.compile(r"[A-Z0-9<]{25,44}")


def channels(policy: Policy) -> list[str]:
    return sorted({str(c) for c in policy.rights.channels} | set(ALWAYS_CHANNELS))


# A request's channel as the subject groups name their rights channels (`subject_groups.*.channels`): a letter
# is post. Channels no group names (an intermediary filing for the subject, a chat, the API of a partner) are
# not a way the subject chose, so the group's list does not govern them.
GROUP_CHANNEL = {"portal": "portal", "email": "email", "post": "post", "letter": "post", "in_person": "in_person",
                 "phone": "phone"}


# How a request came in, in words for the refusal ("Dit verzoek kwam per post binnen.").
CAME_IN = {
    "portal": pgettext_lazy("a request came in", "via het portaal"),
    "email": pgettext_lazy("a request came in", "per e-mail"),
    "post": pgettext_lazy("a request came in", "per post"),
    "letter": pgettext_lazy("a request came in", "per brief"),
    "in_person": pgettext_lazy("a request came in", "aan de balie"),
    "phone": pgettext_lazy("a request came in", "telefonisch"),
}


def require_group_channel(actor: Any, policy: Policy, subject: Subject, channel: str, type: str) -> None:
    """A request through a channel the subject's group does not offer (a portal request from a group that
    writes or comes by) is refused, audited, and told how this group does reach us."""
    offered = policy.group_channels(subject.group)
    as_group = GROUP_CHANNEL.get(channel)
    if offered is None or as_group is None or as_group in offered:
        return
    group = policy.group_of(subject.group)
    ways = {lang: in_language(lang, partial(group_ways, policy, group, lang)) for lang in ("nl", "en")}
    came = {lang: in_language(lang, lambda: str(CAME_IN[channel])) for lang in ("nl", "en")}
    raise refused(actor, "request.create", "group_channel_not_offered",
                  f"Dit verzoek kwam {came['nl']} binnen. {ways['nl']} (This request came in {came['en']}. "
                  f"{ways['en']})",
                  subject=subject.pk, detail={"channel": channel, "group": group, "type": type,
                                              "offered": list(offered)})


def _step(req: Request, status: str, by: Any, at: datetime, note: str = "", action: str = "") -> None:
    req.status = status
    Step.objects.create(request=req, action=action or status, status=status, at=at,
                        by=by if getattr(by, "pk", None) else None, note=note)


def step_without_change(req: Request, action: str, by: Any, note: str = "") -> None:
    """A step that leaves the status as it is (a review, a delivery), inside the caller's transaction."""
    Step.objects.create(request=req, action=action, status=req.status, at=timezone.now(),
                        by=by if getattr(by, "pk", None) else None, note=note)


def _audit(action: str, actor: Any, req: Request, **detail: Any) -> None:
    append(Entry(action=action, actor=actor, subject=req.subject_id, purpose=req.purpose,
                 detail={"request": str(req.pk), "type": req.type, **detail}))


def request_read(actor: Any, req: Request, *, via: str = "") -> Request:
    """A handler opens the request (its details may hold personal data): on record. The caller checked the
    handler's right (`handlers.require_handler`)."""
    with transaction.atomic():
        append(Entry(action="request.read", actor=actor, subject=req.subject_id,
                     detail={"request": str(req.pk), **({"via": via} if via else {})}))
    return req


def details_of(req: Request) -> str:
    try:
        return str(keys.open_sealed(req.subject_id, bytes(req.details_sealed) if req.details_sealed else None,
                                        f"request:{req.pk}").get("details", ""))
    except Exception:  # the subject's key was shredded after an erasure: the details are gone
        return ""


def request_file(actor: Any, *, subject: Subject, type: str, channel: str, received_at: datetime | None = None,
                 purpose: str = "", details: str = "", id_copy: str = "",
                 requester: Requester | None = None) -> Request:
    """Register a request. `requester` says who asked (default: the subject); a citizen filing in the portal
    is the requester themselves, identified by their login."""
    policy = current()
    now = timezone.now()
    received = received_at or now
    errors: dict[str, list[str]] = {}
    if type not in TYPES:
        errors["type"] = [f"onbekend soort verzoek / unknown request type; choose from {', '.join(TYPES)}"]
    if channel not in channels(policy):
        errors["channel"] = [f"onbekend kanaal / unknown channel; choose from {', '.join(channels(policy))}"]
    if too_far_ahead(received, now):
        errors["received_at"] = [TOO_FAR_AHEAD]
    if purpose and purpose not in policy.purposes:
        errors["purpose"] = [f"onbekend doel / unknown purpose {purpose!r}"]
    if errors:
        raise Invalid(errors)
    require_group_channel(actor, policy, subject, channel, type)
    # Weeks and months are counted on the local calendar: four weeks is 28 days on the Dutch clock.
    due = policy.rights.response_period.after(timezone.localtime(received))
    citizen_self = getattr(actor, "kind", "") == "citizen" and getattr(actor, "subject_id", None) == subject.pk
    if citizen_self:
        requester = Requester(kind="subject", contact="portal")
    requester = requester or Requester()
    with transaction.atomic():
        req = Request(subject=subject, type=type, channel=channel, purpose=purpose, received_at=received,
                      due_at=due, first_due_at=due, created_at=now, status=Request.Status.RECEIVED,
                      created_by=actor if getattr(actor, "pk", None) else None)
        if id_copy:
            req.id_copy_ref, req.id_copy_received_at = id_copy, now
        req.save(force_insert=True)
        Step.objects.create(request=req, action="filed", status=Request.Status.RECEIVED, at=received,
                            by=req.created_by, note=f"channel:{channel}")
        if details:
            req.details_sealed = keys.seal(subject, {"details": details}, f"request:{req.pk}")
        seal_requester(req, requester)
        if type in NO_IDENTITY_NEEDED:
            pass
        elif citizen_self and channel == "portal" and "portal_login" in policy.rights.identity_verification:
            # A citizen logged in to the portal filing for themselves has proven who they are.
            req.identity_method, req.identity_verified_at, req.started_at = "portal_login", now, now
            req.identity_verified_by = actor
            _step(req, Request.Status.IN_PROGRESS, actor, now, "identity:portal_login", action="verified")
        else:
            _step(req, Request.Status.AWAITING_IDENTIFICATION, actor, now)
        req.save()
        effects.hold_for(req)  # the sweep must not delete what the answer needs
        _audit("request.create", actor, req, channel=channel, due_at=due.isoformat(), requester=requester.kind)
        transaction.on_commit(lambda: notify_officers(policy, req))
    return req


def officer_addresses(policy: Policy) -> list[str]:
    """The FG and privacy officer(s): the policy's contacts and every account holding such a role."""
    org = policy.organisation
    addresses = {org.privacy_contact.email, org.dpo.email if org.dpo else ""}
    for user in User.objects.filter(is_active=True).exclude(email=""):
        if policy.manages(user, "requests"):  # the privacy officer and the DPO by office, and request handlers
            addresses.add(user.email)
    return sorted(a for a in addresses if a)


def notify_officers(policy: Policy, req: Request) -> None:
    """S3-28: the FG hears of every request. The mail names no person: only kind, id and deadline."""
    to = officer_addresses(policy)
    if not to:
        return

    def body() -> str:
        return gettext("Nieuw verzoek (%(type)s) ontvangen via %(channel)s.\nKenmerk: %(reference)s\n"
                       "Uiterste antwoorddatum: %(due)s") % {"type": req.get_type_display(), "channel": req.channel,
                                                            "reference": req.pk, "due": f"{req.due_at:%Y-%m-%d}"}

    subject = joined(lambda: gettext("[Waarborg] Nieuw verzoek %(reference)s") % {"reference": req.pk},
                     policy.languages)
    try:
        send_mail(subject, joined(body, policy.languages, "\n\n"), None, to)
    except OSError:  # a mail relay hiccup must not lose the request; the queue shows it anyway
        log.exception("could not notify the privacy officer of request %s", req.pk)


def unredacted(text: str) -> list[str]:
    """What an ID copy's recognised text still shows: a BSN passing the 11-test, or an MRZ line (S1-26)."""
    found = []
    if any(bsn_number.is_valid("".join(m.groups())) for m in _NINE_DIGITS.finditer(text)):
        found.append("bsn")
    if any("<<" in m.group(0) for m in _MRZ_LINE.finditer(text.upper())):
        found.append("mrz")
    return found


def id_copy_receive(actor: Any, req: Request, *, reference: str, text: str = "") -> Request:
    """Register where an ID copy is kept. Its recognised text is checked, never stored."""
    _require_open(req)
    shown = unredacted(text)
    if shown:
        raise Invalid({"text": [f"Maak zwart op de kopie: {', '.join(shown)}. / Black out on the copy: "
                                f"{', '.join(shown)}. (pasfoto, MRZ, documentnummer, BSN)"]})
    with transaction.atomic():
        req.id_copy_ref, req.id_copy_received_at = reference, timezone.now()
        req.save(update_fields=["id_copy_ref", "id_copy_received_at"])
        _audit("request.id_copy", actor, req)
    return req


def identity_verify(actor: Any, req: Request, *, method: str, redactions: list[str] | tuple[str, ...] = ()) -> Request:
    """Record how the requester was identified: by a staff member other than the registrar, or by the subject
    themselves, logged in to the portal (`portal_login`, where the policy offers it)."""
    policy = current()
    _require_open(req)
    citizen = getattr(actor, "kind", "") == "citizen"
    if citizen and getattr(actor, "subject_id", None) != req.subject_id:
        raise duties.separation_refusal(actor, req, "request.verify", "Alleen uw eigen verzoeken. / Only your own "
                                        "requests.", reason="not_own_request")
    if not citizen:
        duties.require_other_than_registrar(actor, req, "request.verify")
    if req.identity_verified:
        raise Conflict("De identiteit is al vastgesteld. / Identity was already verified.")
    methods = [str(m) for m in policy.rights.identity_verification]
    if citizen:
        method = "portal_login"
    # Staff are offered only the methods staff can use: `portal_login` is the subject's own, in the portal.
    offered = methods if citizen else [m for m in methods if m != "portal_login"]
    if method not in methods:
        raise Invalid({"method": [f"kies uit / choose from {', '.join(offered)}"]})
    if method == "portal_login" and not citizen:
        raise Invalid({"method": ["portal_login: alleen de betrokkene zelf, ingelogd in het portaal / only the "
                                  "subject, logged in to the portal"]})
    if method == "id_copy":
        given = {redaction_code(r) for r in redactions}
        missing = [r for r in required_redactions(policy) if r not in given]
        if missing:
            raise Invalid({"redactions": [f"bevestig dat zwart is gemaakt / confirm blacked out: {', '.join(missing)}"]})
    now = timezone.now()
    with transaction.atomic():
        had_copy = bool(req.id_copy_ref)
        req.identity_method, req.identity_verified_at = method, now
        req.identity_verified_by = actor if getattr(actor, "pk", None) else None
        req.redactions_confirmed = list(redactions) if method == "id_copy" else []
        if had_copy or method == "id_copy":
            # The copy has served its purpose: the reference goes, and with it our pointer to the file.
            req.id_copy_ref, req.id_copy_deleted_at = "", now
        req.started_at = req.started_at or now
        _step(req, Request.Status.IN_PROGRESS, actor, now, f"identity:{method}", action="verified")
        req.save()
        _audit("request.verify", actor, req, method=method, id_copy_deleted=req.id_copy_deleted_at is not None,
               by="subject" if citizen else "staff")
    return req


def request_extend(actor: Any, req: Request, *, reason: str, by: str = "") -> tuple[Request, dict[str, str]]:
    """Extend the deadline once; returns the notice to the subject (sent now, within the first period)."""
    policy = current()
    _require_open(req)
    if not reason.strip():
        raise Invalid({"reason": ["een verlenging vraagt een reden / an extension needs a reason"]})
    maximum = policy.rights.extension_max
    try:
        period = Period.parse(by) if by else maximum
    except ValueError as exc:
        raise Invalid({"by": [str(exc)]}) from None
    if period.approx_days() > maximum.approx_days():
        raise Invalid({"by": [f"ten hoogste / at most {maximum.words('nl')} ({maximum})"]})
    if req.extended_at is not None:
        raise Conflict("Dit verzoek is al verlengd. / This request was already extended.")
    now = timezone.now()
    if now > req.first_due_at:
        raise Conflict("De eerste termijn is voorbij; verlengen moest binnen die termijn aan de betrokkene worden "
                       "gemeld. / The first period has passed; an extension must be told within it.")
    with transaction.atomic():
        req.due_at = period.after(timezone.localtime(req.first_due_at))
        req.extension_reason, req.extended_at, req.subject_told_at = reason.strip(), now, now
        req.save(update_fields=["due_at", "extension_reason", "extended_at", "subject_told_at"])
        _audit("request.extend", actor, req, by=str(period), due_at=req.due_at.isoformat())
    due = req.due_at

    def told() -> str:
        return gettext("Wij hebben meer tijd nodig voor uw verzoek. Reden: %(reason)s. U ontvangt uiterlijk %(due)s "
                       "antwoord.") % {"reason": req.extension_reason,
                                       "due": date_format(timezone.localtime(due), pgettext("date in a letter", "d-m-Y"))}

    text = each_language(told)
    return req, letters.compose(policy, text["nl"], text["en"])


def _require_open(req: Request) -> None:
    if not req.is_open:
        raise Conflict(f"Dit verzoek is al afgehandeld ({req.status}). / This request is already finished.")


def require_identity(req: Request) -> None:
    if not req.identity_verified and req.type not in NO_IDENTITY_NEEDED:
        raise Conflict("De identiteit van de verzoeker is nog niet vastgesteld; er worden geen gegevens vrijgegeven. "
                       "/ The requester's identity is not verified yet; no data is released.")


def mark_in_progress(actor: Any, req: Request) -> None:
    """Inside the caller's transaction: the first handling step moves a received request on."""
    if req.status == Request.Status.RECEIVED:
        now = timezone.now()
        req.started_at = req.started_at or now
        _step(req, Request.Status.IN_PROGRESS, actor, now)
        req.save(update_fields=["status", "started_at"])


def request_answer(actor: Any, req: Request, *, nl: str = "", en: str = "", extra: tuple[str, str] | None = None,
                   status: str = Request.Status.ANSWERED) -> Request:
    """Answer (or reject) the request. The text always names the right to complain to the AP."""
    policy = current()
    _require_open(req)
    if status == Request.Status.ANSWERED:
        require_identity(req)
    answering = status == Request.Status.ANSWERED
    if answering:
        effects.check_effect(req)
    now = timezone.now()
    body_nl, body_en = extra or ("", "")
    with transaction.atomic():
        # Restriction, objection, withdrawal: the consent register records it, its gates then refuse.
        done = effects.apply_effect(actor, req) if answering else {}
        effects.release_for(req)
        req.answer = letters.for_type(policy, req.type, nl or body_nl, en or body_en)
        req.handled_by = actor if getattr(actor, "pk", None) else req.handled_by
        if status == Request.Status.REJECTED:
            req.rejected_at = now
        req.answered_at = now  # the response date (S1-27), also for a refusal
        _step(req, status, actor, now)
        req.save()
        _audit("request.reject" if status == Request.Status.REJECTED else "request.answer", actor, req,
               on_time=now <= req.due_at, **done)
    return req


def request_close(actor: Any, req: Request, *, outcome: str = "", nl: str = "", en: str = "") -> Request:
    """Close the file. An unanswered request (a complaint, typically) gets its closing message here."""
    policy = current()
    if req.status in (Request.Status.CLOSED, Request.Status.REJECTED):
        raise Conflict(f"Dit verzoek is al {req.status}. / This request is already {req.status}.")
    if outcome and outcome not in ("resolved", "unresolved"):
        raise Invalid({"outcome": ["resolved of/or unresolved"]})
    now = timezone.now()
    with transaction.atomic():
        if req.answered_at is None or nl or en:
            default_nl, default_en = letters.default_body(req.type)
            if outcome == "unresolved":
                unresolved = each_language(lambda: gettext(
                    "Wij zijn er samen niet uitgekomen. U kunt uw klacht voorleggen aan de toezichthouder."))
                default_nl, default_en = unresolved["nl"], unresolved["en"]
            req.answer = letters.compose(policy, nl or default_nl, en or default_en)
            req.answered_at = req.answered_at or now
        req.outcome, req.closed_at = outcome, now
        effects.release_for(req)
        _step(req, Request.Status.CLOSED, actor, now, f"outcome:{outcome}" if outcome else "")
        req.save()
        _audit("request.close", actor, req, outcome=outcome)
    return req


def overdue(now: datetime | None = None) -> QuerySet[Request]:
    """Open requests past their deadline, oldest deadline first (the deadline report, S1-27)."""
    return Request.objects.filter(status__in=Request.OPEN, due_at__lt=now or timezone.now()).order_by("due_at")
