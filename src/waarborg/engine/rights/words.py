"""Words for what a citizen reads in an answer letter or an export: never a field id, an action code or a
colleague's account, always what it means, in Dutch and English.

- A field: its label in the policy (`fields: {name: {label: ...}}`); without one, the usual word for the
  usual field names below; else the label of the field's category, which every policy has.
- An audit action (`record.create`): a phrase for the common ones, else built from its noun and verb.
- Who did it: the labels of the staff member's roles in the policy ("Consulent"), "een medewerker" when the
  roles are unknown, "uzelf" for the subject, "het systeem" for automatic steps. Never a username or an id.
"""

from __future__ import annotations

from typing import Any

from waarborg.engine.policy.schema import Policy

Words = dict[str, str]


def _w(nl: str, en: str) -> Words:
    return {"nl": nl, "en": en}


FIELD_WORDS: dict[str, tuple[str, str]] = {
    "name": ("Naam", "Name"), "client_name": ("Naam", "Name"), "email": ("E-mailadres", "E-mail address"),
    "phone": ("Telefoonnummer", "Phone number"), "address": ("Adres", "Address"), "postcode": ("Postcode", "Postcode"),
    "birth_date": ("Geboortedatum", "Date of birth"), "bsn": ("Burgerservicenummer (BSN)", "Citizen service number"),
    "iban": ("Bankrekeningnummer (IBAN)", "Bank account (IBAN)"), "account_holder": ("Tenaamstelling", "Account holder"),
    "amount": ("Bedrag", "Amount"), "edition": ("Ronde", "Edition"), "paid_on": ("Betaald op", "Paid on"),
    "status": ("Status", "Status"), "question": ("Vraag", "Question"), "message": ("Bericht", "Message"),
    "description": ("Omschrijving", "Description"), "counterparty": ("Tegenpartij", "Counterparty"),
    "relationship": ("Relatie", "Relationship"), "hours_per_week": ("Uren per week", "Hours per week"),
    "care_recipient_address": ("Adres van wie u verzorgt", "Address of the person you care for"),
    "care_situation": ("Zorgsituatie", "Care situation"), "invoice_date": ("Factuurdatum", "Invoice date"),
    "request": ("Hulpvraag", "Request for help"), "source": ("Bron", "Source"), "event": ("Bijeenkomst", "Event"),
    "attended": ("Aanwezig", "Attended"), "tip": ("Tip", "Tip"), "comment": ("Opmerking", "Comment"),
    "remarks": ("Opmerkingen", "Remarks"), "details": ("Toelichting", "Details"), "complaint": ("Klacht", "Complaint"),
    "response": ("Reactie", "Response"), "plan": ("Plan", "Plan"), "decision": ("Besluit", "Decision"),
    "situation": ("Situatie", "Situation"), "living_situation": ("Woonsituatie", "Living situation"),
    "household": ("Huishouden", "Household"), "income": ("Inkomen", "Income"), "finances": ("Financiën", "Finances"),
    "health": ("Gezondheid", "Health"), "education": ("Opleiding", "Education"),
    "work_history": ("Werkervaring", "Work history"), "availability": ("Beschikbaarheid", "Availability"),
    "appointment_at": ("Afspraak", "Appointment"), "document": ("Document", "Document"),
    "attachment": ("Bijlage", "Attachment"), "file": ("Bestand", "File"), "content": ("Inhoud", "Content"),
    "theme": ("Thema", "Theme"), "neighbourhood": ("Wijk", "Neighbourhood"), "location": ("Locatie", "Location"),
    "representative_name": ("Naam vertegenwoordiger", "Representative's name"),
    "representative_contact": ("Contact vertegenwoordiger", "Representative's contact"),
    "wlz_indication": ("Wlz-indicatie", "Wlz care indication"), "care_providers": ("Zorgaanbieders", "Care providers"),
    "medical_advice": ("Medisch advies", "Medical advice"), "arrangements": ("Afspraken", "Arrangements"),
    "received_on": ("Ontvangen op", "Received on"), "requested_at": ("Gevraagd op", "Requested at"),
    "username": ("Gebruikersnaam", "Username"), "information": ("Informatie", "Information"),
}

