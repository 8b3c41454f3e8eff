"""The fixed wording of generated documents, Dutch first, English second.

Everything the policy author does not write (headings, legal phrases, the names of legal bases, rights,
sources...) lives here, so a wording change is one edit and both languages stay side by side.
"""

from __future__ import annotations

from typing import Any

NL: dict[str, Any] = {
    "title": "Privacyverklaring",
    "intro": "In deze privacyverklaring lees je hoe {org} met je persoonsgegevens omgaat: welke gegevens wij "
             "verwerken, waarvoor, op welke grondslag, hoe lang en met wie wij ze delen, en welke rechten je hebt.",
    "services": "Onze diensten",
    "law": "Wij houden ons aan de Algemene verordening gegevensbescherming (AVG). De Autoriteit Persoonsgegevens "
           "(AP) ziet erop toe dat deze wet wordt nageleefd.",
    "controller": "Wie is verantwoordelijk?",
    "controller_text": "{org} is verwerkingsverantwoordelijke voor de verwerkingen in deze verklaring.",
    "kvk": "KvK-nummer",
    "contact": "Contact over privacy",
    "dpo": "Functionaris gegevensbescherming",
    "dpo_text": "Wij hebben een functionaris gegevensbescherming (FG) aangesteld. Die is betrokken bij alle "
                "zaken rond de bescherming van persoonsgegevens.",
    "purposes": "Waarvoor gebruiken wij je gegevens?",
    "basis": "Grondslag",
    "special_basis": "Bijzondere persoonsgegevens",
    "special_text": "Wij verwerken bijzondere persoonsgegevens alleen op grond van {cond}",
    "categories": "Welke gegevens",
    "no_categories": "Geen gegevens die tot jou te herleiden zijn.",
    "special_mark": "bijzonder persoonsgegeven",
    "bsn_mark": "BSN",
    "criminal_mark": "strafrechtelijk gegeven",
    "public_mark": "openbaar",
    "sources": "Van wie wij de gegevens krijgen",
    "required": "Moet je deze gegevens geven?",
    "not_required": "Je bent niet verplicht deze gegevens te geven; zonder die gegevens kunnen wij dit alleen niet voor je doen.",
    "minors": "Ben je jonger dan {age} jaar, dan geeft (ook) je ouder of voogd toestemming; wij controleren dat.",
    "data_subjects": "Over wie",
    "marketing_special": "Bijzondere persoonsgegevens gebruiken wij nooit voor marketing.",
    "statistics_never_shared": "Deze gegevens geven wij nooit aan derden.",
    "automated": "Geautomatiseerde besluiten",
    "automated_text": "Wij nemen geen besluiten die uitsluitend op geautomatiseerde verwerking berusten en die "
                      "(aanzienlijke) gevolgen voor je hebben (art. 22 AVG). Er is geen profilering.",
    "human_text": "Bij {purposes} beslist altijd een medewerker.",
    "retention": "Hoe lang bewaren wij je gegevens?",
    "retention_intro": "Wij bewaren je gegevens niet langer dan nodig is voor het doel, of dan de wet voorschrijft.",
    "record_type": "Gegevens",
    "period": "Bewaartermijn",
    "why": "Waarom",
    "recipients": "Met wie delen wij je gegevens?",
    "no_recipients": "Wij delen je gegevens met niemand.",
    "recipient_kind": "Soort ontvanger",
    "recipient_for": "Voor",
    "recipient_data": "Welke gegevens",
    "recipient_when": "Wanneer",
    "agreement": "Afspraken",
    "agreement_text": "Met deze ontvanger hebben wij een {kind} ({reference}).",
    "outside_eea": "Deze ontvanger zit buiten de Europese Economische Ruimte ({country}); waarborgen: {safeguards}.",
    "inside_eea": "Wij geven geen persoonsgegevens door naar landen buiten de Europese Economische Ruimte.",
    "processors_text": "Verwerkers werken alleen in onze opdracht, onder een verwerkersovereenkomst; wij blijven "
                       "verantwoordelijk.",
    "rights": "Je rechten",
    "rights_how": "Zo dien je een verzoek in",
    "response_text": "Wij reageren binnen {period} op je verzoek. Is je verzoek ingewikkeld, dan kunnen wij die termijn "
                     "met ten hoogste {extension} verlengen; dat laten wij je dan binnen {period} weten.",
    "channels_text": "Je kunt een verzoek indienen via: {channels}.",
    "identity_text": "Om zeker te weten dat het verzoek van jou komt, controleren wij je identiteit: {methods}.",
    "redaction_text": "Maak op de kopie van je identiteitsbewijs zwart: {items}.",
    "others_text": "Je kunt alleen je eigen gegevens inzien, niet die van anderen.",
    "complaint": "Klacht indienen",
    "complaint_text": "Heb je een klacht over hoe wij met je gegevens omgaan, laat het ons weten; dan zoeken wij samen "
                      "een oplossing. Je hebt ook het recht een klacht in te dienen bij de {authority}:",
    "security": "Beveiliging",
    "breaches": "Datalekken",
    "breach_text": "Bij een datalek melden wij dit binnen {deadline} nadat wij het ontdekten aan de {authority}.",
    "breach_high_risk": "Brengt het lek een hoog risico mee voor je rechten en vrijheden, dan informeren wij jou ook.",
    "breach_always": "Zijn jouw gegevens mogelijk betrokken, dan informeren wij jou altijd.",
    "breach_report": "Vermoed je een datalek, meld het direct: {to}.",
    "backups": "Back-ups",
    "backup_text": "Wij maken back-ups tegen verlies van gegevens en bewaren die {period}. Verwijderde gegevens "
                   "verdwijnen daarna ook uit de back-ups.",
    "cookies": "Cookies",
    "cookies_intro": "Een cookie is een klein bestand dat bij een bezoek aan de website op je apparaat wordt opgeslagen. "
                     "Je kunt cookies in je browser uitzetten en verwijderen.",
    "no_cookies": "Deze website gebruikt geen cookies.",
    "cookie_name": "Naam",
    "cookie_kind": "Soort",
    "cookie_provider": "Van",
    "cookie_purpose": "Doel",
    "cookie_retention": "Bewaartermijn",
    "cookie_consent": "Toestemming",
    "consent_needed": "alleen na je toestemming",
    "consent_not_needed": "niet nodig",
    "more": "Verder",
    "version": "Versie",
    "version_text": "Dit is versie {version}, geldig vanaf {effective}.",
    "history": "Eerdere versies",
    "coming": "Vanaf {date} geldt een nieuwe versie van deze privacyverklaring.",
    "coming_link": "Lees de nieuwe versie",
    "future": "Deze versie van de privacyverklaring geldt vanaf {date}. Tot die datum geldt de huidige versie.",
    "future_link": "Lees de huidige versie",
    "changes": "Wijzigingen",
    "field_email": "e-mail",
    "field_phone": "telefoon",
    "field_web": "website",
}

