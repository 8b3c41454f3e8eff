"""The breach workflow's action layer: register -> assess -> notify (AP, people) -> close.

Each function checks, writes the breach, appends to the breach's own trail (`BreachLogEntry`)
and to the audit log, in one transaction. Refusals are audited before they are raised. The exception is
e-mailing notices: mail cannot be rolled back, so each person gets their own transaction around the
hand-over to the relay (see `_send_by_email`).
"""

from __future__ import annotations

import logging
import smtplib
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.conf import settings
from django.core.mail import get_connection
from django.db import transaction
from django.utils import timezone

from waarborg.api.errors import Conflict, Invalid, Refused
from waarborg.api.times import not_future
from waarborg.audit.log import Entry, append, append_many
from waarborg.audit.refusals import refused
from waarborg.breaches import clock, notices, reach
from waarborg.breaches.models import AffectedSubject, AuthorityNotification, Breach, BreachLogEntry, Kind, Risk, Status
from waarborg.breaches.permissions import manages_breaches, sees_breaches
from waarborg.breaches.selection import Selection, affected
from waarborg.policy.active import active
from waarborg.policy.schema import Policy
from waarborg.vault.models import Subject

log = logging.getLogger(__name__)

NATURES = ("read", "copy", "change", "delete", "theft")


def _actor_name(actor: Any) -> str:
    if actor is None:
        return "anonymous"
    return actor if isinstance(actor, str) else actor.get_username()


def refuse(actor: Any, action: str, reason: str, detail: str, **fields: Any) -> Refused:
    """Audit a refused attempt (its own transaction) and return the exception to raise."""
    return refused(actor, action, reason, detail, **fields)


def require_manager(actor: Any, action: str, policy: Policy) -> None:
    if not manages_breaches(actor, policy):
        raise refuse(actor, action, "role_not_granted",
                     "Alleen de privacyfunctionaris beheert het datalekkenregister. / "
                     "Only the privacy officer manages the breach register.")


def require_viewer(actor: Any, action: str, policy: Policy) -> None:
    if not sees_breaches(actor, policy):
        raise refuse(actor, action, "role_not_granted",
                     "Alleen de privacyfunctionaris of FG ziet het datalekkenregister. / "
                     "Only the privacy officer or DPO sees the breach register.")


def _trail(breach: Breach, actor: Any, event: str, detail: dict[str, Any] | None = None,
           subject: Any = None, at: datetime | None = None) -> None:
    BreachLogEntry.objects.create(breach=breach, at=at or timezone.now(), actor=_actor_name(actor),
                                  event=event, detail=detail or {})
    append(Entry(action=f"breach.{event}", actor=actor, subject=subject,
                 detail={"breach": str(breach.pk), **(detail or {})}))


def _user(actor: Any) -> Any:
    return actor if getattr(actor, "pk", None) else None


def _not_future(name: str, moment: datetime | None) -> None:
    not_future(moment, name)


def _check_categories(policy: Policy, categories: list[str] | tuple[str, ...]) -> None:
    unknown = [c for c in categories if c not in policy.categories]
    if unknown:
        raise Invalid({"categories": [f"Onbekende categorie / unknown category: {c}" for c in unknown]})


def _add_affected(breach: Breach, policy: Policy, selection: Selection, explicit: list[Any]) -> int:
    found = affected(policy, selection)
    for subject_id in explicit:  # named people without matching records: the breach's categories
        found.setdefault(subject_id, (sorted(breach.categories), 0))
    now = timezone.now()
    added = 0
    for subject_id, (categories, count) in found.items():
        row, created = AffectedSubject.objects.get_or_create(
            breach=breach, subject_id=subject_id,
            defaults={"categories": categories, "record_count": count, "added_at": now})
        if not created:
            row.categories = sorted(set(row.categories) | set(categories))
            row.record_count = max(row.record_count, count)
            row.save(update_fields=["categories", "record_count"])
        added += created
    return added


def _subjects(ids: list[Any]) -> list[Any]:
    known = set(Subject.objects.filter(pk__in=ids).values_list("pk", flat=True))
    missing = [str(i) for i in ids if i not in known]
    if missing:
        raise Invalid({"subjects": [f"Onbekende betrokkene / unknown subject: {m}" for m in missing]})
    return list(ids)


