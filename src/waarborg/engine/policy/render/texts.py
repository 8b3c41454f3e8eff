"""The fixed wording of generated documents (statement, register), through gettext (docs/i18n.md).
The words for ways of contact are in `channels.py`, the register's own words in `register_words.py`.

Everything the policy author does not write (headings, legal phrases, the names of legal bases, rights,
sources...) lives here, so a wording change is one edit; the Dutch text is the msgid and its English is in
locale/en. Every text is lazy: it is read under the statement's language (`render_statement` activates it).

The statement's texts aim at language level B1 (bench/readability.py measures it): short sentences, common
words, "wij" and "je" (turned into "u" where the organisation says "u", `address.py`), and a legal term only
beside the plain words that explain it ("waarom wij dit mogen" before the article of the AVG).
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import pgettext_lazy

TEXTS: dict[str, Any] = {
    "title": pgettext_lazy("privacy statement", "Privacyverklaring"),
    "intro": pgettext_lazy(
        "privacy statement",
        "Hier lees je wat %(org)s met je gegevens doet. Welke gegevens hebben wij van je? Waarvoor "
        "gebruiken wij ze, en hoe lang? Met wie delen wij ze? En wat mag je zelf?",
    ),
    "services": pgettext_lazy("privacy statement", "Wat wij doen"),
    "law": pgettext_lazy(
        "privacy statement",
        "Wij houden ons aan de wet voor privacy: de Algemene verordening gegevensbescherming (AVG). "
        "De Autoriteit Persoonsgegevens (AP) let erop dat iedereen zich aan die wet houdt.",
    ),
    "controller": pgettext_lazy("privacy statement", "Wie is verantwoordelijk?"),
    "controller_text": pgettext_lazy(
        "privacy statement",
        "%(org)s is verantwoordelijk voor wat er met je gegevens gebeurt. In de wet heet dat de "
        "verwerkingsverantwoordelijke.",
    ),
    "kvk": pgettext_lazy("privacy statement", "KvK-nummer"),
    "contact": pgettext_lazy("privacy statement", "Vragen over privacy?"),
    "dpo": pgettext_lazy("privacy statement", "Wie let bij ons op privacy?"),
    "dpo_text": pgettext_lazy(
        "privacy statement",
        "Dat doet onze functionaris gegevensbescherming (FG). De FG let erop dat wij goed met je "
        "gegevens omgaan. Je kunt de FG ook zelf iets vragen.",
    ),
    "purposes": pgettext_lazy("privacy statement", "Waarvoor gebruiken wij je gegevens?"),
    "special_intro": pgettext_lazy(
        "privacy statement",
        "Sommige gegevens zijn extra gevoelig, zoals gegevens over je gezondheid. In de wet heten die "
        "bijzondere persoonsgegevens. Hieronder staan ze als ‘gevoelig’.",
    ),
    "basis": pgettext_lazy("privacy statement", "Waarom wij dit mogen"),
    "special_basis": pgettext_lazy("privacy statement", "Gevoelige gegevens"),
    "special_text": pgettext_lazy("privacy statement", "Die gebruiken wij alleen %(cond)s"),
    "special_register": pgettext_lazy("register", "Bijzondere persoonsgegevens alleen %(cond)s"),
    "categories": pgettext_lazy("privacy statement", "Welke gegevens wij gebruiken"),
    "no_categories": pgettext_lazy("privacy statement", "Geen gegevens die naar jou wijzen."),
    "special_mark": pgettext_lazy("privacy statement", "gevoelig"),
    "bsn_mark": pgettext_lazy("privacy statement", "BSN"),
    "criminal_mark": pgettext_lazy("privacy statement", "strafrechtelijk gegeven"),
    "public_mark": pgettext_lazy("privacy statement", "openbaar"),
    "sources": pgettext_lazy("privacy statement", "Van wie wij ze krijgen"),
    "required": pgettext_lazy("privacy statement", "Moet je deze gegevens geven?"),
    "not_required": pgettext_lazy(
        "privacy statement",
        "Nee, dat hoeft niet. Maar zonder deze gegevens kunnen wij dit niet voor je doen.",
    ),
    "minors_checked": pgettext_lazy(
        "privacy statement",
        "Ben je jonger dan %(age)s jaar? Dan moet ook je ouder of voogd toestemming geven, met een "
        "handtekening. Wij controleren of die handtekening echt is.",
    ),
    "minors_unchecked": pgettext_lazy(
        "privacy statement",
        "Ben je jonger dan %(age)s jaar? Vraag dan eerst toestemming aan je ouder of voogd. Wij kunnen "
        "niet controleren hoe oud je bent. Wij raden ouders aan om mee te kijken met wat hun kinderen "
        "online doen.",
    ),
    "data_subjects": pgettext_lazy("privacy statement", "Over wie het gaat"),
    "marketing_special": pgettext_lazy("privacy statement", "Gevoelige gegevens gebruiken wij nooit voor marketing of reclame."),
    "statistics_never_shared": pgettext_lazy(
        "privacy statement",
        "Deze gegevens geven wij nooit aan derden. Derden zijn organisaties die niet in onze opdracht werken.",
    ),
    "automated": pgettext_lazy("privacy statement", "Beslist een computer over je?"),
    "automated_text": pgettext_lazy(
        "privacy statement",
        "Nee. Een computer neemt nooit alleen een besluit over je dat grote gevolgen voor je heeft "
        "(art. 22 AVG).",
    ),
    "no_profiling": pgettext_lazy("privacy statement", "Wij maken geen profielen van mensen."),
    "profiling_text": pgettext_lazy(
        "privacy statement",
        "Bij %(purposes)s maken wij wel profielen. Een profiel is een beeld van iemand, dat een computer "
        "uit gegevens maakt. In de wet heet dat profilering. Hoe het gaat, staat bij dat doel.",
    ),
    "commitments": pgettext_lazy("privacy statement", "Wat wij je beloven"),
    "objection": pgettext_lazy("privacy statement", "Bezwaar maken"),
    "objection_intro": pgettext_lazy(
        "privacy statement",
        "Voor deze doelen gebruiken wij je gegevens zonder je toestemming:",
    ),
    # Why, naming only the bases the purposes listed have.
    "objection_public_task": pgettext_lazy("privacy statement", "Wij doen dat voor een taak van algemeen belang."),
    "objection_legitimate_interest": pgettext_lazy(
        "privacy statement", "Wij doen dat omdat wij er een gerechtvaardigd belang bij hebben."),
    "objection_both": pgettext_lazy(
        "privacy statement",
        "Wij doen dat voor een taak van algemeen belang of omdat wij er een gerechtvaardigd belang bij hebben."),
    "objection_text": pgettext_lazy(
        "privacy statement",
        "Past dat niet bij jouw eigen situatie? Dan mag je altijd bezwaar maken (art. 21 AVG). "
        "Wij stoppen dan. Alleen als wij dwingende redenen hebben die zwaarder wegen, mogen wij doorgaan.",
    ),
    "objection_marketing": pgettext_lazy(
        "privacy statement",
        "Gebruiken wij je gegevens voor marketing of reclame? Daartegen mag je altijd bezwaar maken. Wij "
        "stoppen dan meteen.",
    ),
    "human_text": pgettext_lazy("privacy statement", "Bij %(purposes)s beslist altijd een medewerker."),
    "retention": pgettext_lazy("privacy statement", "Hoe lang bewaren wij je gegevens?"),
    "retention_intro": pgettext_lazy(
        "privacy statement",
        "Wij bewaren je gegevens niet langer dan nodig is, of dan de wet zegt. Hieronder staat per soort "
        "gegevens hoe lang.",
    ),
    "retention_for": pgettext_lazy("privacy statement", "voor"),
    "why": pgettext_lazy("privacy statement", "Waarom"),
    "recipients": pgettext_lazy("privacy statement", "Met wie delen wij je gegevens?"),
    "recipients_intro": pgettext_lazy(
        "privacy statement",
        "Soms krijgen anderen je gegevens van ons. Hieronder staat wie dat zijn, welke gegevens zij "
        "krijgen en wanneer.",
    ),
    "no_recipients": pgettext_lazy("privacy statement", "Wij delen je gegevens met niemand."),
    "recipient_for": pgettext_lazy("privacy statement", "Voor welk doel"),
    "recipient_data": pgettext_lazy("privacy statement", "Welke gegevens zij krijgen"),
    "recipient_when": pgettext_lazy("privacy statement", "Wanneer zij ze krijgen"),
    "outside_eea": pgettext_lazy(
        "privacy statement",
        "Deze ontvanger zit buiten Europa (buiten de Europese Economische Ruimte), in %(country)s. Zo "
        "beschermen wij je gegevens daar: %(safeguards)s.",
    ),
    "inside_eea": pgettext_lazy(
        "privacy statement",
        "Je gegevens gaan niet naar landen buiten Europa (de Europese Economische Ruimte).",
    ),
    "processors_text": pgettext_lazy(
        "privacy statement",
        "Een verwerker is een organisatie die alleen in onze opdracht werkt. Wij maken met elke verwerker "
        "afspraken op papier: een verwerkersovereenkomst. Wij blijven zelf verantwoordelijk voor je gegevens.",
    ),
    "rights": pgettext_lazy("privacy statement", "Je rechten"),
    "rights_how": pgettext_lazy("privacy statement", "Zo vraag je het"),
    "response_text": pgettext_lazy(
        "privacy statement",
        "Wij reageren binnen %(period)s op je verzoek. Is je verzoek ingewikkeld? Dan kunnen wij er "
        "hoogstens %(extension)s langer over doen. Dat laten wij je dan binnen %(period)s weten.",
    ),
    "channels_text": pgettext_lazy("privacy statement", "Voor een verzoek kun je %(ways)s."),
    "visit_same": pgettext_lazy("where to file a request", "kom langs op dat adres"),
    "channels_by_group": pgettext_lazy(
        "privacy statement", "Hoe je een verzoek doet, hangt af van de groep waar je bij hoort:"),
    "identity_text": pgettext_lazy(
        "privacy statement",
        "Wij controleren of het verzoek echt van jou komt. Dat kan met %(methods)s.",
    ),
    "redaction_text": pgettext_lazy("privacy statement", "Maak op de kopie van je identiteitsbewijs zwart: %(items)s."),
    "others_text": pgettext_lazy("privacy statement", "Je kunt alleen je eigen gegevens zien, niet die van anderen."),
    "complaint": pgettext_lazy("privacy statement", "Een klacht"),
    "complaint_text": pgettext_lazy(
        "privacy statement",
        "Ben je niet blij met hoe wij met je gegevens omgaan? Laat het ons weten. Dan zoeken wij samen "
        "een oplossing. Je mag ook een klacht indienen bij de %(authority)s:",
    ),
    "security": pgettext_lazy("privacy statement", "Hoe wij je gegevens beveiligen"),
    "breaches": pgettext_lazy("privacy statement", "Als er een datalek is"),
    "breach_what": pgettext_lazy(
        "privacy statement",
        "Bij een datalek komen gegevens bij iemand die ze niet mag hebben, of raken gegevens kwijt.",
    ),
    "breach_text": pgettext_lazy(
        "privacy statement",
        "Is er een datalek? Dan melden wij dat binnen %(deadline)s aan de %(authority)s.",
    ),
    "breach_high_risk": pgettext_lazy(
        "privacy statement",
        "Is er door het lek een hoog risico voor je rechten en vrijheden? Dan laten wij jou dat ook weten.",
    ),
    "breach_always": pgettext_lazy(
        "privacy statement",
        "Gaat het lek misschien ook over jouw gegevens? Dan laten wij jou dat altijd weten.",
    ),
    "breach_report": pgettext_lazy("privacy statement", "Denk je dat er een datalek is? Meld het dan meteen: %(to)s."),
    "backups": pgettext_lazy("privacy statement", "Back-ups"),
    "backup_text": pgettext_lazy(
        "privacy statement",
        "Wij maken reservekopieën (back-ups). Zo raken er geen gegevens kwijt. Een back-up bewaren wij "
        "%(period)s. Daarna zijn gewiste gegevens ook uit de back-ups weg.",
    ),
    "cookies": pgettext_lazy("privacy statement", "Cookies"),
    "cookies_intro": pgettext_lazy(
        "privacy statement",
        "Een cookie is een klein bestand. De website zet het op je computer of telefoon als je de website "
        "bezoekt. Je kunt cookies in je browser uitzetten en wissen.",
    ),
    "no_cookies": pgettext_lazy("privacy statement", "Deze website gebruikt geen cookies."),
    "cookie_name": pgettext_lazy("privacy statement", "Naam"),
    "cookie_kind": pgettext_lazy("privacy statement", "Soort"),
    "cookie_provider": pgettext_lazy("privacy statement", "Van wie"),
    "cookie_us": pgettext_lazy("privacy statement", "van ons"),
    "cookie_purpose": pgettext_lazy("privacy statement", "Doel"),
    "cookie_retention": pgettext_lazy("privacy statement: cookie_retention", "Hoe lang"),
    "cookie_consent": pgettext_lazy("privacy statement", "Toestemming"),
    "consent_needed": pgettext_lazy("privacy statement", "alleen na je toestemming"),
    "consent_not_needed": pgettext_lazy("privacy statement", "niet nodig"),
    "more": pgettext_lazy("privacy statement", "Verder"),
    "version": pgettext_lazy("privacy statement", "Versie"),
    "version_text": pgettext_lazy("privacy statement", "Dit is versie %(version)s. Die geldt vanaf %(effective)s."),
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

# The legal basis as the answer to "Waarom wij dit mogen", in plain words with the article beside them; the
# register uses the same words (`basis_words`).
BASIS: dict[str, Any] = {
    "consent": pgettext_lazy("legal basis", "je geeft ons toestemming (art. 6 lid 1 sub a AVG)"),
    "contract": pgettext_lazy("legal basis", "het is nodig voor een overeenkomst (art. 6 lid 1 sub b AVG)"),
    "legal_obligation": pgettext_lazy("legal basis", "de wet verplicht ons (art. 6 lid 1 sub c AVG)"),
    "vital_interest": pgettext_lazy(
        "legal basis",
        "het is nodig om iemands leven of gezondheid te beschermen: een vitaal belang (art. 6 lid 1 sub d AVG)",
    ),
    "public_task": pgettext_lazy(
        "legal basis",
        "het is een taak van algemeen belang of openbaar gezag, die de wet ons geeft (art. 6 lid 1 sub e AVG)",
    ),
    "legitimate_interest": pgettext_lazy(
        "legal basis",
        "wij hebben er een goede reden voor (een gerechtvaardigd belang), en jouw belangen wegen niet "
        "zwaarder (art. 6 lid 1 sub f AVG)",
    ),
}

# What the named detail of a basis is, after the basis ("Welke wet: Participatiewet, art. 7").
BASIS_DETAIL: dict[str, Any] = {
    "contract": pgettext_lazy("legal basis", "Het gaat om"),
    "legal_obligation": pgettext_lazy("legal basis", "Welke wet"),
    "public_task": pgettext_lazy("legal basis", "Welke wet"),
    "legitimate_interest": pgettext_lazy("legal basis", "Ons belang"),
    "vital_interest": pgettext_lazy("legal basis", "Het gaat om"),
}

SOURCES: dict[str, Any] = {
    "subject": pgettext_lazy("source", "jijzelf"),
    "representative": pgettext_lazy("source", "je vertegenwoordiger"),
    "involved_person": pgettext_lazy("source", "iemand die direct bij je betrokken is"),
    "organisation": pgettext_lazy("source", "andere instanties of zorgverleners"),
    "public_source": pgettext_lazy("source", "openbare bronnen"),
    "website_form": pgettext_lazy("source", "de website (formulieren en bezoek)"),
    "municipality": pgettext_lazy("source", "de gemeente"),
}

# Who a recipient is, as a sentence under its name; the register keeps the legal names (REGISTER_KINDS).
RECIPIENT_KINDS: dict[str, Any] = {
    "processor": pgettext_lazy("kind of recipient", "Zij werken in onze opdracht (een verwerker)."),
    "third_party": pgettext_lazy(
        "kind of recipient",
        "Zij krijgen de gegevens van ons en zijn daarna zelf verantwoordelijk (een derde).",
    ),
    "authority": pgettext_lazy("kind of recipient", "Dit is een overheidsinstantie."),
    "joint_controller": pgettext_lazy(
        "kind of recipient",
        "Wij zijn samen met hen verantwoordelijk voor de gegevens (gezamenlijk verwerkingsverantwoordelijken).",
    ),
    "public": pgettext_lazy("kind of recipient", "Deze gegevens zijn openbaar: iedereen kan ze zien."),
}

# The agreement with a recipient, as a sentence.
AGREEMENT_KINDS: dict[str, Any] = {
    "processor_agreement": pgettext_lazy(
        "kind of agreement", "Onze afspraken staan in een verwerkersovereenkomst (%(reference)s)."),
    "contract": pgettext_lazy("kind of agreement", "Onze afspraken staan in een overeenkomst (%(reference)s)."),
    "covenant": pgettext_lazy(
        "kind of agreement", "Onze afspraken staan in een convenant, een afspraak op papier (%(reference)s)."),
    "legal": pgettext_lazy("kind of agreement", "De wet regelt wat zij krijgen (%(reference)s)."),
}

REASONS: dict[str, Any] = {
    "agreed_work": pgettext_lazy("when a recipient gets data", "als dat nodig is voor het werk dat zij voor ons doen"),
    "contract": pgettext_lazy("when a recipient gets data", "als dat nodig is voor een overeenkomst"),
    "legal_obligation": pgettext_lazy("when a recipient gets data", "als de wet dat van ons eist"),
    "authority_request": pgettext_lazy(
        "when a recipient gets data",
        "als een instantie erom vraagt die dat volgens de wet mag, voor haar taak",
    ),
    "public_task": pgettext_lazy("when a recipient gets data", "voor een taak die de wet ons geeft"),
    "public_interest": pgettext_lazy("when a recipient gets data", "voor een algemeen belang"),
    "legitimate_interest": pgettext_lazy(
        "when a recipient gets data", "als wij daar een goede reden voor hebben (een gerechtvaardigd belang)"),
    "vital_interest": pgettext_lazy(
        "when a recipient gets data", "in een noodgeval (om iemands leven of gezondheid te beschermen)"),
    "consent": pgettext_lazy("when a recipient gets data", "met je toestemming"),
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
    "in_person": pgettext_lazy("identity check", "je identiteitsbewijs als je bij ons langskomt"),
    "digid": pgettext_lazy("identity check", "DigiD"),
    "email_code": pgettext_lazy("identity check", "een code die wij je per e-mail sturen"),
}

COOKIE_KINDS: dict[str, Any] = {
    "functional": pgettext_lazy("kind of cookie", "nodig voor de website"),
    "analytical": pgettext_lazy("kind of cookie", "meet het bezoek"),
    "social": pgettext_lazy("kind of cookie", "sociale media"),
    "embedded": pgettext_lazy("kind of cookie", "inhoud van andere websites"),
}

# The art. 9 condition, after "Die gebruiken wij alleen" (`special_text`).
ART9: dict[str, tuple[Any, str]] = {
    "explicit_consent": (pgettext_lazy("art. 9 condition", "als je daar uitdrukkelijk toestemming voor geeft"), "a"),
    "employment_social_security": (pgettext_lazy(
        "art. 9 condition", "als dat nodig is voor onze plichten bij werk en sociale zekerheid"), "b"),
    "vital_interest": (pgettext_lazy(
        "art. 9 condition", "als dat nodig is om iemands leven of gezondheid te beschermen: een vitaal belang"), "c"),
    "not_for_profit": (pgettext_lazy(
        "art. 9 condition",
        "voor het werk van onze stichting of vereniging zonder winstoogmerk",
    ), "d"),
    "made_public": (pgettext_lazy("art. 9 condition", "als je deze gegevens zelf openbaar hebt gemaakt"), "e"),
    "legal_claims": (pgettext_lazy(
        "art. 9 condition", "als dat nodig is om een recht vast te stellen, te gebruiken of te verdedigen"), "f"),
    "substantial_public_interest": (pgettext_lazy(
        "art. 9 condition", "als dat nodig is voor een zwaarwegend algemeen belang"), "g"),
    "health_social_care": (pgettext_lazy(
        "art. 9 condition", "als dat nodig is voor zorg, behandeling of maatschappelijke hulp"), "h"),
    "public_health": (pgettext_lazy("art. 9 condition", "als dat nodig is voor de volksgezondheid"), "i"),
    "archiving_research": (pgettext_lazy(
        "art. 9 condition", "voor archief, wetenschappelijk onderzoek of statistiek"), "j"),
}

RIGHTS: dict[str, tuple[Any, Any]] = {
    "access": (pgettext_lazy("right", "Inzien"),
     pgettext_lazy("right", "Je mag weten welke gegevens wij van je hebben en wat wij ermee doen.")),
    "rectification": (pgettext_lazy("right", "Laten verbeteren"),
     pgettext_lazy("right", "Kloppen je gegevens niet? Dan passen wij ze aan.")),
    "completion": (pgettext_lazy("right", "Aanvullen"),
     pgettext_lazy("right", "Je mag een eigen verklaring aan je gegevens laten toevoegen.")),
    "erasure": (pgettext_lazy("right", "Laten wissen"),
     pgettext_lazy(
         "right",
         "Je mag vragen of wij je gegevens wissen. Wat wij volgens de wet moeten bewaren, wissen wij niet.",
     )),
    "restriction": (pgettext_lazy("right", "Gebruik laten beperken"),
     pgettext_lazy(
         "right",
         "Je mag vragen of wij je gegevens een tijd niet gebruiken, maar alleen bewaren (beperking).",
     )),
    "objection": (pgettext_lazy("right", "Bezwaar maken"),
     pgettext_lazy("right", "Je mag bezwaar maken tegen het gebruik van je gegevens.")),
    "portability": (pgettext_lazy("right", "Gegevens meenemen"),
     pgettext_lazy(
         "right",
         "Je mag de gegevens die je ons gaf krijgen in een bestand. Of wij sturen ze naar een "
         "organisatie die jij kiest.",
     )),
    "withdraw_consent": (pgettext_lazy("right", "Toestemming intrekken"),
     pgettext_lazy("right", "Gaf je toestemming, dan mag je die altijd intrekken.")),
    "disclosures": (pgettext_lazy("right", "Weten wie je gegevens kreeg"),
     pgettext_lazy("right", "Je mag weten aan wie wij welke gegevens gaven.")),
    "complaint": (pgettext_lazy("right", "Klagen"),
     pgettext_lazy("right", "Je mag een klacht indienen over hoe wij met je gegevens omgaan.")),
}