EN: dict[str, Any] = {
    "title": "Privacy statement",
    "intro": "This privacy statement explains how {org} handles your personal data: which data we process, what "
             "for, on which legal basis, for how long and with whom we share it, and which rights you have.",
    "services": "Our services",
    "law": "We comply with the General Data Protection Regulation (GDPR, in Dutch: AVG). The Dutch Data Protection "
           "Authority (Autoriteit Persoonsgegevens, AP) supervises compliance with this law.",
    "controller": "Who is responsible?",
    "controller_text": "{org} is the controller of the processing described in this statement.",
    "kvk": "Chamber of Commerce number",
    "contact": "Privacy contact",
    "dpo": "Data protection officer",
    "dpo_text": "We have appointed a data protection officer (DPO), who is involved in all matters concerning the "
                "protection of personal data.",
    "purposes": "What do we use your data for?",
    "basis": "Legal basis",
    "special_basis": "Special categories of personal data",
    "special_text": "We only process special categories of personal data on the basis of {cond}",
    "categories": "Which data",
    "no_categories": "No data that can be traced back to you.",
    "special_mark": "special category",
    "bsn_mark": "BSN",
    "criminal_mark": "criminal data",
    "public_mark": "public",
    "sources": "Where we get the data from",
    "required": "Do you have to provide this data?",
    "not_required": "You are not obliged to provide this data; without it we simply cannot do this for you.",
    "minors": "If you are younger than {age}, your parent or guardian (also) gives consent; we verify this.",
    "data_subjects": "About whom",
    "marketing_special": "We never use special categories of personal data for marketing.",
    "statistics_never_shared": "We never give this data to third parties.",
    "automated": "Automated decisions",
    "automated_text": "We take no decisions based solely on automated processing that have (significant) effects "
                      "on you (GDPR art. 22). There is no profiling.",
    "human_text": "For {purposes} a staff member always decides.",
    "retention": "How long do we keep your data?",
    "retention_intro": "We keep your data no longer than needed for its purpose, or than the law requires.",
    "record_type": "Data",
    "period": "Retention period",
    "why": "Why",
    "recipients": "With whom do we share your data?",
    "no_recipients": "We do not share your data with anyone.",
    "recipient_kind": "Kind of recipient",
    "recipient_for": "For",
    "recipient_data": "Which data",
    "recipient_when": "When",
    "agreement": "Agreements",
    "agreement_text": "We have a {kind} with this recipient ({reference}).",
    "outside_eea": "This recipient is outside the European Economic Area ({country}); safeguards: {safeguards}.",
    "inside_eea": "We do not transfer personal data to countries outside the European Economic Area.",
    "processors_text": "Processors only act on our instructions, under a data processing agreement; we remain "
                       "responsible.",
    "rights": "Your rights",
    "rights_how": "How to make a request",
    "response_text": "We respond to your request within {period}. If your request is complex, we may extend that "
                     "period by at most {extension}; we then tell you so within {period}.",
    "channels_text": "You can make a request via: {channels}.",
    "identity_text": "To be sure the request comes from you, we verify your identity: {methods}.",
    "redaction_text": "On the copy of your identity document, black out: {items}.",
    "others_text": "You can only see your own data, not that of others.",
    "complaint": "Making a complaint",
    "complaint_text": "If you have a complaint about how we handle your data, let us know and we will look for a "
                      "solution together. You also have the right to complain to the {authority}:",
    "security": "Security",
    "breaches": "Data breaches",
    "breach_text": "We report a data breach to the {authority} within {deadline} of becoming aware of it.",
    "breach_high_risk": "If the breach is likely to result in a high risk to your rights and freedoms, we inform you too.",
    "breach_always": "If your data may be involved, we always inform you.",
    "breach_report": "If you suspect a data breach, report it at once: {to}.",
    "backups": "Backups",
    "backup_text": "We make backups against data loss and keep them for {period}. Deleted data then also "
                   "disappears from the backups.",
    "cookies": "Cookies",
    "cookies_intro": "A cookie is a small file stored on your device when you visit the website. You can disable "
                     "and delete cookies in your browser.",
    "no_cookies": "This website uses no cookies.",
    "cookie_name": "Name",
    "cookie_kind": "Kind",
    "cookie_provider": "From",
    "cookie_purpose": "Purpose",
    "cookie_retention": "Retention",
    "cookie_consent": "Consent",
    "consent_needed": "only after your consent",
    "consent_not_needed": "not needed",
    "more": "Further",
    "version": "Version",
    "version_text": "This is version {version}, in force from {effective}.",
    "history": "Earlier versions",
    "coming": "From {date} a new version of this privacy statement applies.",
    "coming_link": "Read the new version",
    "future": "This version of the privacy statement applies from {date}. Until then the current version applies.",
    "future_link": "Read the current version",
    "changes": "Changes",
    "field_email": "e-mail",
    "field_phone": "phone",
    "field_web": "website",
}