FACT_WORDS: dict[str, tuple[str, str]] = {
    "external_id": ("Uw nummer bij ons", "Your number with us"), "birth_date": ("Geboortedatum", "Date of birth"),
    "bsn": ("Burgerservicenummer (BSN)", "Citizen service number (BSN)"),
    "username": ("Gebruikersnaam", "Username"), "email": ("E-mailadres", "E-mail address"),
    "created_at": ("Aangemaakt op", "Created on"), "last_login": ("Laatst ingelogd", "Last logged in"),
    "active": ("Actief", "Active"),
}

REQUEST_WORDS: dict[str, tuple[str, str]] = {
    "access": ("inzage", "access"), "rectification": ("correctie", "rectification"),
    "erasure": ("verwijdering", "erasure"), "restriction": ("beperking", "restriction"),
    "objection": ("bezwaar", "objection"), "portability": ("overdraagbaarheid", "portability"),
    "withdraw_consent": ("intrekken van toestemming", "withdrawal of consent"),
    "disclosures": ("overzicht van verstrekkingen", "overview of disclosures"), "complaint": ("klacht", "complaint"),
}

REASON_WORDS: dict[str, tuple[str, str]] = {
    "agreed_work": ("afgesproken werkzaamheden", "agreed work"), "contract": ("uitvoering van een overeenkomst",
                                                                             "performance of a contract"),
    "legal_obligation": ("wettelijke verplichting", "legal obligation"),
    "authority_request": ("vordering van een bevoegde instantie", "request of a competent authority"),
    "public_task": ("taak van algemeen belang", "public task"), "public_interest": ("algemeen belang", "public interest"),
    "legitimate_interest": ("gerechtvaardigd belang", "legitimate interest"),
    "vital_interest": ("vitaal belang", "vital interest"), "consent": ("uw toestemming", "your consent"),
}

ACTIONS: dict[str, tuple[str, str]] = {
    "subject.create": ("U bent bij ons ingeschreven", "You were registered with us"),
    "account.create": ("Uw account is aangemaakt", "Your account was created"),
    "record.create": ("Gegevens vastgelegd", "Data recorded"), "record.read": ("Gegevens ingezien", "Data viewed"),
    "record.list": ("Overzicht van gegevens bekeken", "List of data viewed"),
    "record.update": ("Gegevens gewijzigd", "Data changed"), "record.delete": ("Gegevens verwijderd", "Data deleted"),
    "record.anonymise": ("Gegevens geanonimiseerd", "Data anonymised"),
    "consent.give": ("Toestemming gegeven", "Consent given"), "consent.withdraw": ("Toestemming ingetrokken",
                                                                                  "Consent withdrawn"),
    "consent.refuse": ("Toestemming geweigerd", "Consent refused"), "consent.verify": ("Toestemming gecontroleerd",
                                                                                      "Consent verified"),
    "disclosure.create": ("Gegevens verstrekt aan een ontvanger", "Data disclosed to a recipient"),
    "disclosure.list": ("Overzicht van verstrekkingen bekeken", "Overview of disclosures viewed"),
    "request.create": ("Uw verzoek is geregistreerd", "Your request was registered"),
    "request.verify": ("Uw identiteit is gecontroleerd", "Your identity was verified"),
    "request.review": ("Het antwoord op uw verzoek is voorbereid", "The answer to your request was prepared"),
    "request.deliver": ("Het antwoord is aan u verstuurd", "The answer was sent to you"),
    "request.close": ("Uw verzoek is afgesloten", "Your request was closed"),
    "request.reject": ("Uw verzoek is afgewezen", "Your request was refused"),
    "request.extend": ("De termijn van uw verzoek is verlengd", "The deadline of your request was extended"),
    "retention.event": ("Een gebeurtenis die de bewaartermijn bepaalt", "An event that sets the retention period"),
    "retention.hold": ("Gegevens bewaard zolang uw verzoek loopt", "Data kept while your request is handled"),
    "retention.hold_release": ("Bewaren voor uw verzoek beëindigd", "Keeping for your request ended"),
    "retention.extend": ("Bewaartermijn verlengd", "Retention period extended"),
    "notice.due": ("U moet worden geïnformeerd over gegevens van anderen",
                   "You are to be told about data from others"),
    "notice.sent": ("U bent geïnformeerd over gegevens van anderen", "You were told about data from others"),
    "restriction.set": ("Verwerking beperkt", "Processing restricted"), "restriction.lift": ("Beperking opgeheven",
                                                                                             "Restriction lifted"),
    "objection.record": ("Uw bezwaar is vastgelegd", "Your objection was recorded"),
    "portal.login": ("U logde in op het portaal", "You logged in to the portal"),
    "statement.add": ("Uw verklaring is toegevoegd", "Your statement was added"),
    "subject.assign": ("Uw dossier is aan een medewerker toegewezen", "Your file was assigned to a staff member"),
    "subject.unassign": ("Toewijzing van uw dossier beëindigd", "Assignment of your file ended"),
}
NOUNS: dict[str, tuple[str, str]] = {
    "record": ("gegevens", "data"), "consent": ("toestemming", "consent"), "request": ("verzoek", "request"),
    "disclosure": ("verstrekking", "disclosure"), "subject": ("uw inschrijving", "your registration"),
    "account": ("account", "account"), "retention": ("bewaartermijn", "retention"), "breach": ("datalek", "breach"),
    "decision": ("besluit", "decision"), "mailing": ("mailing", "mailing"), "recording": ("opname", "recording"),
    "securemail": ("beveiligde e-mail", "secure mail"), "ticket": ("vraag", "question"), "payout": ("uitbetaling",
                                                                                                    "payout"),
}
VERBS: dict[str, tuple[str, str]] = {
    "create": ("vastgelegd", "recorded"), "read": ("ingezien", "viewed"), "update": ("gewijzigd", "changed"),
    "delete": ("verwijderd", "deleted"), "list": ("bekeken", "viewed"), "send": ("verstuurd", "sent"),
    "erase": ("verwijderd", "erased"), "export": ("geëxporteerd", "exported"), "view": ("bekeken", "viewed"),
}
REFUSED = _w(" (geweigerd)", " (refused)")


