"""Alerts before and after the AP deadline (S3-20), meant for a scheduler (`waarborg breaches alerts`).

Each open breach without an AP notification raises one `warning` alert once it enters the
`warn_before` window and one `overdue` alert once the deadline passed. An alert is a trail entry
(so it is raised once, however often the job runs), an audit entry and a mail to the privacy
contact. Running the job late is harmless: it raises what is due now.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from functools import partial

from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext, pgettext

from waarborg.core.language import joined
from waarborg.engine.audit.log import Entry, append
from waarborg.engine.breaches import clock
from waarborg.engine.breaches.models import Breach, BreachLogEntry, Status
from waarborg.engine.policy.active import current

ACTOR = "system:breach-alerts"


@dataclass(frozen=True)
class Alert:
    breach: Breach
    state: str  # warning | overdue


def _recipient() -> str:
    policy = current()
    return policy.breaches.report_to or policy.organisation.privacy_contact.email


def due_alerts(now: datetime | None = None) -> list[Alert]:
    policy = current()
    now = now or timezone.now()
    open_breaches = Breach.objects.exclude(status=Status.CLOSED).filter(authority_notified_at__isnull=True)
    alerts = []
    for breach in open_breaches.order_by("authority_due_at"):
        state = clock.state(breach, policy, now)
        if state in ("warning", "overdue") and not breach.trail.filter(event=f"alert_{state}").exists():
            alerts.append(Alert(breach, state))
    return alerts


def _subject(alert: Alert) -> str:
    due = date_format(timezone.localtime(alert.breach.authority_due_at),
                      pgettext("date and time in a mail", "d-m-Y H:i"))
    if alert.state == "warning":
        return gettext("Datalek %(reference)s: melding aan de AP uiterlijk %(due)s") % {
            "reference": alert.breach.pk, "due": due}
    return gettext("Datalek %(reference)s: de meldtermijn van de AP is verstreken (%(due)s)") % {
        "reference": alert.breach.pk, "due": due}


def _body(alert: Alert) -> str:
    return _subject(alert) + "\n\n" + gettext("Leg de melding vast in het datalekkenregister.")


def raise_alerts(now: datetime | None = None, *, dry_run: bool = False) -> list[Alert]:
    now = now or timezone.now()
    alerts = due_alerts(now)
    if dry_run:
        return alerts
    to = _recipient()
    for alert in alerts:
        breach = alert.breach
        with transaction.atomic():
            BreachLogEntry.objects.create(breach=breach, at=now, actor=ACTOR, event=f"alert_{alert.state}",
                                          detail={"authority_due_at": breach.authority_due_at.isoformat(), "to": to})
            append(Entry(action=f"breach.alert_{alert.state}", actor=ACTOR,
                         detail={"breach": str(breach.pk), "authority_due_at": breach.authority_due_at.isoformat()}))
        if to:
            languages = current().languages
            send_mail(joined(partial(_subject, alert), languages), joined(partial(_body, alert), languages, "\n\n"),
                      None, [to])
    return alerts