BASIS = {
    "nl": {
        "consent": "toestemming (art. 6 lid 1 sub a AVG)",
        "contract": "de uitvoering van een overeenkomst (art. 6 lid 1 sub b AVG)",
        "legal_obligation": "een wettelijke verplichting (art. 6 lid 1 sub c AVG)",
        "vital_interest": "een vitaal belang (art. 6 lid 1 sub d AVG)",
        "public_task": "een taak van algemeen belang of openbaar gezag (art. 6 lid 1 sub e AVG)",
        "legitimate_interest": "een gerechtvaardigd belang (art. 6 lid 1 sub f AVG)",
    },
    "en": {
        "consent": "consent (GDPR art. 6(1)(a))",
        "contract": "the performance of a contract (GDPR art. 6(1)(b))",
        "legal_obligation": "a legal obligation (GDPR art. 6(1)(c))",
        "vital_interest": "vital interests (GDPR art. 6(1)(d))",
        "public_task": "a task in the public interest or official authority (GDPR art. 6(1)(e))",
        "legitimate_interest": "a legitimate interest (GDPR art. 6(1)(f))",
    },
}

ART9 = {
    "nl": {
        "explicit_consent": ("je uitdrukkelijke toestemming", "a"),
        "employment_social_security": ("verplichtingen op het gebied van werk en sociale zekerheid", "b"),
        "vital_interest": ("een vitaal belang", "c"),
        "not_for_profit": ("de activiteiten van een stichting of vereniging zonder winstoogmerk", "d"),
        "made_public": ("gegevens die je zelf openbaar hebt gemaakt", "e"),
        "legal_claims": ("een rechtsvordering", "f"),
        "substantial_public_interest": ("een zwaarwegend algemeen belang", "g"),
        "health_social_care": ("zorg, behandeling of maatschappelijke dienstverlening", "h"),
        "public_health": ("de volksgezondheid", "i"),
        "archiving_research": ("archivering, onderzoek of statistiek", "j"),
    },
    "en": {
        "explicit_consent": ("your explicit consent", "a"),
        "employment_social_security": ("obligations in employment and social security", "b"),
        "vital_interest": ("vital interests", "c"),
        "not_for_profit": ("the activities of a not-for-profit body", "d"),
        "made_public": ("data you made public yourself", "e"),
        "legal_claims": ("legal claims", "f"),
        "substantial_public_interest": ("a substantial public interest", "g"),
        "health_social_care": ("health or social care", "h"),
        "public_health": ("public health", "i"),
        "archiving_research": ("archiving, research or statistics", "j"),
    },
}

