"""Telling the people involved in a breach (AVG art. 34; S3-21, S4-19, S4-20): the notify step.

- `email` sends each person their notice: one mail, one short transaction. The person's row is locked, the
  mail handed to the relay, and only then is the row marked notified, with the moment it was sent. A refused
  or failed hand-over leaves the person un-notified and writes `subject_notice_failed` to the trail (the
  error's class name, never the address). A call running at the same time waits for the lock and then skips
  the person. Should the database fail after the relay took the mail, the row stays un-notified and a later
  call sends again: told twice rather than never.
- `portal` shows the notice on the person's "Mijn gegevens" page, so it reaches only people with an active
  citizen account; `letter`, `phone` and `in_person` record that staff told them that way.

Whoever the channel cannot reach (`reach`) stays un-notified and is reported back by `AffectedSubject` id, so
staff can use another channel; a high-risk breach cannot close until everyone is told.
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

from waarborg.core.errors import Conflict, Invalid
from waarborg.engine.audit.log import Entry, append_many
from waarborg.engine.breaches import actions, notices, reach, trail
from waarborg.engine.breaches.models import AffectedSubject, Breach, Status
from waarborg.engine.policy.active import active
from waarborg.engine.policy.schema import Policy

log = logging.getLogger(__name__)

# Backends that accept a mail without delivering it: fine while developing, a false "told" in production.
PRINTING_BACKENDS = ("django.core.mail.backends.console.EmailBackend", "django.core.mail.backends.dummy.EmailBackend")


@dataclass
class NoticeRun:
    """What one call to `tell` (`actions.subject_notices_send`) did. Ids are `AffectedSubject` ids, never addresses."""

    channel: str
    sent: int = 0
    unreachable: list[int] = field(default_factory=list)  # no address (or portal account) for this channel
    failed: list[int] = field(default_factory=list)  # the mail relay refused or was down: still un-notified

    def shortfall(self) -> str:
        """Who this channel did not reach, in words for staff ("" when it reached everyone)."""
        left = len(self.unreachable) + len(self.failed)
        if not left:
            return ""
        return (f"{left} betrokkene(n) niet bereikt via {self.channel}; gebruik een ander kanaal (brief, telefoon). / "
                f"{left} affected people not reached by {self.channel}; use another channel (letter, phone).")


def tell(actor: Any, breach: Breach, *, channel: str = "portal") -> NoticeRun:
    """Tell every not-yet-notified person what happened and which of *their* data was involved."""
    policy = active().policy
    actions.require_manager(actor, "breach.notify_subjects", policy)
    missing = {name: ["Vul dit eerst in: zonder maatregelen gaat er geen bericht uit. / "
                      "Fill this in first: no notice goes out without measures."]
               for name in ("measures_taken", "measures_subject_can_take") if not getattr(breach, name).strip()}
    if missing:
        raise Invalid(missing)
    if channel not in notices.CHANNELS:
        raise Invalid({"channel": [f"Kies uit / choose from: {', '.join(notices.CHANNELS)}"]})
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
    trail.write(breach, actor, "subjects_unreachable", {"channel": run.channel, "count": len(people)})
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
            trail.write(breach, actor, "subject_notified", {"categories": row.categories, "channel": channel},
                        subject=row.subject_id, at=now)
            run.sent += 1
        _mark_notified(breach, run, now)
    return run


def _send_by_email(actor: Any, breach: Breach, policy: Policy) -> NoticeRun:
    """One e-mail per person, each in its own short transaction (see the module's docstring)."""
    run = NoticeRun("email")
    everyone = list(breach.affected.values_list("subject_id", flat=True))
    found, shared = reach.by_email(actor, policy, everyone)
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
        except (smtplib.SMTPException, OSError, ValueError) as exc:  # ValueError: an address the relay can't take
            connection.close()  # the next person gets a fresh connection
            _failed(actor, breach, row_id, row.subject_id, type(exc).__name__, run)
            return
        sent_at = timezone.now()
        row.notice, row.notified_at = {**notice, "sent_at": sent_at.isoformat()}, sent_at
        row.save(update_fields=["notice", "notified_at"])
        trail.write(breach, actor, "subject_notified", {"categories": row.categories, "channel": "email",
                                                        "address_from": address.source},
                    subject=row.subject_id, at=sent_at)
        run.sent += 1
        if run.sent == 1:  # with the first person told, not after the last: a crash midway keeps it right
            _mark_notified(breach, run, sent_at)


def _failed(actor: Any, breach: Breach, row_id: int, subject_id: Any, error: str, run: NoticeRun) -> None:
    log.warning("breach %s: a notice could not be delivered (%s)", breach.pk, error)  # never the address
    trail.write(breach, actor, "subject_notice_failed", {"channel": "email", "error": error}, subject=subject_id)
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
