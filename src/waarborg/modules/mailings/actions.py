"""The mailing action layer: `mailing_send` and `unsubscribe`. The only writer of `Mailing`.

Sending: check the actor may process the purpose (the vault's gates), the message type is allowed for
the purpose, and no special category or BSN is used; select; then send one message per recipient over
one connection of Django's mail backend (SMTP in production). Mail cannot be rolled back, so the
mailing row and its audit entry are written first, the deliveries are audited after sending: one
entry per recipient (pseudonym and outcome, never the address) and one summary with counts.
"""

from __future__ import annotations

import logging
import smtplib
from collections import Counter
from typing import Any
from urllib.parse import urljoin

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape, linebreaks
from django.utils.translation import gettext, gettext_lazy, pgettext

from waarborg.core.errors import Invalid
from waarborg.core.language import dutch, in_language, joined
from waarborg.engine.audit.log import Entry, append, append_many
from waarborg.engine.audit.refusals import refused
from waarborg.engine.consent import objections, state
from waarborg.engine.consent.actions import consent_withdraw
from waarborg.engine.policy.active import current
from waarborg.engine.vault.access import check
from waarborg.engine.vault.models import Subject
from waarborg.modules.mailings import kinds
from waarborg.modules.mailings.models import Mailing
from waarborg.modules.mailings.recipients import (
    PLACEHOLDER,
    Recipient,
    check_fields,
    forbidden_fields,
    select,
    used_fields,
)
from waarborg.modules.mailings.tokens import unsubscribe_token

log = logging.getLogger(__name__)

UNSUBSCRIBE_ACTOR = "system:unsubscribe_link"


def _fill(text: str, recipient: Recipient, *, html: bool = False) -> str:
    def value(match: Any) -> str:
        found = recipient.values.get(f"{match.group(1)}.{match.group(2)}")
        shown = "" if found is None else str(found)
        return escape(shown) if html else shown

    return PLACEHOLDER.sub(value, text)


