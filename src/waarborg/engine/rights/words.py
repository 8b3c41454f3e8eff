"""Words for what a citizen reads in an answer letter or an export: never a field id, an action code or a
colleague's account, always what it means, in Dutch and English (`{"nl": ..., "en": ...}`, the same gettext
texts made once per language: docs/i18n.md).

- A field: its label in the policy (`fields: {name: {label: ...}}`); without one, the usual word for the
  usual field names below; else the label of the field's category, which every policy has.
- An audit action (`record.create`): a phrase for the common ones, else built from its noun and verb.
- Who did it: the labels of the staff member's roles in the policy ("Consulent"), "een medewerker" when the
  roles are unknown, "uzelf" for the subject, "het systeem" for automatic steps. Never a username or an id.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import pgettext, pgettext_lazy

from waarborg.core.language import each_language, words
from waarborg.engine.policy.schema import Policy

Words = dict[str, str]


def _w(nl: str, en: str) -> Words:
    return {"nl": nl, "en": en}


FIELD_WORDS: dict[str, Any] = {
    "name": pgettext_lazy("field", "Naam"),
    "client_name": pgettext_lazy("field", "Naam"),
    "email": pgettext_lazy("field", "E-mailadres"),
    "phone": pgettext_lazy("field", "Telefoonnummer"),
    "address": pgettext_lazy("field", "Adres"),
    "postcode": pgettext_lazy("field", "Postcode"),
    "birth_date": pgettext_lazy("field", "Geboortedatum"),
    "bsn": pgettext_lazy("field", "Burgerservicenummer (BSN)"),
    "iban": pgettext_lazy("field", "Bankrekeningnummer (IBAN)"),
    "account_holder": pgettext_lazy("field", "Tenaamstelling"),
    "amount": pgettext_lazy("field", "Bedrag"),
    "edition": pgettext_lazy("field", "Ronde"),
    "paid_on": pgettext_lazy("field", "Betaald op"),
    "status": pgettext_lazy("field", "Status"),
    "question": pgettext_lazy("field", "Vraag"),
    "message": pgettext_lazy("field", "Bericht"),
    "description": pgettext_lazy("field", "Omschrijving"),
    "counterparty": pgettext_lazy("field", "Tegenpartij"),
    "relationship": pgettext_lazy("field", "Relatie"),
    "hours_per_week": pgettext_lazy("field", "Uren per week"),
    "care_recipient_address": pgettext_lazy("field", "Adres van wie u verzorgt"),
    "care_situation": pgettext_lazy("field", "Zorgsituatie"),
    "invoice_date": pgettext_lazy("field", "Factuurdatum"),
    "request": pgettext_lazy("field", "Hulpvraag"),
    "source": pgettext_lazy("field", "Bron"),
    "event": pgettext_lazy("field", "Bijeenkomst"),
    "attended": pgettext_lazy("field", "Aanwezig"),
    "tip": pgettext_lazy("field", "Tip"),
    "comment": pgettext_lazy("field", "Opmerking"),
    "remarks": pgettext_lazy("field", "Opmerkingen"),
    "details": pgettext_lazy("field", "Toelichting"),
    "complaint": pgettext_lazy("field", "Klacht"),
    "response": pgettext_lazy("field", "Reactie"),
    "plan": pgettext_lazy("field", "Plan"),
    "decision": pgettext_lazy("field", "Besluit"),
    "situation": pgettext_lazy("field", "Situatie"),
    "living_situation": pgettext_lazy("field", "Woonsituatie"),
    "household": pgettext_lazy("field", "Huishouden"),
    "income": pgettext_lazy("field", "Inkomen"),
    "finances": pgettext_lazy("field", "Financiën"),
    "health": pgettext_lazy("field", "Gezondheid"),
    "education": pgettext_lazy("field", "Opleiding"),
    "work_history": pgettext_lazy("field", "Werkervaring"),
    "availability": pgettext_lazy("field", "Beschikbaarheid"),
    "appointment_at": pgettext_lazy("field", "Afspraak"),
    "document": pgettext_lazy("field", "Document"),
    "attachment": pgettext_lazy("field", "Bijlage"),
    "file": pgettext_lazy("field", "Bestand"),
    "content": pgettext_lazy("field", "Inhoud"),
    "theme": pgettext_lazy("field", "Thema"),
    "neighbourhood": pgettext_lazy("field", "Wijk"),
    "location": pgettext_lazy("field", "Locatie"),
    "representative_name": pgettext_lazy("field", "Naam vertegenwoordiger"),
    "representative_contact": pgettext_lazy("field", "Contact vertegenwoordiger"),
    "wlz_indication": pgettext_lazy("field", "Wlz-indicatie"),
    "care_providers": pgettext_lazy("field", "Zorgaanbieders"),
    "medical_advice": pgettext_lazy("field", "Medisch advies"),
    "arrangements": pgettext_lazy("field", "Afspraken"),
    "received_on": pgettext_lazy("field", "Ontvangen op"),
    "requested_at": pgettext_lazy("field", "Gevraagd op"),
    "username": pgettext_lazy("field", "Gebruikersnaam"),
    "information": pgettext_lazy("field", "Informatie"),
}

FACT_WORDS: dict[str, Any] = {
    "external_id": pgettext_lazy("fact about the data subject", "Uw nummer bij ons"),
    "birth_date": pgettext_lazy("fact about the data subject", "Geboortedatum"),
    "bsn": pgettext_lazy("fact about the data subject", "Burgerservicenummer (BSN)"),
    "username": pgettext_lazy("fact about the data subject", "Gebruikersnaam"),
    "email": pgettext_lazy("fact about the data subject", "E-mailadres"),
    "created_at": pgettext_lazy("fact about the data subject", "Aangemaakt op"),
    "last_login": pgettext_lazy("fact about the data subject", "Laatst ingelogd"),
    "active": pgettext_lazy("fact about the data subject", "Actief"),
}

REQUEST_WORDS: dict[str, Any] = {
    "access": pgettext_lazy("request type in a sentence", "inzage"),
    "rectification": pgettext_lazy("request type in a sentence", "correctie"),
    "erasure": pgettext_lazy("request type in a sentence", "verwijdering"),
    "restriction": pgettext_lazy("request type in a sentence", "beperking"),
    "objection": pgettext_lazy("request type in a sentence", "bezwaar"),
    "portability": pgettext_lazy("request type in a sentence", "overdraagbaarheid"),
    "withdraw_consent": pgettext_lazy("request type in a sentence", "intrekken van toestemming"),
    "disclosures": pgettext_lazy("request type in a sentence", "overzicht van verstrekkingen"),
    "complaint": pgettext_lazy("request type in a sentence", "klacht"),
}

REASON_WORDS: dict[str, Any] = {
    "agreed_work": pgettext_lazy("disclosure reason", "afgesproken werkzaamheden"),
    "contract": pgettext_lazy("disclosure reason", "uitvoering van een overeenkomst"),
    "legal_obligation": pgettext_lazy("disclosure reason", "wettelijke verplichting"),
    "authority_request": pgettext_lazy("disclosure reason", "vordering van een bevoegde instantie"),
    "public_task": pgettext_lazy("disclosure reason", "taak van algemeen belang"),
    "public_interest": pgettext_lazy("disclosure reason", "algemeen belang"),
    "legitimate_interest": pgettext_lazy("disclosure reason", "gerechtvaardigd belang"),
    "vital_interest": pgettext_lazy("disclosure reason", "vitaal belang"),
    "consent": pgettext_lazy("disclosure reason", "uw toestemming"),
}

ACTIONS: dict[str, Any] = {
    "subject.create": pgettext_lazy("processing history", "U bent bij ons ingeschreven"),
    "account.create": pgettext_lazy("processing history", "Uw account is aangemaakt"),
    "record.create": pgettext_lazy("processing history", "Gegevens vastgelegd"),
    "record.read": pgettext_lazy("processing history", "Gegevens ingezien"),
    "record.list": pgettext_lazy("processing history", "Overzicht van gegevens bekeken"),
    "record.update": pgettext_lazy("processing history", "Gegevens gewijzigd"),
    "record.delete": pgettext_lazy("processing history", "Gegevens verwijderd"),
    "record.anonymise": pgettext_lazy("processing history", "Gegevens geanonimiseerd"),
    "consent.give": pgettext_lazy("processing history", "Toestemming gegeven"),
    "consent.withdraw": pgettext_lazy("processing history", "Toestemming ingetrokken"),
    "consent.refuse": pgettext_lazy("processing history", "Toestemming geweigerd"),
    "consent.verify": pgettext_lazy("processing history", "Toestemming gecontroleerd"),
    "disclosure.create": pgettext_lazy("processing history", "Gegevens verstrekt aan een ontvanger"),
    "disclosure.list": pgettext_lazy("processing history", "Overzicht van verstrekkingen bekeken"),
    "request.create": pgettext_lazy("processing history", "Uw verzoek is geregistreerd"),
    "request.verify": pgettext_lazy("processing history", "Uw identiteit is gecontroleerd"),
    "request.review": pgettext_lazy("processing history", "Het antwoord op uw verzoek is voorbereid"),
    "request.deliver": pgettext_lazy("processing history", "Het antwoord is aan u verstuurd"),
    "request.close": pgettext_lazy("processing history", "Uw verzoek is afgesloten"),
    "request.reject": pgettext_lazy("processing history", "Uw verzoek is afgewezen"),
    "request.extend": pgettext_lazy("processing history", "De termijn van uw verzoek is verlengd"),
    "retention.event": pgettext_lazy("processing history", "Een gebeurtenis die de bewaartermijn bepaalt"),
    "retention.hold": pgettext_lazy("processing history", "Gegevens bewaard zolang uw verzoek loopt"),
    "retention.hold_release": pgettext_lazy("processing history", "Bewaren voor uw verzoek beëindigd"),
    "retention.extend": pgettext_lazy("processing history", "Bewaartermijn verlengd"),
    "notice.due": pgettext_lazy("processing history", "U moet worden geïnformeerd over gegevens van anderen"),
    "notice.sent": pgettext_lazy("processing history", "U bent geïnformeerd over gegevens van anderen"),
    "restriction.set": pgettext_lazy("processing history", "Verwerking beperkt"),
    "restriction.lift": pgettext_lazy("processing history", "Beperking opgeheven"),
    "objection.record": pgettext_lazy("processing history", "Uw bezwaar is vastgelegd"),
    "portal.login": pgettext_lazy("processing history", "U logde in op het portaal"),
    "statement.add": pgettext_lazy("processing history", "Uw verklaring is toegevoegd"),
    "subject.assign": pgettext_lazy("processing history", "Uw dossier is aan een medewerker toegewezen"),
    "subject.unassign": pgettext_lazy("processing history", "Toewijzing van uw dossier beëindigd"),
}

NOUNS: dict[str, Any] = {
    "record": pgettext_lazy("processing history noun", "gegevens"),
    "consent": pgettext_lazy("processing history noun", "toestemming"),
    "request": pgettext_lazy("processing history noun", "verzoek"),
    "disclosure": pgettext_lazy("processing history noun", "verstrekking"),
    "subject": pgettext_lazy("processing history noun", "uw inschrijving"),
    "account": pgettext_lazy("processing history noun", "account"),
    "retention": pgettext_lazy("processing history noun", "bewaartermijn"),
    "breach": pgettext_lazy("processing history noun", "datalek"),
    "decision": pgettext_lazy("processing history noun", "besluit"),
    "mailing": pgettext_lazy("processing history noun", "mailing"),
    "recording": pgettext_lazy("processing history noun", "opname"),
    "securemail": pgettext_lazy("processing history noun", "beveiligde e-mail"),
    "ticket": pgettext_lazy("processing history noun", "vraag"),
    "payout": pgettext_lazy("processing history noun", "uitbetaling"),
}

VERBS: dict[str, Any] = {
    "create": pgettext_lazy("processing history verb", "vastgelegd"),
    "read": pgettext_lazy("processing history verb", "ingezien"),
    "update": pgettext_lazy("processing history verb", "gewijzigd"),
    "delete": pgettext_lazy("processing history verb", "verwijderd"),
    "list": pgettext_lazy("processing history verb", "bekeken"),
    "send": pgettext_lazy("processing history verb", "verstuurd"),
    "erase": pgettext_lazy("processing history verb (erasure)", "verwijderd"),
    "export": pgettext_lazy("processing history verb", "geëxporteerd"),
    "view": pgettext_lazy("processing history verb", "bekeken"),
}


def action_words(code: str, outcome: str = "") -> Words:
    """What was done, as a phrase; `.refused` (or a refused outcome) says so."""
    base = code.removesuffix(".refused")
    refused = base != code or outcome == "refused"

    def phrase() -> str:
        if base in ACTIONS:
            text = str(ACTIONS[base])
        else:
            noun, _, verb = base.partition(".")
            noun_words = str(NOUNS.get(noun, pgettext("processing history", "verwerking")))
            verb_words = str(VERBS.get(verb.split(".")[0], pgettext("processing history", "verwerkt")))
            text = pgettext("processing history", "%(noun)s %(verb)s") % {"noun": noun_words.capitalize(),
                                                                         "verb": verb_words}
        return text + (pgettext("processing history", " (geweigerd)") if refused else "")

    return each_language(phrase)


def roles_words(policy: Policy, roles: str | list[str] | tuple[str, ...] | None, kind: str = "staff") -> Words:
    """Who did it, as a citizen may read it: role labels, never a colleague's account."""
    if kind in ("citizen", "subject"):
        return words(pgettext_lazy("processing history", "uzelf"))
    names = [r for r in (roles.split(",") if isinstance(roles, str) else roles or ()) if r.strip()]
    labels = [policy.roles[r.strip()].label for r in names if r.strip() in policy.roles]
    if labels:
        return _w(", ".join(label.get("nl") for label in labels), ", ".join(label.get("en") for label in labels))
    if kind == "system" or names == ["system"]:
        return words(pgettext_lazy("processing history", "het systeem (automatisch)"))
    if kind == "anonymous":
        return words(pgettext_lazy("processing history", "via een formulier op de website"))
    if kind == "service":
        return words(pgettext_lazy("processing history", "een gekoppeld systeem"))
    return words(pgettext_lazy("processing history", "een medewerker"))


