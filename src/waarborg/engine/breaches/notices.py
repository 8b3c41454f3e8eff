"""What a person is told about a breach (AVG art. 34; S4-19, S4-20, S4-24), and the e-mail that carries it.

The notice is a snapshot kept on the person's `AffectedSubject` row, "as sent": what happened, which of
*their* data categories, the possible consequences, the measures taken, the measures they can take, whom to
contact, and the Autoriteit Persoonsgegevens. The e-mail, the portal page and a letter show the same fields,
Dutch first, then English. Texts staff typed (description, measures) appear as typed, in both halves.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.utils.html import escape, linebreaks

from waarborg.engine.breaches.models import AffectedSubject, Breach, Kind
from waarborg.engine.policy.schema import Policy

CHANNELS = ("portal", "email", "letter", "phone", "in_person")

KIND_EN = {
    Kind.MISADDRESSED_EMAIL: "E-mail to the wrong recipient",
    Kind.MISADDRESSED_LETTER: "Letter to the wrong address",
    Kind.WEBSITE_OVEREXPOSURE: "Too much information on a website",
    Kind.LOST_FILE: "Lost file, document or data carrier",
    Kind.UNAUTHORISED_ACCESS: "Unauthorised access",
    Kind.STOLEN_DEVICE: "Stolen device",
    Kind.MALWARE: "Malware or hack",
    Kind.OTHER: "Other",
}


def notice(breach: Breach, row: AffectedSubject, policy: Policy, now: datetime) -> dict[str, Any]:
    """The notice for one person: only *their* categories, never anyone else's."""
    org = policy.organisation
    return {
        "breach": str(breach.pk),
        "sent_at": now.isoformat(),
        "organisation": org.name,
        "what_happened": breach.description,
        "kind": breach.kind,
        "kind_label": Kind(breach.kind).label,
        "kind_label_en": KIND_EN.get(Kind(breach.kind), breach.kind),
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


def subject_line(notice: dict[str, Any]) -> str:
    org = notice.get("organisation", "")
    return f"Datalek bij {org}: uw gegevens / Data breach at {org}: your data"


def _section(title: str, text: str) -> list[str]:
    return [title, text.strip(), ""] if text and text.strip() else []


def _half(notice: dict[str, Any], lang: str) -> list[str]:
    nl = lang == "nl"
    org = notice.get("organisation", "")
    data = "\n".join(f"- {d['label'] if nl else d['label_en']}" for d in notice["your_data"])
    kind = notice["kind_label"] if nl else notice["kind_label_en"]
    contact = notice.get("contact") or org
    authority = f"{notice['authority']} ({notice['authority_url']})" if notice.get("authority_url") \
        else notice["authority"]
    if nl:
        return [
            "Beste heer, mevrouw,", "",
            f"Bij {org} is een datalek geweest (een inbreuk op de beveiliging van persoonsgegevens). Daarbij "
            "waren ook gegevens van u betrokken. Hieronder leest u wat er is gebeurd, wat wij hebben gedaan en "
            "wat u zelf kunt doen.", "",
            *_section("Wat er is gebeurd", f"{kind}:\n{notice['what_happened']}"),
            *_section("Welke gegevens van u", data),
            *_section("Mogelijke gevolgen", notice.get("consequences", "")),
            *_section("Wat wij hebben gedaan", notice["measures_taken"]),
            *_section("Wat u zelf kunt doen", notice["measures_you_can_take"]),
            *_section("Vragen", f"Neem contact op met {contact}."),
            *_section("Klacht", f"U kunt een klacht indienen bij de {authority}."),
            "Met vriendelijke groet,", org,
        ]
    return [
        "Dear Sir or Madam,", "",
        f"{org} had a data breach (a breach of the security of personal data), and data of yours was involved. "
        "Below you can read what happened, what we did and what you can do yourself.", "",
        *_section("What happened", f"{kind}:\n{notice['what_happened']}"),
        *_section("Which of your data", data),
        *_section("Possible consequences", notice.get("consequences", "")),
        *_section("What we did", notice["measures_taken"]),
        *_section("What you can do yourself", notice["measures_you_can_take"]),
        *_section("Questions", f"Contact {contact}."),
        *_section("Complaints", f"You can lodge a complaint with the {authority}."),
        "Kind regards,", org,
    ]


def text(notice: dict[str, Any]) -> str:
    """The plain-text notice: Dutch, then English."""
    return "\n".join([*_half(notice, "nl"), "", "-- English --", "", *_half(notice, "en")]) + "\n"


def html(notice: dict[str, Any]) -> str:
    """The HTML alternative: the same words, each half marked with its language."""
    halves = []
    for lang in ("nl", "en"):
        paragraphs = linebreaks(escape("\n".join(_half(notice, lang))))
        halves.append(f'<div lang="{lang}">{paragraphs}</div>')
    return "<hr>".join(halves)


def message(notice: dict[str, Any], policy: Policy, to: str, connection: Any) -> EmailMultiAlternatives:
    """One e-mail to one person; replies go to the privacy contact."""
    body = text(notice)
    reply_to = [policy.organisation.privacy_contact.email] if policy.organisation.privacy_contact.email else []
    mail = EmailMultiAlternatives(subject=subject_line(notice), body=body, from_email=settings.DEFAULT_FROM_EMAIL,
                                  to=[to], reply_to=reply_to, connection=connection,
                                  headers={"Auto-Submitted": "auto-generated"})
    mail.attach_alternative(html(notice), "text/html")
    return mail