def action_words(code: str, outcome: str = "") -> Words:
    """What was done, as a phrase; `.refused` (or a refused outcome) says so."""
    base = code.removesuffix(".refused")
    refused = base != code or outcome == "refused"
    if base in ACTIONS:
        nl, en = ACTIONS[base]
    else:
        noun, _, verb = base.partition(".")
        noun_nl, noun_en = NOUNS.get(noun, ("verwerking", "processing"))
        verb_nl, verb_en = VERBS.get(verb.split(".")[0], ("verwerkt", "processed"))
        nl, en = f"{noun_nl.capitalize()} {verb_nl}", f"{noun_en.capitalize()} {verb_en}"
    return _w(nl + (REFUSED["nl"] if refused else ""), en + (REFUSED["en"] if refused else ""))


def roles_words(policy: Policy, roles: str | list[str] | tuple[str, ...] | None, kind: str = "staff") -> Words:
    """Who did it, as a citizen may read it: role labels, never a colleague's account."""
    if kind in ("citizen", "subject"):
        return _w("uzelf", "you")
    names = [r for r in (roles.split(",") if isinstance(roles, str) else roles or ()) if r.strip()]
    labels = [policy.roles[r.strip()].label for r in names if r.strip() in policy.roles]
    if labels:
        return _w(", ".join(label.get("nl") for label in labels), ", ".join(label.get("en") for label in labels))
    if kind == "system" or names == ["system"]:
        return _w("het systeem (automatisch)", "the system (automatically)")
    if kind == "anonymous":
        return _w("via een formulier op de website", "through a form on the website")
    if kind == "service":
        return _w("een gekoppeld systeem", "a connected system")
    return _w("een medewerker", "a staff member")


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
        return _w(*FIELD_WORDS[name])
    if spec is not None and spec.category in policy.categories:
        label = policy.categories[spec.category].label
        return _w(label.get("nl"), label.get("en"))
    return _w(name.replace("_", " ").capitalize(), name.replace("_", " ").capitalize())


def fact_label(key: str) -> Words:
    nl, en = FACT_WORDS.get(key, (key.replace("_", " ").capitalize(),) * 2)
    return _w(nl, en)


def category_label(policy: Policy, category: str) -> Words:
    if category in policy.categories:
        label = policy.categories[category].label
        return _w(label.get("nl"), label.get("en"))
    return _w(category.replace("_", " "), category.replace("_", " "))


def code_words(table: dict[str, tuple[str, str]], code: str) -> Words:
    nl, en = table.get(code, (code.replace("_", " "),) * 2)
    return _w(nl, en)