def breach_register(actor: Any, *, aware_at: datetime, description: str, kind: str = Kind.OTHER,
                    categories: list[str] | None = None, subjects: list[Any] | None = None,
                    started_at: datetime | None = None, received_at: datetime | None = None) -> Breach:
    current = active()
    policy = current.policy
    require_manager(actor, "breach.create", policy)
    _not_future("aware_at", aware_at)
    _not_future("started_at", started_at)
    _not_future("received_at", received_at)
    if kind not in Kind.values:
        raise Invalid({"kind": [f"Kies uit / choose from: {', '.join(Kind.values)}"]})
    _check_categories(policy, categories or [])
    explicit = _subjects(list(subjects or []))
    now = timezone.now()
    with transaction.atomic():
        breach = Breach.objects.create(
            kind=kind, description=description, source="staff", reported_by=_user(actor),
            received_at=received_at or now,
            aware_at=aware_at, authority_due_at=clock.authority_due_at(aware_at, policy), started_at=started_at,
            categories=sorted(set(categories or [])), created_at=now, policy_version=current.number)
        _trail(breach, actor, "create", {"kind": kind, "source": "staff", "aware_at": aware_at.isoformat(),
                                         "authority_due_at": breach.authority_due_at.isoformat()})
        if explicit:
            added = _add_affected(breach, policy, Selection(categories=tuple(breach.categories),
                                                            subjects=tuple(explicit)), explicit)
            _trail(breach, actor, "subjects_added", {"added": added})
    return breach


def breach_report_suspicion(*, description: str, reporter_name: str = "", reporter_contact: str = "",
                            kind: str = Kind.OTHER) -> Breach:
    """"Ik vermoed een datalek": anyone may report; the organisation is aware from receipt."""
    current = active()
    if kind not in Kind.values:
        kind = Kind.OTHER
    now = timezone.now()
    with transaction.atomic():
        breach = Breach.objects.create(
            kind=kind, description=description, source="public", reporter_name=reporter_name,
            reporter_contact=reporter_contact, received_at=now, aware_at=now,
            authority_due_at=clock.authority_due_at(now, current.policy), created_at=now,
            policy_version=current.number)
        _trail(breach, None, "reported", {"source": "public", "received_at": now.isoformat()})
    return breach


ASSESSMENT_FIELDS = ("cause", "consequences", "prior_measures", "encrypted", "measures_taken",
                     "measures_subject_can_take", "follow_up", "record_count", "started_at", "ended_at",
                     "ongoing", "kind")


def breach_assess(actor: Any, breach: Breach, *, risk: str, nature: list[str] | None = None,
                  categories: list[str] | None = None, **fields: Any) -> Breach:
    policy = active().policy
    require_manager(actor, "breach.assess", policy)
    if breach.status == Status.CLOSED:
        raise Conflict("Dit datalek is afgesloten. / This breach is closed.")
    if risk not in Risk.values:
        raise Invalid({"risk": [f"Kies uit / choose from: {', '.join(Risk.values)}"]})
    if nature and set(nature) - set(NATURES):
        raise Invalid({"nature": [f"Kies uit / choose from: {', '.join(NATURES)}"]})
    if fields.get("kind") and fields["kind"] not in Kind.values:
        raise Invalid({"kind": [f"Kies uit / choose from: {', '.join(Kind.values)}"]})
    _check_categories(policy, categories or [])
    changed = sorted(k for k, v in fields.items() if k in ASSESSMENT_FIELDS and v is not None)
    with transaction.atomic():
        breach.risk = risk
        for name in changed:
            setattr(breach, name, fields[name])
        if nature is not None:
            breach.nature = sorted(set(nature))
        if categories is not None:
            breach.categories = sorted(set(categories))
        breach.assessed_at = breach.assessed_at or timezone.now()
        if breach.status == Status.REPORTED:
            breach.status = Status.ASSESSED
        breach.save()
        _trail(breach, actor, "assess", {"risk": risk, "fields": changed})
    return breach