def user_words(policy: Policy, user: Any) -> Words | None:
    """A staff member or citizen account as a citizen may read it (None for no one)."""
    if user is None:
        return None
    kind = str(getattr(user, "kind", "staff"))
    return roles_words(policy, list(getattr(user, "roles", None) or ()), kind)


def field_label(policy: Policy, record_type: str, name: str) -> Words:
    rt = policy.record_types.get(record_type)
    spec = rt.fields.get(name) if rt else None
    if spec is not None and spec.label is not None:
        return _w(spec.label.get("nl"), spec.label.get("en"))
    if name in FIELD_WORDS:
        return words(FIELD_WORDS[name])
    if spec is not None and spec.category in policy.categories:
        label = policy.categories[spec.category].label
        return _w(label.get("nl"), label.get("en"))
    return _w(name.replace("_", " ").capitalize(), name.replace("_", " ").capitalize())


def fact_label(key: str) -> Words:
    if key in FACT_WORDS:
        return words(FACT_WORDS[key])
    return _w(key.replace("_", " ").capitalize(), key.replace("_", " ").capitalize())


def category_label(policy: Policy, category: str) -> Words:
    if category in policy.categories:
        label = policy.categories[category].label
        return _w(label.get("nl"), label.get("en"))
    return _w(category.replace("_", " "), category.replace("_", " "))


def code_words(table: dict[str, Any], code: str) -> Words:
    if code in table:
        return words(table[code])
    return _w(code.replace("_", " "), code.replace("_", " "))
