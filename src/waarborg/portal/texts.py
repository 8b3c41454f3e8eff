"""The portal's words, Dutch first, English second (`?lang=en`)."""

from __future__ import annotations

TEXT: dict[str, dict[str, str]] = {
    "nl": {
        "portal": "Mijn gegevens", "login": "Inloggen", "logout": "Uitloggen", "username": "Gebruikersnaam",
        "password": "Wachtwoord", "held": "Wat wij van u bewaren en waarom", "purpose": "Doel",
        "basis": "Grondslag", "kinds": "Soort gegevens", "retention": "Bewaartermijn", "nothing": "Wij bewaren niets van u.",
        "requests": "Uw verzoeken", "type": "Soort verzoek", "received": "Ontvangen", "due": "Uiterlijk antwoord",
        "status": "Status", "download": "Downloaden", "new_request": "Nieuw verzoek indienen",
        "details": "Toelichting", "submit": "Verzoek indienen", "filed": "Uw verzoek is ontvangen. Kenmerk",
        "contact": "Contactformulier privacyverzoeken", "name": "Naam", "email": "E-mailadres",
        "message": "Uw verzoek of vraag", "send": "Versturen",
        "id_hint": ("Wij vragen u straks om een kopie van uw identiteitsbewijs. Maak op die kopie uw pasfoto, de MRZ "
                    "(de cijfers en letters onderaan), uw documentnummer en uw burgerservicenummer (BSN) zwart."),
        "thanks": "Dank u. Wij hebben uw verzoek ontvangen.", "reference": "Kenmerk",
        "answer_by": "U krijgt uiterlijk antwoord op", "none": "U heeft nog geen verzoeken ingediend.",
        "staff_only_citizens": "Dit portaal is voor burgers; medewerkers gebruiken de backoffice.",
        "complaint": "U kunt altijd een klacht indienen bij de",
    },
    "en": {
        "portal": "My data", "login": "Log in", "logout": "Log out", "username": "Username", "password": "Password",
        "held": "What we keep about you and why", "purpose": "Purpose", "basis": "Legal basis",
        "kinds": "Kinds of data", "retention": "Retention", "nothing": "We keep nothing about you.",
        "requests": "Your requests", "type": "Kind of request", "received": "Received", "due": "Answer due",
        "status": "Status", "download": "Download", "new_request": "File a new request", "details": "Details",
        "submit": "File request", "filed": "Your request was received. Reference",
        "contact": "Privacy request contact form", "name": "Name", "email": "E-mail address",
        "message": "Your request or question", "send": "Send",
        "id_hint": ("We will ask you for a copy of your identity document. On that copy, black out your photo, the "
                    "MRZ (the lines of letters and digits at the bottom), the document number and your citizen "
                    "service number (BSN)."),
        "thanks": "Thank you. We received your request.", "reference": "Reference",
        "answer_by": "You will receive an answer by", "none": "You have not filed any requests yet.",
        "staff_only_citizens": "This portal is for citizens; staff use the back office.",
        "complaint": "You can always lodge a complaint with the",
    },
}

REQUEST_TYPES: dict[str, tuple[str, str]] = {
    "access": ("Inzage in mijn gegevens", "Access to my data"),
    "rectification": ("Correctie van mijn gegevens", "Correction of my data"),
    "completion": ("Aanvulling van mijn gegevens", "Completion of my data"),
    "erasure": ("Verwijdering van mijn gegevens", "Erasure of my data"),
    "restriction": ("Afscherming (beperking)", "Restriction"),
    "objection": ("Bezwaar tegen een verwerking", "Objection to processing"),
    "portability": ("Mijn gegevens in een computerbestand", "My data as a computer file"),
    "withdraw_consent": ("Toestemming intrekken", "Withdraw consent"),
    "disclosures": ("Aan wie zijn mijn gegevens verstrekt?", "To whom was my data disclosed?"),
    "complaint": ("Klacht over het gebruik van mijn gegevens", "Complaint about the use of my data"),
}

STATUSES: dict[str, tuple[str, str]] = {
    "received": ("Ontvangen", "Received"),
    "awaiting_identification": ("Wacht op identificatie", "Awaiting identification"),
    "in_progress": ("In behandeling", "In progress"),
    "answered": ("Beantwoord", "Answered"),
    "rejected": ("Afgewezen", "Refused"),
    "closed": ("Afgesloten", "Closed"),
}


def word(table: dict[str, tuple[str, str]], key: str, lang: str) -> str:
    nl, en = table.get(key, (key, key))
    return en if lang == "en" else nl