def breach_add_subjects(actor: Any, breach: Breach, selection: Selection) -> int:
    policy = active().policy
    require_manager(actor, "breach.subjects", policy)
    if breach.status == Status.CLOSED:
        raise Conflict("Dit datalek is afgesloten. / This breach is closed.")
    _check_categories(policy, selection.categories)
    explicit = _subjects(list(selection.subjects))
    with transaction.atomic():
        added = _add_affected(breach, policy, selection, explicit)
        _trail(breach, actor, "subjects_added", {
            "added": added, "categories": list(selection.categories), "purpose": selection.purpose,
            "record_type": selection.record_type,
            "collected_from": selection.collected_from.isoformat() if selection.collected_from else None,
            "collected_until": selection.collected_until.isoformat() if selection.collected_until else None})
    return added


def authority_notify(actor: Any, breach: Breach, *, kind: str = "initial", at: datetime | None = None,
                     reference: str = "", form: dict[str, Any] | None = None) -> AuthorityNotification:
    """Record the notification to the AP (meldformulier), initial or a supplement."""
    from waarborg.breaches.exports import authority_form

    policy = active().policy
    require_manager(actor, "breach.authority", policy)
    _not_future("at", at)
    if kind not in ("initial", "supplement"):
        raise Invalid({"kind": ["Kies uit / choose from: initial, supplement"]})
    has_initial = breach.authority_notifications.filter(kind="initial").exists()
    if kind == "initial" and has_initial:
        raise Conflict("De eerste melding aan de AP is al vastgelegd; doe een aanvullende melding. / "
                       "The initial AP notification is on file; file a supplement.")
    if kind == "supplement" and not has_initial:
        raise Conflict("Een aanvulling kan pas na de eerste melding. / A supplement follows the initial notification.")
    moment = at or timezone.now()
    with transaction.atomic():
        if kind == "initial":
            breach.authority_notified_at = moment
            breach.authority_reference = reference
            if breach.status in (Status.REPORTED, Status.ASSESSED):
                breach.status = Status.NOTIFIED
            breach.save()
        elif reference and not breach.authority_reference:
            breach.authority_reference = reference
            breach.save(update_fields=["authority_reference"])
        snapshot = {**authority_form(breach, policy), **(form or {})}
        snapshot["report"] = {"kind": kind, "reference": reference or breach.authority_reference}
        notification = AuthorityNotification.objects.create(breach=breach, kind=kind, at=moment,
                                                            reference=reference, form=snapshot,
                                                            by=_user(actor))
        _trail(breach, actor, f"authority_{kind}", {"at": moment.isoformat(), "reference": reference,
                                                    "late": moment > breach.authority_due_at}, at=moment)
    return notification


NOTICE_CHANNELS = notices.CHANNELS
# Backends that accept a mail without delivering it: fine while developing, a false "told" in production.
PRINTING_BACKENDS = ("django.core.mail.backends.console.EmailBackend", "django.core.mail.backends.dummy.EmailBackend")


@dataclass
class NoticeRun:
    """What one call to `subject_notices_send` did. Ids are `AffectedSubject` ids, never addresses."""

    channel: str
    sent: int = 0
    unreachable: list[int] = field(default_factory=list)  # no address (or portal account) for this channel
    failed: list[int] = field(default_factory=list)  # the mail relay refused or was down: still un-notified


def subject_notices_send(actor: Any, breach: Breach, *, channel: str = "portal") -> NoticeRun:
    """Tell every not-yet-notified person what happened and which of *their* data was involved.

    `email` sends each person their notice (see `_send_by_email`); `portal` shows it on their "Mijn gegevens"
    page, so it reaches only people with an active citizen account; `letter`, `phone` and `in_person` record
    that staff told them that way. Whoever the channel cannot reach stays un-notified and is reported.
    """
    policy = active().policy
    require_manager(actor, "breach.notify_subjects", policy)
    missing = {name: ["Vul dit eerst in: zonder maatregelen gaat er geen bericht uit. / "
                      "Fill this in first: no notice goes out without measures."]
               for name in ("measures_taken", "measures_subject_can_take") if not getattr(breach, name).strip()}
    if missing:
        raise Invalid(missing)
    if channel not in NOTICE_CHANNELS:
        raise Invalid({"channel": [f"Kies uit / choose from: {', '.join(NOTICE_CHANNELS)}"]})
    if breach.status == Status.CLOSED:
        raise Conflict("Dit datalek is afgesloten. / This breach is closed.")
    if channel == "email":
        if settings.PRODUCTION and settings.EMAIL_BACKEND in PRINTING_BACKENDS:
            raise Conflict("Er is geen mailserver ingesteld (WAARBORG_EMAIL_BACKEND): niemand zou het bericht "
                           "ontvangen. / No mail relay is configured (WAARBORG_EMAIL_BACKEND): nobody would "
                           "receive the notice.")
        return _send_by_email(actor, breach, policy)
    return _record(actor, breach, policy, channel)


