"""The fixed wording of generated documents (statement, register), through gettext (docs/i18n.md).

Everything the policy author does not write (headings, legal phrases, the names of legal bases, rights,
sources...) lives here, so a wording change is one edit; the Dutch text is the msgid and its English is in
locale/en. Every text is lazy: it is read under the statement's language (`render_statement` activates it).
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import pgettext_lazy

TEXTS: dict[str, Any] = {
    "title": pgettext_lazy("privacy statement", "Privacyverklaring"),
    "intro": pgettext_lazy(
        "privacy statement",
        "In deze privacyverklaring lees je hoe %(org)s met je gegevens omgaat. Welke gegevens "
        "gebruiken wij, waarvoor en hoe lang? Met wie delen wij ze? En welke rechten heb je?",
    ),
    "services": pgettext_lazy("privacy statement", "Onze diensten"),
    "law": pgettext_lazy(
        "privacy statement",
        "Wij houden ons aan de Algemene verordening gegevensbescherming (AVG). De Autoriteit "
        "Persoonsgegevens (AP) ziet erop toe dat deze wet wordt nageleefd.",
    ),
    "controller": pgettext_lazy("privacy statement", "Wie is verantwoordelijk?"),
    "controller_text": pgettext_lazy(
        "privacy statement",
        "%(org)s is verantwoordelijk voor wat in deze verklaring met je gegevens gebeurt (de "
        "verwerkingsverantwoordelijke).",
    ),
    "kvk": pgettext_lazy("privacy statement", "KvK-nummer"),
    "contact": pgettext_lazy("privacy statement", "Contact over privacy"),
    "dpo": pgettext_lazy("privacy statement", "Functionaris gegevensbescherming"),
    "dpo_text": pgettext_lazy(
        "privacy statement",
        "Wij hebben een functionaris gegevensbescherming (FG) aangesteld. De FG let erop dat wij "
        "goed met je gegevens omgaan.",
    ),
    "purposes": pgettext_lazy("privacy statement", "Waarvoor gebruiken wij je gegevens?"),
    "basis": pgettext_lazy("privacy statement", "Grondslag"),
    "special_basis": pgettext_lazy("privacy statement", "Bijzondere persoonsgegevens"),
    "special_text": pgettext_lazy(
        "privacy statement",
        "Wij verwerken bijzondere persoonsgegevens alleen op grond van %(cond)s",
    ),
    "categories": pgettext_lazy("privacy statement", "Welke gegevens"),
    "no_categories": pgettext_lazy("privacy statement", "Geen gegevens die tot jou te herleiden zijn."),
    "special_mark": pgettext_lazy("privacy statement", "bijzonder persoonsgegeven"),
    "bsn_mark": pgettext_lazy("privacy statement", "BSN"),
    "criminal_mark": pgettext_lazy("privacy statement", "strafrechtelijk gegeven"),
    "public_mark": pgettext_lazy("privacy statement", "openbaar"),
    "sources": pgettext_lazy("privacy statement", "Van wie wij de gegevens krijgen"),
    "required": pgettext_lazy("privacy statement", "Moet je deze gegevens geven?"),
    "not_required": pgettext_lazy(
        "privacy statement",
        "Je bent niet verplicht deze gegevens te geven; zonder die gegevens kunnen wij dit alleen "
        "niet voor je doen.",
    ),
    "minors_checked": pgettext_lazy(
        "privacy statement",
        "Ben je jonger dan %(age)s jaar? Dan tekent ook je ouder of voogd voor toestemming. Wij "
        "controleren of die handtekening echt is.",
    ),
    "minors_unchecked": pgettext_lazy(
        "privacy statement",
        "Ben je jonger dan %(age)s jaar? Dan heb je toestemming nodig van je ouder of voogd. Wij "
        "kunnen niet controleren hoe oud je bent. Ouders raden wij aan mee te kijken met wat hun "
        "kinderen online doen.",
    ),
    "data_subjects": pgettext_lazy("privacy statement", "Over wie"),
    "marketing_special": pgettext_lazy("privacy statement", "Bijzondere persoonsgegevens gebruiken wij nooit voor marketing."),
    "statistics_never_shared": pgettext_lazy("privacy statement", "Deze gegevens geven wij nooit aan derden."),
    "automated": pgettext_lazy("privacy statement", "Geautomatiseerde besluiten"),
    "automated_text": pgettext_lazy(
        "privacy statement",
        "Een computer neemt nooit alleen een besluit over je dat grote gevolgen voor je heeft "
        "(art. 22 AVG).",
    ),
    "no_profiling": pgettext_lazy("privacy statement", "Wij maken geen profielen van mensen."),
    "profiling_text": pgettext_lazy(
        "privacy statement",
        "Bij %(purposes)s maken wij wel profielen (profilering). Hoe dat gaat, staat bij dat doel.",
    ),
    "commitments": pgettext_lazy("privacy statement", "Onze afspraken met jou"),
    "objection": pgettext_lazy("privacy statement", "Bezwaar maken"),
    "objection_text": pgettext_lazy(
        "privacy statement",
        "Voor %(purposes)s gebruiken wij je gegevens zonder je toestemming, voor een taak van "
        "algemeen belang of een gerechtvaardigd belang. Daartegen mag je altijd bezwaar maken, om "
        "redenen die met je eigen situatie te maken hebben (art. 21 AVG). Wij stoppen dan, tenzij "
        "wij dwingende redenen hebben die zwaarder wegen.",
    ),
    "objection_marketing": pgettext_lazy(
        "privacy statement",
        "Tegen het gebruik van je gegevens voor reclame mag je altijd bezwaar maken. Wij stoppen "
        "dan meteen.",
    ),
    "human_text": pgettext_lazy("privacy statement", "Bij %(purposes)s beslist altijd een medewerker."),
    "retention": pgettext_lazy("privacy statement", "Hoe lang bewaren wij je gegevens?"),
    "retention_intro": pgettext_lazy(
        "privacy statement",
        "Wij bewaren je gegevens niet langer dan nodig is, of dan de wet zegt.",
    ),
    "record_type": pgettext_lazy("privacy statement", "Gegevens"),
    "period": pgettext_lazy("privacy statement", "Bewaartermijn"),
    "why": pgettext_lazy("privacy statement", "Waarom"),
    "recipients": pgettext_lazy("privacy statement", "Met wie delen wij je gegevens?"),
    "no_recipients": pgettext_lazy("privacy statement", "Wij delen je gegevens met niemand."),
    "recipient_kind": pgettext_lazy("privacy statement", "Soort ontvanger"),
    "recipient_for": pgettext_lazy("privacy statement", "Voor"),
    "recipient_data": pgettext_lazy("privacy statement", "Welke gegevens"),
    "recipient_when": pgettext_lazy("privacy statement", "Wanneer"),
    "agreement": pgettext_lazy("privacy statement", "Afspraken"),
    "agreement_text": pgettext_lazy("privacy statement", "Met deze ontvanger hebben wij een %(kind)s (%(reference)s)."),
    "outside_eea": pgettext_lazy(
        "privacy statement",
        "Deze ontvanger zit buiten de Europese Economische Ruimte (%(country)s); waarborgen: "
        "%(safeguards)s.",
    ),
    "inside_eea": pgettext_lazy(
        "privacy statement",
        "Je gegevens gaan niet naar landen buiten Europa (de Europese Economische Ruimte).",
    ),
    "processors_text": pgettext_lazy(
        "privacy statement",
        "Een verwerker werkt alleen voor ons. Wij maken daar afspraken over in een "
        "verwerkersovereenkomst. Wij blijven zelf verantwoordelijk.",
    ),
    "rights": pgettext_lazy("privacy statement", "Je rechten"),
    "rights_how": pgettext_lazy("privacy statement", "Zo dien je een verzoek in"),
    "response_text": pgettext_lazy(
        "privacy statement",
        "Wij reageren binnen %(period)s op je verzoek. Is je verzoek ingewikkeld? Dan kunnen wij "
        "die tijd met hoogstens %(extension)s verlengen. Dat laten wij je dan binnen %(period)s "
        "weten.",
    ),
    "channels_text": pgettext_lazy("privacy statement", "Je kunt een verzoek sturen via %(channels)s."),
    "identity_text": pgettext_lazy(
        "privacy statement",
        "Wij controleren of het verzoek echt van jou komt. Dat kan met %(methods)s.",
    ),
    "redaction_text": pgettext_lazy("privacy statement", "Maak op de kopie van je identiteitsbewijs zwart: %(items)s."),
    "others_text": pgettext_lazy("privacy statement", "Je kunt alleen je eigen gegevens inzien, niet die van anderen."),
    "complaint": pgettext_lazy("privacy statement", "Klacht indienen"),
    "complaint_text": pgettext_lazy(
        "privacy statement",
        "Heb je een klacht over hoe wij met je gegevens omgaan? Laat het ons weten. Dan zoeken wij "
        "samen een oplossing. Je mag ook een klacht indienen bij de %(authority)s:",
    ),
    "security": pgettext_lazy("privacy statement", "Beveiliging"),
    "breaches": pgettext_lazy("privacy statement", "Datalekken"),
    "breach_text": pgettext_lazy(
        "privacy statement",
        "Is er een datalek? Dan melden wij dat binnen %(deadline)s aan de %(authority)s.",
    ),
    "breach_high_risk": pgettext_lazy(
        "privacy statement",
        "Brengt het lek een hoog risico mee voor je rechten en vrijheden, dan informeren wij jou "
        "ook.",
    ),
    "breach_always": pgettext_lazy(
        "privacy statement",
        "Zijn jouw gegevens mogelijk betrokken, dan informeren wij jou altijd.",
    ),
    "breach_report": pgettext_lazy("privacy statement", "Vermoed je een datalek, meld het direct: %(to)s."),
    "backups": pgettext_lazy("privacy statement", "Back-ups"),
    "backup_text": pgettext_lazy(
        "privacy statement",
        "Wij maken reservekopieën (back-ups), zodat er geen gegevens verloren gaan. Wij bewaren "
        "die %(period)s. Daarna zijn verwijderde gegevens ook uit de back-ups weg.",
    ),
    "cookies": pgettext_lazy("privacy statement", "Cookies"),
    "cookies_intro": pgettext_lazy(
        "privacy statement",
        "Een cookie is een klein bestand dat bij een bezoek aan de website op je apparaat wordt "
        "opgeslagen. Je kunt cookies in je browser uitzetten en verwijderen.",
    ),
    "no_cookies": pgettext_lazy("privacy statement", "Deze website gebruikt geen cookies."),
    "cookie_name": pgettext_lazy("privacy statement", "Naam"),
    "cookie_kind": pgettext_lazy("privacy statement", "Soort"),
    "cookie_provider": pgettext_lazy("privacy statement", "Van"),
    "cookie_purpose": pgettext_lazy("privacy statement", "Doel"),
    "cookie_retention": pgettext_lazy("privacy statement: cookie_retention", "Bewaartermijn"),
    "cookie_consent": pgettext_lazy("privacy statement", "Toestemming"),
    "consent_needed": pgettext_lazy("privacy statement", "alleen na je toestemming"),
    "consent_not_needed": pgettext_lazy("privacy statement", "niet nodig"),
    "more": pgettext_lazy("privacy statement", "Verder"),
    "version": pgettext_lazy("privacy statement", "Versie"),
    "version_text": pgettext_lazy("privacy statement", "Dit is versie %(version)s, geldig vanaf %(effective)s."),
    "history": pgettext_lazy("privacy statement", "Eerdere versies"),
    "coming": pgettext_lazy(
        "privacy statement",
        "Vanaf %(date)s geldt een nieuwe versie van deze privacyverklaring.",
    ),
    "coming_link": pgettext_lazy("privacy statement", "Lees de nieuwe versie"),
    "future": pgettext_lazy(
        "privacy statement",
        "Deze versie van de privacyverklaring geldt vanaf %(date)s. Tot die datum geldt de "
        "huidige versie.",
    ),
    "future_link": pgettext_lazy("privacy statement", "Lees de huidige versie"),
    "changes": pgettext_lazy("privacy statement", "Wijzigingen"),
    "field_email": pgettext_lazy("privacy statement", "e-mail"),
    "field_phone": pgettext_lazy("privacy statement", "telefoon"),
    "field_web": pgettext_lazy("privacy statement", "website"),
}

BASIS: dict[str, Any] = {
    "consent": pgettext_lazy("legal basis", "toestemming (art. 6 lid 1 sub a AVG)"),
    "contract": pgettext_lazy("legal basis", "de uitvoering van een overeenkomst (art. 6 lid 1 sub b AVG)"),
    "legal_obligation": pgettext_lazy("legal basis", "een wettelijke verplichting (art. 6 lid 1 sub c AVG)"),
    "vital_interest": pgettext_lazy("legal basis", "een vitaal belang (art. 6 lid 1 sub d AVG)"),
    "public_task": pgettext_lazy(
        "legal basis",
        "een taak van algemeen belang of openbaar gezag (art. 6 lid 1 sub e AVG)",
    ),
    "legitimate_interest": pgettext_lazy("legal basis", "een gerechtvaardigd belang (art. 6 lid 1 sub f AVG)"),
}

SOURCES: dict[str, Any] = {
    "subject": pgettext_lazy("source", "jijzelf"),
    "representative": pgettext_lazy("source", "je vertegenwoordiger"),
    "involved_person": pgettext_lazy("source", "iemand die direct bij je betrokken is"),
    "organisation": pgettext_lazy("source", "andere instanties of zorgverleners"),
    "public_source": pgettext_lazy("source", "openbare bronnen"),
    "website_form": pgettext_lazy("source", "formulieren en bezoek op de website"),
    "municipality": pgettext_lazy("source", "de gemeente"),
}

RECIPIENT_KINDS: dict[str, Any] = {
    "processor": pgettext_lazy("kind of recipient", "verwerker (werkt in onze opdracht)"),
    "third_party": pgettext_lazy("kind of recipient", "derde"),
    "authority": pgettext_lazy("kind of recipient", "overheidsinstantie"),
    "joint_controller": pgettext_lazy("kind of recipient", "gezamenlijk verwerkingsverantwoordelijke"),
    "public": pgettext_lazy("kind of recipient", "openbaar (voor iedereen zichtbaar)"),
}

AGREEMENT_KINDS: dict[str, Any] = {
    "processor_agreement": pgettext_lazy("kind of agreement", "verwerkersovereenkomst"),
    "contract": pgettext_lazy("kind of agreement", "overeenkomst"),
    "covenant": pgettext_lazy("kind of agreement", "convenant"),
    "legal": pgettext_lazy("kind of agreement", "wettelijke grondslag"),
}

REASONS: dict[str, Any] = {
    "agreed_work": pgettext_lazy("when a recipient gets data", "als dat nodig is voor het afgesproken werk"),
    "contract": pgettext_lazy("when a recipient gets data", "voor de uitvoering van een overeenkomst"),
    "legal_obligation": pgettext_lazy("when a recipient gets data", "als de wet ons daartoe verplicht"),
    "authority_request": pgettext_lazy(
        "when a recipient gets data",
        "als een bevoegde instantie erom vraagt voor haar wettelijke taak",
    ),
    "public_task": pgettext_lazy("when a recipient gets data", "voor een wettelijke of publiekrechtelijke taak"),
    "public_interest": pgettext_lazy("when a recipient gets data", "bij een algemeen belang"),
    "legitimate_interest": pgettext_lazy("when a recipient gets data", "bij een gerechtvaardigd belang"),
    "vital_interest": pgettext_lazy("when a recipient gets data", "in een noodsituatie (vitaal belang)"),
    "consent": pgettext_lazy("when a recipient gets data", "met je toestemming"),
}

CHANNELS: dict[str, Any] = {
    "website": pgettext_lazy("channel", "de website"),
    "portal": pgettext_lazy("channel", "het portaal (Mijn omgeving)"),
    "email": pgettext_lazy("channel", "e-mail"),
    "chat": pgettext_lazy("channel", "chat"),
    "phone": pgettext_lazy("channel", "telefoon"),
    "post": pgettext_lazy("channel", "post"),
    "in_person": pgettext_lazy("channel", "langskomen"),
    "intermediary": pgettext_lazy("channel", "een tussenpersoon"),
    "contact_form": pgettext_lazy("channel", "het reactieformulier op de contactpagina"),
    "api": pgettext_lazy("channel", "een koppeling"),
}

FIELD_TYPES: dict[str, Any] = {  # what a field holds, for data lists that follow the fields collected
    "email": pgettext_lazy("kind of field", "e-mailadres"),
    "phone": pgettext_lazy("kind of field", "telefoonnummer"),
    "postcode": pgettext_lazy("kind of field", "postcode"),
    "bsn": pgettext_lazy("kind of field", "burgerservicenummer"),
    "iban": pgettext_lazy("kind of field", "bankrekeningnummer"),
    "ip": pgettext_lazy("kind of field", "IP-adres"),
    "url": pgettext_lazy("kind of field", "webadres"),
}

IDENTITY: dict[str, Any] = {
    "portal_login": pgettext_lazy("identity check", "je inlog op het portaal"),
    "id_copy": pgettext_lazy("identity check", "een kopie van je identiteitsbewijs"),
    "in_person": pgettext_lazy("identity check", "je identiteitsbewijs, dat je bij ons laat zien"),
    "digid": pgettext_lazy("identity check", "DigiD"),
    "email_code": pgettext_lazy("identity check", "een code die wij je per e-mail sturen"),
}

COOKIE_KINDS: dict[str, Any] = {
    "functional": pgettext_lazy("kind of cookie", "functioneel"),
    "analytical": pgettext_lazy("kind of cookie", "analytisch"),
    "social": pgettext_lazy("kind of cookie", "sociale media"),
    "embedded": pgettext_lazy("kind of cookie", "ingesloten inhoud"),
}

ART9: dict[str, tuple[Any, str]] = {
    "explicit_consent": (pgettext_lazy("art. 9 condition", "je uitdrukkelijke toestemming"), "a"),
    "employment_social_security": (pgettext_lazy("art. 9 condition", "verplichtingen op het gebied van werk en sociale zekerheid"), "b"),
    "vital_interest": (pgettext_lazy("art. 9 condition", "een vitaal belang"), "c"),
    "not_for_profit": (pgettext_lazy(
        "art. 9 condition",
        "de activiteiten van een stichting of vereniging zonder winstoogmerk",
    ), "d"),
    "made_public": (pgettext_lazy("art. 9 condition", "gegevens die je zelf openbaar hebt gemaakt"), "e"),
    "legal_claims": (pgettext_lazy("art. 9 condition", "een rechtsvordering"), "f"),
    "substantial_public_interest": (pgettext_lazy("art. 9 condition", "een zwaarwegend algemeen belang"), "g"),
    "health_social_care": (pgettext_lazy("art. 9 condition", "zorg, behandeling of maatschappelijke dienstverlening"), "h"),
    "public_health": (pgettext_lazy("art. 9 condition", "de volksgezondheid"), "i"),
    "archiving_research": (pgettext_lazy("art. 9 condition", "archivering, onderzoek of statistiek"), "j"),
}

RIGHTS: dict[str, tuple[Any, Any]] = {
    "access": (pgettext_lazy("right", "Inzage"),
     pgettext_lazy("right", "Je mag weten welke gegevens wij van je hebben en wat wij ermee doen.")),
    "rectification": (pgettext_lazy("right", "Correctie"),
     pgettext_lazy("right", "Kloppen je gegevens niet, dan passen wij ze aan.")),
    "completion": (pgettext_lazy("right", "Aanvulling"),
     pgettext_lazy("right", "Je mag een eigen verklaring aan je gegevens laten toevoegen.")),
    "erasure": (pgettext_lazy("right", "Verwijdering"),
     pgettext_lazy(
         "right",
         "Je mag vragen je gegevens te verwijderen, behalve wat wij wettelijk moeten bewaren.",
     )),
    "restriction": (pgettext_lazy("right", "Beperking"),
     pgettext_lazy(
         "right",
         "Je mag vragen het gebruik van je gegevens tijdelijk te beperken (afschermen).",
     )),
    "objection": (pgettext_lazy("right", "Bezwaar"),
     pgettext_lazy("right", "Je mag bezwaar maken tegen het gebruik van je gegevens.")),
    "portability": (pgettext_lazy("right", "Overdraagbaarheid"),
     pgettext_lazy(
         "right",
         "Je mag de gegevens die je ons gaf in een computerbestand krijgen, of laten sturen naar "
         "een organisatie die jij noemt.",
     )),
    "withdraw_consent": (pgettext_lazy("right", "Toestemming intrekken"),
     pgettext_lazy("right", "Gaf je toestemming, dan mag je die altijd intrekken.")),
    "disclosures": (pgettext_lazy("right", "Overzicht van verstrekkingen"),
     pgettext_lazy("right", "Je mag weten aan wie wij welke gegevens gaven.")),
    "complaint": (pgettext_lazy("right", "Klacht"),
     pgettext_lazy("right", "Je mag een klacht indienen over hoe wij met je gegevens omgaan.")),
}

# The register (CSV) in words, kept in Dutch like the rest of the register.
REGISTER_BASES: dict[str, Any] = {
    "consent": pgettext_lazy("register: legal basis", "toestemming"),
    "contract": pgettext_lazy("register: legal basis", "overeenkomst"),
    "legal_obligation": pgettext_lazy("register: legal basis", "wettelijke verplichting"),
    "vital_interest": pgettext_lazy("register: legal basis", "vitaal belang"),
    "public_task": pgettext_lazy("register: legal basis", "taak van algemeen belang"),
    "legitimate_interest": pgettext_lazy("register: legal basis", "gerechtvaardigd belang"),
}

REGISTER_KINDS: dict[str, Any] = {
    "processor": pgettext_lazy("register: kind of recipient", "verwerker"),
    "third_party": pgettext_lazy("register: kind of recipient", "derde"),
    "authority": pgettext_lazy("register: kind of recipient", "overheidsinstantie"),
    "joint_controller": pgettext_lazy("register: kind of recipient", "gezamenlijk verwerkingsverantwoordelijke"),
    "public": pgettext_lazy("register: kind of recipient", "openbaar"),
}

REGISTER_SOURCES: dict[str, Any] = {
    "subject": pgettext_lazy("register: source", "de betrokkene zelf"),
    "representative": pgettext_lazy("register: source", "een vertegenwoordiger van de betrokkene"),
    "involved_person": pgettext_lazy("register: source", "een naaste of betrokkene"),
    "organisation": pgettext_lazy("register: source", "andere instanties of zorgverleners"),
    "public_source": pgettext_lazy("register: source", "openbare bronnen"),
    "website_form": pgettext_lazy("register: source", "formulieren en bezoek op de website"),
    "municipality": pgettext_lazy("register: source", "de gemeente"),
}

REGISTER_WORDS: dict[str, Any] = {
    "yes": pgettext_lazy("register", "ja"),
    "no": pgettext_lazy("register", "nee"),
    "special": pgettext_lazy("register", "bijzonder"),
    "criminal": pgettext_lazy("register", "strafrechtelijk"),
    "no_agreement": pgettext_lazy("register", "geen overeenkomst"),
    "none": pgettext_lazy("register", "geen"),
}
