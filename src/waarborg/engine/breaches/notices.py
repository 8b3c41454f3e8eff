"""What a person is told about a breach (AVG art. 34; S4-19, S4-20, S4-24), and the e-mail that carries it.

The notice is a snapshot kept on the person's `AffectedSubject` row, "as sent": what happened, which of
*their* data categories, the possible consequences, the measures taken, the measures they can take, whom to
contact, and the Autoriteit Persoonsgegevens. The e-mail, the portal page and a letter show the same fields,
Dutch first, then English. Texts staff typed (description, measures) appear as typed, in both halves.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.utils.html import escape, linebreaks
from django.utils.translation import get_language, gettext, pgettext

from waarborg.core.language import LANGUAGES, in_language, joined, words
from waarborg.engine.breaches.models import AffectedSubject, Breach, Kind
from waarborg.engine.policy.schema import Policy

CHANNELS = ("portal", "email", "letter", "phone", "in_person")

def notice(breach: Breach, row: AffectedSubject, policy: Policy, now: datetime) -> dict[str, Any]:
    """The notice for one person: only *their* categories, never anyone else's."""
    org = policy.organisation
    kind = words(Kind(breach.kind).label)
    return {
        "breach": str(breach.pk),
        "sent_at": now.isoformat(),
        "organisation": org.name,
        "what_happened": breach.description,
        "kind": breach.kind,
        "kind_label": kind["nl"],
        "kind_label_en": kind["en"],
        "your_data": [{"category": c, "label": policy.categories[c].label.nl if c in policy.categories else c,
                       "label_en": policy.categories[c].label.get("en") if c in policy.categories else c}
                      for c in row.categories],
        "consequences": breach.consequences,
        "measures_taken": breach.measures_taken,
        "measures_you_can_take": breach.measures_subject_can_take,
        "contact": org.privacy_contact.email or org.privacy_contact.phone,
        "authority": org.authority.name,
        "authority_url": org.authority.complaint_url,
    }


def subject_line(notice: dict[str, Any], languages: Iterable[str] = LANGUAGES) -> str:
    org = notice.get("organisation", "")
    return joined(lambda: gettext("Datalek bij %(organisation)s: uw gegevens") % {"organisation": org}, languages)


def _section(title: str, text: str) -> list[str]:
    return [title, text.strip(), ""] if text and text.strip() else []


def _half(notice: dict[str, Any]) -> list[str]:
    """The notice in the active language: the platform's words translated, what staff typed as typed."""
    english = get_language() == "en"
    org = notice.get("organisation", "")
    data = "\n".join(f"- {d['label_en'] if english else d['label']}" for d in notice["your_data"])
    kind = notice["kind_label_en"] if english else notice["kind_label"]
    contact = notice.get("contact") or org
    authority = f"{notice['authority']} ({notice['authority_url']})" if notice.get("authority_url") \
        else notice["authority"]
    return [
        gettext("Beste heer, mevrouw,"), "",
        gettext("Bij %(organisation)s is een datalek geweest (een inbreuk op de beveiliging van persoonsgegevens). "
                "Daarbij waren ook gegevens van u betrokken. Hieronder leest u wat er is gebeurd, wat wij hebben "
                "gedaan en wat u zelf kunt doen.") % {"organisation": org}, "",
        *_section(gettext("Wat er is gebeurd"), f"{kind}:\n{notice['what_happened']}"),
        *_section(gettext("Welke gegevens van u"), data),
        *_section(gettext("Mogelijke gevolgen"), notice.get("consequences", "")),
        *_section(gettext("Wat wij hebben gedaan"), notice["measures_taken"]),
        *_section(gettext("Wat u zelf kunt doen"), notice["measures_you_can_take"]),
        *_section(pgettext("breach notice", "Vragen"), gettext("Neem contact op met %(contact)s.") % {
            "contact": contact}),
        *_section(pgettext("breach notice", "Klacht"), gettext("U kunt een klacht indienen bij de %(authority)s.") % {
            "authority": authority}),
        gettext("Met vriendelijke groet,"), org,
    ]


def _languages(languages: Iterable[str]) -> list[str]:
    wanted = set(languages)
    return [lang for lang in LANGUAGES if lang in wanted] or [LANGUAGES[0]]


def text(notice: dict[str, Any], languages: Iterable[str] = LANGUAGES) -> str:
    """The plain-text notice: Dutch, then English (the policy's languages), each half headed by its name."""
    names = dict(settings.LANGUAGES)
    lines: list[str] = []
    for lang in _languages(languages):
        if lines:
            lines += ["", f"-- {names[lang]} --", ""]
        lines += in_language(lang, lambda: _half(notice))
    return "\n".join(lines) + "\n"


def html(notice: dict[str, Any], languages: Iterable[str] = LANGUAGES) -> str:
    """The HTML alternative: the same words, each half marked with its language."""
    halves = []
    for lang in _languages(languages):
        paragraphs = linebreaks(escape("\n".join(in_language(lang, lambda: _half(notice)))))
        halves.append(f'<div lang="{lang}">{paragraphs}</div>')
    return "<hr>".join(halves)


def message(notice: dict[str, Any], policy: Policy, to: str, connection: Any) -> EmailMultiAlternatives:
    """One e-mail to one person; replies go to the privacy contact."""
    body = text(notice, policy.languages)
    reply_to = [policy.organisation.privacy_contact.email] if policy.organisation.privacy_contact.email else []
    mail = EmailMultiAlternatives(subject=subject_line(notice, policy.languages), body=body, from_email=settings.DEFAULT_FROM_EMAIL,
                                  to=[to], reply_to=reply_to, connection=connection,
                                  headers={"Auto-Submitted": "auto-generated"})
    mail.attach_alternative(html(notice, policy.languages), "text/html")
    return mail