def _message(mailing: Mailing, recipient: Recipient, base_url: str, connection: Any) -> EmailMultiAlternatives:
    text = _fill(mailing.body, recipient)
    html = _fill(mailing.html, recipient, html=True) if mailing.html else linebreaks(escape(text))
    headers = {}
    if mailing.message_type in kinds.BULK:
        link = urljoin(base_url, reverse("unsubscribe", args=[unsubscribe_token(recipient.subject_id,
                                                                                 mailing.purpose)]))
        languages = current().languages
        unsubscribe = joined(lambda: gettext("Afmelden"), languages)
        link_text = dutch(gettext_lazy("Afmelden voor deze berichten"))
        text += f"\n\n--\n{unsubscribe}: {link}\n"
        html += f'<hr><p><a href="{escape(link)}">{escape(link_text)}</a>'
        for lang in (lang for lang in languages if lang != "nl"):  # the other languages, after the Dutch link
            other = in_language(lang, lambda: pgettext("the second language of a mail's unsubscribe link", "afmelden"))
            html += f' (<span lang="{lang}">{escape(other)}</span>)'
        html += "</p>"
        headers = {"List-Unsubscribe": f"<{link}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}
    message = EmailMultiAlternatives(subject=_fill(mailing.title, recipient), body=text,
                                     from_email=settings.DEFAULT_FROM_EMAIL, to=[recipient.address],
                                     headers=headers, connection=connection)
    message.attach_alternative(html, "text/html")
    return message


def mailing_send(actor: Any, *, purpose: str, message_type: str, title: str, body: str, html: str = "",
                 filters: dict[str, Any] | None = None, subjects: list[str] | None = None,
                 base_url: str | None = None) -> Mailing:
    policy = current()
    check(actor, "read", purpose)  # the vault's gates: a known purpose, and a role that processes it
    if message_type not in kinds.MESSAGE_TYPES:
        raise Invalid({"message_type": [f"kies uit {', '.join(kinds.MESSAGE_TYPES)}"]})
    filters = filters or {}
    fields = used_fields([title, body, html], filters)
    if forbidden_fields(policy, fields):
        raise refused(actor, "mailing.send", "special_category_forbidden",
                      "een mailing gebruikt nooit bijzondere persoonsgegevens of het BSN / mailings never use "
                      "special categories", purpose=purpose)
    if message_type not in kinds.allowed(policy, purpose):
        raise refused(actor, "mailing.send", "message_type_not_allowed",
                      f"adressen voor {purpose} zijn niet verzameld voor '{message_type}' / addresses collected "
                      f"for {purpose} may only get: {', '.join(kinds.allowed(policy, purpose)) or 'nothing'}",
                      purpose=purpose)
    foreign = check_fields(policy, purpose, fields)
    if foreign:
        raise refused(actor, "mailing.send", "purpose_mismatch",
                      f"{', '.join(foreign)} is verzameld voor een ander doel dan {purpose} / collected for another "
                     "purpose", purpose=purpose)
    chosen = select(actor, policy, purpose, fields=fields, filters=filters, only=subjects)
    excluded = dict(Counter(chosen.excluded.values()))
    _refuse_named(actor, purpose, subjects, chosen.excluded)
    with transaction.atomic():
        mailing = Mailing.objects.create(purpose=purpose, message_type=message_type, title=title[:200], body=body,
                                         html=html, created_by=actor if getattr(actor, "pk", None) else None,
                                         created_at=timezone.now(), excluded=excluded)
        append(Entry(action="mailing.prepare", actor=actor, purpose=purpose,
                     detail={"mailing": str(mailing.pk), "message_type": message_type,
                             "recipients": len(chosen.recipients), "excluded": excluded}))
    outcomes = _deliver(mailing, chosen.recipients, base_url or settings.WAARBORG_PUBLIC_URL)  # one host in every link
    with transaction.atomic():
        mailing.sent_at = timezone.now()
        mailing.sent = sum(1 for ok in outcomes.values() if ok)
        mailing.failed = len(outcomes) - mailing.sent
        mailing.save(update_fields=["sent_at", "sent", "failed"])
        append_many([Entry(action="mailing.deliver", actor=actor, purpose=purpose, subject=subject_id,
                           outcome="ok" if ok else "error",
                           detail={"mailing": str(mailing.pk), "message_type": message_type})
                     for subject_id, ok in outcomes.items()]
                    + [Entry(action="mailing.send", actor=actor, purpose=purpose,
                             detail={"mailing": str(mailing.pk), "message_type": message_type, "sent": mailing.sent,
                                     "failed": mailing.failed, "excluded": excluded})])
    return mailing


# Why a named person may not get this mailing (the consent register's reasons, as the gates give them).
LEFT_OUT = {
    "restricted": "de verwerking is beperkt (geblokkeerd) / processing is restricted",
    "objected": "er is bezwaar gemaakt / the person objected",
    "no_active_consent": "er is geen actieve toestemming / there is no active consent",
    "opted_out": "de persoon wil geen informatie over diensten / the person opted out",
}


def _refuse_named(actor: Any, purpose: str, named: list[str] | None, left_out: dict[str, str]) -> None:
    """A mailing to people named one by one is refused whole when one of them may not get it (403, one
    refused audit entry per person, the first reason answered); a selection skips such people instead."""
    forced = [(s, left_out[s]) for s in dict.fromkeys(named or []) if s in left_out]
    if not forced:
        return
    refusals = [refused(actor, "mailing.send", reason, f"{LEFT_OUT.get(reason, reason)} ({len(forced)} van de "
                        f"genoemde personen / of the people named)", purpose=purpose, subject=subject_id)
                for subject_id, reason in forced]
    raise refusals[0]


def _deliver(mailing: Mailing, recipients: list[Recipient], base_url: str) -> dict[str, bool]:
    """subject id -> delivered. One failing address does not stop the others."""
    outcomes: dict[str, bool] = {}
    if not recipients:
        return outcomes
    with get_connection() as connection:
        for recipient in recipients:
            try:
                outcomes[recipient.subject_id] = bool(
                    _message(mailing, recipient, base_url, connection).send(fail_silently=False))
            except (smtplib.SMTPException, OSError):
                log.warning("mailing %s: one delivery failed", mailing.pk)  # never the address
                outcomes[recipient.subject_id] = False
    return outcomes


def unsubscribe(subject_id: str, purpose: str, *, channel: str = "unsubscribe_link") -> dict[str, Any]:
    """Stop the purpose for this subject the way its basis allows: withdraw consent, else opt out or object."""
    policy = current()
    spec = policy.purposes.get(purpose)
    subject = Subject.objects.filter(pk=subject_id, erased_at__isnull=True).first()
    done: dict[str, Any] = {"withdrawn": 0, "opted_out": False, "objected": False}
    if spec is None or subject is None:
        return done  # nothing (left) to stop; the page says the same either way
    with transaction.atomic():
        for consent in state.active_consents(purpose).filter(subject=subject):
            consent_withdraw(UNSUBSCRIBE_ACTOR, consent, channel=channel)
            done["withdrawn"] += 1
        if spec.service_information and not state.optouts(purpose).filter(subject=subject).exists():
            objections.optout_set(UNSUBSCRIBE_ACTOR, subject=subject, purpose=purpose, channel=channel)
            done["opted_out"] = True
        elif (not done["withdrawn"] and state.objectable(spec)
              and not state.objections(purpose).filter(subject=subject).exists()):
            objections.objection_record(UNSUBSCRIBE_ACTOR, subject=subject, purpose=purpose, channel=channel)
            done["objected"] = True
        append(Entry(action="mailing.unsubscribe", actor=UNSUBSCRIBE_ACTOR, purpose=purpose, subject=subject,
                     detail={"channel": channel, **done}))
    return done