SOURCES = {
    "nl": {"subject": "jijzelf", "representative": "je vertegenwoordiger", "involved_person":
           "iemand die direct bij je betrokken is", "organisation": "andere instanties of zorgverleners",
           "public_source": "openbare bronnen", "website_form": "formulieren en bezoek op de website",
           "municipality": "de gemeente"},
    "en": {"subject": "you", "representative": "your representative", "involved_person":
           "someone directly involved with you", "organisation": "other institutions or care providers",
           "public_source": "public sources", "website_form": "forms and visits on the website",
           "municipality": "the municipality"},
}

RECIPIENT_KINDS = {
    "nl": {"processor": "verwerker (werkt in onze opdracht)", "third_party": "derde",
           "authority": "overheidsinstantie", "joint_controller": "gezamenlijk verwerkingsverantwoordelijke",
           "public": "openbaar (voor iedereen zichtbaar)"},
    "en": {"processor": "processor (acts on our instructions)", "third_party": "third party",
           "authority": "public authority", "joint_controller": "joint controller",
           "public": "public (visible to everyone)"},
}

AGREEMENT_KINDS = {
    "nl": {"processor_agreement": "verwerkersovereenkomst", "contract": "overeenkomst", "covenant": "convenant",
           "legal": "wettelijke grondslag"},
    "en": {"processor_agreement": "data processing agreement", "contract": "contract", "covenant": "covenant",
           "legal": "statutory basis"},
}

