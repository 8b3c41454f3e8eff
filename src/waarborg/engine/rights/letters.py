"""Answer texts, Dutch first, English second. Every answer names the right to complain to the
supervisory authority with its address (S0-41, S1-28, S2-30, S3-29): it is added here, in one
place, so no answer can leave it out."""

from __future__ import annotations

from typing import Any

from waarborg.engine.policy.schema import Policy

DEFAULT_BODY: dict[str, tuple[str, str]] = {
    "access": ("Hierbij ontvangt u het overzicht van de persoonsgegevens die wij van u verwerken.",
               "Please find enclosed the overview of the personal data we process about you."),
    "disclosures": ("Hierbij ontvangt u het overzicht van aan wie wij uw gegevens hebben verstrekt.",
                    "Please find enclosed the overview of to whom we disclosed your data."),
    "portability": ("Hierbij ontvangt u de gegevens die u ons heeft verstrekt, in een computerbestand.",
                    "Please find enclosed the data you provided to us, as a computer file."),
    "rectification": ("Wij hebben uw gegevens gecorrigeerd zoals u vroeg.",
                      "We corrected your data as you asked."),
    "completion": ("Wij hebben uw verklaring aan uw gegevens toegevoegd.",
                   "We added your statement to your data."),
    "erasure": ("Wij hebben uw gegevens verwijderd, behalve wat wij wettelijk moeten bewaren.",
                "We erased your data, except what the law requires us to keep."),
    "restriction": ("Wij hebben de verwerking van uw gegevens beperkt.", "We restricted the processing of your data."),
    "objection": ("Wij hebben uw bezwaar behandeld.", "We handled your objection."),
    "withdraw_consent": ("Wij hebben uw toestemming ingetrokken.", "We withdrew your consent."),
    "complaint": ("Wij hebben uw klacht behandeld.", "We handled your complaint."),
}


def complaint_right(policy: Policy) -> dict[str, str]:
    org = policy.organisation
    ap = org.authority
    contact = org.privacy_contact.email
    return {
        "nl": (f"Bent u het niet eens met onze reactie? U heeft altijd het recht een klacht in te dienen bij de "
               f"{ap.name}: {ap.url} ({ap.complaint_url})."
               + (f" Vragen over privacy kunt u stellen via {contact}." if contact else "")),
        "en": (f"If you disagree with our answer, you always have the right to lodge a complaint with the "
               f"{ap.name} (Dutch Data Protection Authority): {ap.url} ({ap.complaint_url})."
               + (f" Privacy questions can be sent to {contact}." if contact else "")),
    }


def compose(policy: Policy, nl: str, en: str) -> dict[str, str]:
    right = complaint_right(policy)
    return {"nl": f"{nl.strip()}\n\n{right['nl']}", "en": f"{(en or nl).strip()}\n\n{right['en']}"}


def for_type(policy: Policy, type: str, nl: str = "", en: str = "") -> dict[str, str]:
    default_nl, default_en = DEFAULT_BODY.get(type, ("", ""))
    return compose(policy, nl or default_nl, en or default_en)


def erasure_body(kept: list[dict[str, Any]], anonymised: list[dict[str, Any]]) -> tuple[str, str]:
    nl = [DEFAULT_BODY["erasure"][0]]
    en = [DEFAULT_BODY["erasure"][1]]
    if kept:
        nl.append("Bewaard op grond van een wettelijke plicht, en vanaf nu afgeschermd: wij gebruiken deze gegevens "
                  "alleen nog daarvoor.")
        en.append("Kept because the law requires it, and restricted from now on: we use this data for that "
                  "purpose only.")
        for item in kept:
            nl.append(f"- {item['label']['nl']}: {item['ground']}. Bewaard: {item['until_words']['nl']}")
            en.append(f"- {item['label']['en']}: {item['ground']}. Kept: {item['until_words']['en']}")
    if anonymised:
        nl.append("Zonder verwijzing naar u (geanonimiseerd) bewaard voor onze verantwoording:")
        en.append("Kept without any link to you (anonymised) for our accountability:")
        for item in anonymised:
            nl.append(f"- {item['label']['nl']}: {', '.join(item['kept_fields']) or '-'}")
            en.append(f"- {item['label']['en']}: {', '.join(item['kept_fields']) or '-'}")
    if not kept and not anonymised:
        nl.append("Er is niets van u bewaard gebleven.")
        en.append("Nothing about you was kept.")
    return "\n".join(nl), "\n".join(en)
