"""Answer texts, through gettext (docs/i18n.md): an answer is stored and shown in Dutch and English, so each
text is made once per language (`core.language.each_language`). Every answer names the right to complain to
the supervisory authority with its address (S0-41, S1-28, S2-30, S3-29): it is added here, in one place, so
no answer can leave it out."""

from __future__ import annotations

from typing import Any

from django.utils.functional import Promise
from django.utils.translation import get_language, gettext, pgettext_lazy

from waarborg.core.language import each_language, words
from waarborg.engine.policy.schema import Policy

DEFAULT_BODY: dict[str, Promise] = {
    "access": pgettext_lazy(
        "answer letter", "Hierbij ontvangt u het overzicht van de persoonsgegevens die wij van u verwerken."),
    "disclosures": pgettext_lazy(
        "answer letter", "Hierbij ontvangt u het overzicht van aan wie wij uw gegevens hebben verstrekt."),
    "portability": pgettext_lazy(
        "answer letter", "Hierbij ontvangt u de gegevens die u ons heeft verstrekt, in een computerbestand."),
    "rectification": pgettext_lazy("answer letter", "Wij hebben uw gegevens gecorrigeerd zoals u vroeg."),
    "completion": pgettext_lazy("answer letter", "Wij hebben uw verklaring aan uw gegevens toegevoegd."),
    "erasure": pgettext_lazy(
        "answer letter", "Wij hebben uw gegevens verwijderd, behalve wat wij wettelijk moeten bewaren."),
    "restriction": pgettext_lazy("answer letter", "Wij hebben de verwerking van uw gegevens beperkt."),
    "objection": pgettext_lazy("answer letter", "Wij hebben uw bezwaar behandeld."),
    "withdraw_consent": pgettext_lazy("answer letter", "Wij hebben uw toestemming ingetrokken."),
    "complaint": pgettext_lazy("answer letter", "Wij hebben uw klacht behandeld."),
}


def default_body(type: str) -> tuple[str, str]:
    """The template's opening sentence for this kind of request, (Dutch, English); ("", "") when there is none."""
    text = DEFAULT_BODY.get(type)
    if text is None:
        return "", ""
    both = words(text)
    return both["nl"], both["en"]


def complaint_right(policy: Policy) -> dict[str, str]:
    org = policy.organisation
    ap = org.authority
    contact = org.privacy_contact.email

    def sentence() -> str:
        text = gettext("Bent u het niet eens met onze reactie? U heeft altijd het recht een klacht in te dienen bij "
                       "de %(authority)s: %(url)s (%(complaint_url)s).") % {
            "authority": ap.name, "url": ap.url, "complaint_url": ap.complaint_url}
        if contact:
            text += " " + gettext("Vragen over privacy kunt u stellen via %(contact)s.") % {"contact": contact}
        return text

    return each_language(sentence)


def compose(policy: Policy, nl: str, en: str) -> dict[str, str]:
    right = complaint_right(policy)
    return {"nl": f"{nl.strip()}\n\n{right['nl']}", "en": f"{(en or nl).strip()}\n\n{right['en']}"}


def for_type(policy: Policy, type: str, nl: str = "", en: str = "") -> dict[str, str]:
    default_nl, default_en = default_body(type)
    return compose(policy, nl or default_nl, en or default_en)


def erasure_body(kept: list[dict[str, Any]], anonymised: list[dict[str, Any]]) -> tuple[str, str]:
    def body() -> str:
        lang = get_language()
        lines = [str(DEFAULT_BODY["erasure"])]
        if kept:
            lines.append(gettext("Bewaard op grond van een wettelijke plicht, en vanaf nu afgeschermd: wij gebruiken "
                                 "deze gegevens alleen nog daarvoor."))
            for item in kept:
                lines.append(gettext("- %(label)s: %(ground)s. Bewaard: %(until)s") % {
                    "label": item["label"][lang], "ground": item["ground"], "until": item["until_words"][lang]})
        if anonymised:
            lines.append(gettext("Zonder verwijzing naar u (geanonimiseerd) bewaard voor onze verantwoording:"))
            for item in anonymised:
                lines.append(f"- {item['label'][lang]}: {', '.join(item['kept_fields']) or '-'}")
        if not kept and not anonymised:
            lines.append(gettext("Er is niets van u bewaard gebleven."))
        return "\n".join(lines)

    both = each_language(body)
    return both["nl"], both["en"]