def _unreachable(actor: Any, breach: Breach, run: NoticeRun, people: dict[int, tuple[Any, str]]) -> None:
    """Inside the caller's transaction: who the channel cannot reach (row id -> subject id, reason code).

    The trail gets one entry with the count (each affected person can read the trail); the audit log gets
    one entry per person, with their subject and the reason.
    """
    if not people:
        return
    run.unreachable.extend(people)
    _trail(breach, actor, "subjects_unreachable", {"channel": run.channel, "count": len(people)})
    append_many([Entry(action="breach.subject_unreachable", actor=actor, subject=subject_id,
                       detail={"breach": str(breach.pk), "channel": run.channel, "reason": reason})
                 for subject_id, reason in people.values()])


def _record(actor: Any, breach: Breach, policy: Policy, channel: str) -> NoticeRun:
    """Portal, letter, phone, in person: the notice is stored, and is what the portal page shows."""
    run = NoticeRun(channel)
    now = timezone.now()
    with transaction.atomic():
        rows = list(breach.affected.select_for_update().filter(notified_at__isnull=True).order_by("id"))
        if channel == "portal":
            reachable = reach.in_portal(r.subject_id for r in rows)
            _unreachable(actor, breach, run, {r.pk: (r.subject_id, "no_portal_account") for r in rows
                                              if r.subject_id not in reachable})
            rows = [r for r in rows if r.subject_id in reachable]
        for row in rows:
            row.notice = {**notices.notice(breach, row, policy, now), "channel": channel}
            row.notified_at = now
            row.save(update_fields=["notice", "notified_at"])
            _trail(breach, actor, "subject_notified", {"categories": row.categories, "channel": channel},
                   subject=row.subject_id, at=now)
            run.sent += 1
        _mark_notified(breach, run, now)
    return run


def _send_by_email(actor: Any, breach: Breach, policy: Policy) -> NoticeRun:
    """One e-mail per person, each in its own short transaction.

    The person's row is locked, the mail handed to the relay, and only then is the row marked notified (with
    the moment it was sent). A refused or failed hand-over leaves the person un-notified and writes
    `subject_notice_failed` to the trail (the error's class name, never the address); a call at the same time
    waits for the lock and then skips the person. Should the database fail after the relay took the mail,
    the row stays un-notified and a later call sends again: told twice rather than never.
    """
    run = NoticeRun("email")
    everyone = list(breach.affected.values_list("subject_id", flat=True))
    found, shared = reach.by_email(policy, everyone)
    pending = list(breach.affected.filter(notified_at__isnull=True).order_by("id").values_list("pk", "subject_id"))
    with transaction.atomic():
        _unreachable(actor, breach, run, {row_id: (subject_id, "shared_address" if subject_id in shared else
                                                   "no_address")
                                          for row_id, subject_id in pending if subject_id not in found})
    pending = [(row_id, subject_id) for row_id, subject_id in pending if subject_id in found]
    if not pending:
        return run
    connection = get_connection()
    try:
        connection.open()
    except (smtplib.SMTPException, OSError) as exc:  # the relay is down: nobody is told, everyone is reported
        log.warning("breach %s: the mail relay is unavailable (%s)", breach.pk, type(exc).__name__)
        for row_id, subject_id in pending:
            with transaction.atomic():
                _failed(actor, breach, row_id, subject_id, type(exc).__name__, run)
        return run
    try:
        for row_id, subject_id in pending:
            _deliver(actor, breach, policy, row_id, found[subject_id], connection, run)
    finally:
        connection.close()
    if run.sent:
        with transaction.atomic():
            _mark_notified(breach, run, timezone.now())
    return run