REASONS = {
    "nl": {"agreed_work": "als dat nodig is voor het afgesproken werk", "contract": "voor de uitvoering van een overeenkomst",
           "legal_obligation": "als de wet ons daartoe verplicht", "authority_request":
           "als een bevoegde instantie erom vraagt voor haar wettelijke taak", "public_task":
           "voor een wettelijke of publiekrechtelijke taak", "public_interest": "bij een algemeen belang",
           "legitimate_interest": "bij een gerechtvaardigd belang", "vital_interest": "in een noodsituatie (vitaal belang)",
           "consent": "met je toestemming"},
    "en": {"agreed_work": "when needed for the agreed work", "contract": "to perform a contract",
           "legal_obligation": "when the law requires it", "authority_request":
           "when a competent authority asks for it for its legal task", "public_task":
           "for a statutory or public-law task", "public_interest": "in the public interest",
           "legitimate_interest": "for a legitimate interest", "vital_interest": "in an emergency (vital interests)",
           "consent": "with your consent"},
}

RIGHTS = {
    "nl": {
        "access": ("Inzage", "Je mag weten welke gegevens wij van je hebben en wat wij ermee doen."),
        "rectification": ("Correctie", "Kloppen je gegevens niet, dan passen wij ze aan."),
        "completion": ("Aanvulling", "Je mag een eigen verklaring aan je gegevens laten toevoegen."),
        "erasure": ("Verwijdering", "Je mag vragen je gegevens te verwijderen, behalve wat wij wettelijk moeten bewaren."),
        "restriction": ("Beperking", "Je mag vragen het gebruik van je gegevens tijdelijk te beperken (afschermen)."),
        "objection": ("Bezwaar", "Je mag bezwaar maken tegen het gebruik van je gegevens."),
        "portability": ("Overdraagbaarheid", "Je mag de gegevens die je ons gaf in een computerbestand krijgen, "
                        "of laten sturen naar een organisatie die jij noemt."),
        "withdraw_consent": ("Toestemming intrekken", "Gaf je toestemming, dan mag je die altijd intrekken."),
        "disclosures": ("Overzicht van verstrekkingen", "Je mag weten aan wie wij welke gegevens gaven."),
        "complaint": ("Klacht", "Je mag een klacht indienen over hoe wij met je gegevens omgaan."),
    },
    "en": {
        "access": ("Access", "You may know which data we hold about you and what we do with it."),
        "rectification": ("Rectification", "If your data is wrong, we correct it."),
        "completion": ("Completion", "You may have a statement of your own added to your data."),
        "erasure": ("Erasure", "You may ask us to delete your data, except what we must keep by law."),
        "restriction": ("Restriction", "You may ask us to restrict (shield) the use of your data for a while."),
        "objection": ("Objection", "You may object to the use of your data."),
        "portability": ("Portability", "You may receive the data you gave us as a computer file, or have it sent "
                        "to an organisation you name."),
        "withdraw_consent": ("Withdrawing consent", "If you gave consent, you may withdraw it at any time."),
        "disclosures": ("Overview of disclosures", "You may know to whom we gave which data."),
        "complaint": ("Complaint", "You may complain about how we handle your data."),
    },
}

CHANNELS = {
    "nl": {"website": "de website", "portal": "het portaal (Mijn omgeving)", "email": "e-mail", "chat": "chat",
           "phone": "telefoon", "post": "post", "in_person": "langskomen", "intermediary": "een tussenpersoon",
           "contact_form": "het reactieformulier op de contactpagina", "api": "een koppeling"},
    "en": {"website": "the website", "portal": "the portal", "email": "e-mail", "chat": "chat", "phone": "phone",
           "post": "post", "in_person": "in person", "intermediary": "an intermediary",
           "contact_form": "the reaction form on the contact page", "api": "an integration"},
}

IDENTITY = {
    "nl": {"portal_login": "inloggen op het portaal", "id_copy": "een kopie van je identiteitsbewijs",
           "in_person": "je identiteitsbewijs laten zien", "digid": "DigiD", "email_code": "een code per e-mail"},
    "en": {"portal_login": "logging in to the portal", "id_copy": "a copy of your identity document",
           "in_person": "showing your identity document in person", "digid": "DigiD",
           "email_code": "a code sent by e-mail"},
}

COOKIE_KINDS = {
    "nl": {"functional": "functioneel", "analytical": "analytisch", "social": "sociale media", "embedded": "ingesloten inhoud"},
    "en": {"functional": "functional", "analytical": "analytical", "social": "social media", "embedded": "embedded content"},
}

TEXTS = {"nl": NL, "en": EN}
