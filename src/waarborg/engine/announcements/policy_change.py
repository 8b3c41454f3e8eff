"""The notice of a coming privacy statement, mailed when a version is scheduled ahead.

Who: every person not erased who has an e-mail address: the address of their citizen-portal account, or else
the newest e-mail field of a record they gave us themselves (the same rules as a breach notice, `breaches.reach`;
each record opened for it is a `record.read` by `system:policy-notice`). Unlike a breach notice the mail holds no
personal data, so an address two people share gets one mail. What: the version, the date it takes effect, the
organisation's summary of the change (the history entry of the coming version, else `statement.changes`) and the
link to the coming statement on /privacy/, saying "je" or "u" as the coming statement does (`statement.address`).

Each mail is sent on its own; a refused address or a relay that is down is counted and reported, never retried
here (the operator sees the count). The audit log gets one `policy.notice_sent` entry per person told, and one
`policy.announce` entry with the counts; never an address.
"""

from __future__ import annotations

import logging
import smtplib
from dataclasses import dataclass, field
from datetime import datetime
from functools import partial
from typing import Any

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.utils import timezone
from django.utils.html import escape, linebreaks
from django.utils.translation import gettext

from waarborg.core.language import LANGUAGES, in_language, joined
from waarborg.engine.audit.log import Entry, append, append_many
from waarborg.engine.breaches import reach
from waarborg.engine.citizens.accounts import public_url
from waarborg.engine.policy.render.words import date_words
from waarborg.engine.policy.schema import Policy
from waarborg.engine.vault.models import Subject

log = logging.getLogger(__name__)
ACTOR = "system:policy-notice"


@dataclass
class Announcement:
    """What one announcement did: counts only, never an address."""

    people: int = 0  # people with an address
    sent: int = 0  # mails accepted by the relay (one per distinct address)
    failed: int = 0
    unreachable: int = 0  # people without any address
    told: list[Any] = field(default_factory=list)  # subject ids


def announce(current: Policy, coming: Policy, number: int, effective_at: datetime) -> Announcement:
    """Mail everyone `current` can reach about version `number` of the statement, in force from `effective_at`."""
    result = Announcement()
    subjects = list(Subject.objects.filter(erased_at__isnull=True).values_list("pk", flat=True))
    found = reach.addresses(ACTOR, current, subjects, via="policy.notice")
    result.people, result.unreachable = len(found), len(subjects) - len(found)
    by_address: dict[str, list[Any]] = {}
    for subject_id, address in found.items():
        by_address.setdefault(address.email.strip().lower(), []).append(subject_id)
    notice = _notice(coming, number, effective_at)
    if by_address:
        _send_all(coming, notice, by_address, result)
    append(action="policy.announce", actor=ACTOR, policy_version=number,
           detail={"version": number, "effective_at": effective_at.isoformat(), "people": result.people,
                   "sent": result.sent, "failed": result.failed, "unreachable": result.unreachable})
    return result


def _send_all(coming: Policy, notice: dict[str, str], by_address: dict[str, list[Any]], result: Announcement) -> None:
    connection = get_connection()
    try:
        connection.open()
    except (smtplib.SMTPException, OSError) as exc:
        log.warning("policy notice: the mail relay is unavailable (%s)", type(exc).__name__)
        result.failed = len(by_address)
        return
    try:
        for address, subject_ids in by_address.items():
            try:
                message(coming, notice, address, connection).send(fail_silently=False)
            except (smtplib.SMTPException, OSError, ValueError) as exc:
                log.warning("policy notice: a notice could not be delivered (%s)", type(exc).__name__)
                connection.close()  # the next address gets a fresh connection
                result.failed += 1
                continue
            result.sent += 1
            result.told.extend(subject_ids)
            append_many([Entry(action="policy.notice_sent", actor=ACTOR, subject=s,
                               detail={"version": notice["number"], "effective": notice["effective"]})
                         for s in subject_ids])
    finally:
        connection.close()


def _notice(coming: Policy, number: int, effective_at: datetime) -> dict[str, str]:
    st = coming.statement
    entry = next((h for h in st.history if h.version == st.version and h.summary), None)
    day = timezone.localtime(effective_at).date()
    return {
        "number": str(number),
        "address": coming.statement.address,  # "je" or "u": the organisation's choice (`statement.address`)
        "effective": day.isoformat(),
        "organisation": coming.organisation.name,
        "version": st.version,
        # The path of the coming version on the public site (audiences/site/privacy/urls.py).
        "url": f"{public_url().rstrip('/')}/privacy/versions/{number}/",
        "summary_nl": entry.summary.get("nl") if entry and entry.summary else (st.changes.get("nl") if st.changes else ""),
        "summary_en": entry.summary.get("en") if entry and entry.summary else (st.changes.get("en") if st.changes else ""),
    }


def _half(notice: dict[str, str], lang: str) -> list[str]:
    day = date_words(datetime.fromisoformat(notice["effective"]).date(), lang)
    summary = notice["summary_en" if lang == "en" else "summary_nl"]
    # The organisation says "je" or "u" to its readers, here as in its statement; English has "you" either way.
    if notice.get("address", "u") == "je":
        dear = gettext("Beste lezer,")
        read = gettext("Je leest de nieuwe versie hier: %(url)s")
        why = gettext("Je krijgt dit bericht omdat wij gegevens van je hebben. Je hoeft niets te doen.")
    else:
        dear = gettext("Beste heer, mevrouw,")
        read = gettext("U leest de nieuwe versie hier: %(url)s")
        why = gettext("U krijgt dit bericht omdat wij gegevens van u hebben. U hoeft niets te doen.")
    return [
        dear, "",
        gettext("Op %(date)s gaat een nieuwe versie van de privacyverklaring van %(organisation)s in (versie "
                "%(version)s). Tot die datum geldt de huidige versie.") % {
            "date": day, "organisation": notice["organisation"], "version": notice["version"]}, "",
        *([summary, ""] if summary else []),
        read % {"url": notice["url"]}, "",
        why, "",
        gettext("Met vriendelijke groet,"), notice["organisation"],
    ]


def _half_in(notice: dict[str, str], lang: str) -> list[str]:
    return in_language(lang, partial(_half, notice, lang))


def _languages(policy: Policy) -> list[str]:
    return [lang for lang in LANGUAGES if lang in policy.languages] or [LANGUAGES[0]]


def text(policy: Policy, notice: dict[str, str]) -> str:
    names = dict(settings.LANGUAGES)
    lines: list[str] = []
    for lang in _languages(policy):
        if lines:
            lines += ["", f"-- {names[lang]} --", ""]
        lines += _half_in(notice, lang)
    return "\n".join(lines) + "\n"


def message(policy: Policy, notice: dict[str, str], to: str, connection: Any) -> EmailMultiAlternatives:
    subject = joined(lambda: gettext("Nieuwe privacyverklaring van %(organisation)s vanaf %(date)s") % {
        "organisation": notice["organisation"], "date": notice["effective"]}, policy.languages)
    reply_to = [policy.organisation.privacy_contact.email] if policy.organisation.privacy_contact.email else []
    mail = EmailMultiAlternatives(subject=subject, body=text(policy, notice), from_email=settings.DEFAULT_FROM_EMAIL,
                                  to=[to], reply_to=reply_to, connection=connection,
                                  headers={"Auto-Submitted": "auto-generated"})
    halves = [f'<div lang="{lang}">{linebreaks(escape(chr(10).join(_half_in(notice, lang))))}</div>'
              for lang in _languages(policy)]
    mail.attach_alternative("<hr>".join(halves), "text/html")
    return mail