def _deliver(actor: Any, breach: Breach, policy: Policy, row_id: int, address: reach.Address, connection: Any,
             run: NoticeRun) -> None:
    with transaction.atomic():
        row = AffectedSubject.objects.select_for_update().get(pk=row_id)
        if row.notified_at is not None:
            return  # told meanwhile, by a call running at the same time
        notice = {**notices.notice(breach, row, policy, timezone.now()), "channel": "email"}
        try:
            notices.message(notice, policy, address.email, connection).send(fail_silently=False)
        except (smtplib.SMTPException, OSError) as exc:
            connection.close()  # the next person gets a fresh connection
            _failed(actor, breach, row_id, row.subject_id, type(exc).__name__, run)
            return
        sent_at = timezone.now()
        row.notice, row.notified_at = {**notice, "sent_at": sent_at.isoformat()}, sent_at
        row.save(update_fields=["notice", "notified_at"])
        _trail(breach, actor, "subject_notified", {"categories": row.categories, "channel": "email",
                                                   "address": address.source}, subject=row.subject_id, at=sent_at)
        run.sent += 1


def _failed(actor: Any, breach: Breach, row_id: int, subject_id: Any, error: str, run: NoticeRun) -> None:
    log.warning("breach %s: a notice could not be delivered (%s)", breach.pk, error)  # never the address
    _trail(breach, actor, "subject_notice_failed", {"channel": "email", "error": error}, subject=subject_id)
    run.failed.append(row_id)


def _mark_notified(breach: Breach, run: NoticeRun, now: datetime) -> None:
    """Inside the caller's transaction: once anyone is told, the breach counts as notified."""
    if not run.sent:
        return
    breach.refresh_from_db(fields=["subjects_notified_at", "status"])
    breach.subjects_notified_at = breach.subjects_notified_at or now
    if breach.status in (Status.REPORTED, Status.ASSESSED):
        breach.status = Status.NOTIFIED
    breach.save(update_fields=["subjects_notified_at", "status"])


def breach_close(actor: Any, breach: Breach, *, reasoning: str = "") -> Breach:
    policy = active().policy
    require_manager(actor, "breach.close", policy)
    if breach.status == Status.CLOSED:
        raise Conflict("Dit datalek is al afgesloten. / This breach is already closed.")
    if not breach.risk:
        raise Conflict("Beoordeel het risico voordat u afsluit. / Assess the risk before closing.")
    if breach.risk != Risk.NONE and breach.authority_notified_at is None:
        raise Conflict("Meld het datalek eerst aan de Autoriteit Persoonsgegevens. / "
                       "Notify the Autoriteit Persoonsgegevens first.")
    must_notify = breach.risk == Risk.HIGH or (policy.breaches.notify_subjects == "always" and breach.risk != Risk.NONE)
    waiting = breach.affected.filter(notified_at__isnull=True).count()
    if must_notify and waiting:
        raise Conflict(f"Nog {waiting} betrokkene(n) niet geïnformeerd; bij hoog risico moet iedereen bericht "
                       f"krijgen. / {waiting} affected people not yet notified; a high-risk breach needs all.")
    now = timezone.now()
    with transaction.atomic():
        breach.status = Status.CLOSED
        breach.closed_at = now
        breach.save(update_fields=["status", "closed_at"])
        _trail(breach, actor, "close", {"reasoning_given": bool(reasoning)})
        if reasoning:
            BreachLogEntry.objects.create(breach=breach, at=now, actor=_actor_name(actor), event="close_reasoning",
                                          detail={"text": reasoning})
    return breach


def breach_note(actor: Any, breach: Breach, text: str) -> BreachLogEntry:
    """Add a free-text entry to the trail (phone calls, findings, decisions)."""
    policy = active().policy
    require_manager(actor, "breach.note", policy)
    with transaction.atomic():
        entry = BreachLogEntry.objects.create(breach=breach, at=timezone.now(), actor=_actor_name(actor),
                                              event="note", detail={"text": text})
        append(Entry(action="breach.note", actor=actor, detail={"breach": str(breach.pk)}))
    return entry
