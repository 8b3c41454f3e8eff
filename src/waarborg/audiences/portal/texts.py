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
        "security_concern": "Beveiliging of misbruik melden (mogelijk datalek)",
        "security_thanks": "Dank u voor uw melding. Wij nemen die direct in behandeling.",
        "id_hint": ("Wij vragen u straks om een kopie van uw identiteitsbewijs. Maak op die kopie uw pasfoto, de MRZ "
                    "(de cijfers en letters onderaan), uw documentnummer en uw burgerservicenummer (BSN) zwart."),
        "thanks": "Dank u. Wij hebben uw verzoek ontvangen.", "reference": "Kenmerk",
        "answer_by": "U krijgt uiterlijk antwoord op", "none": "U heeft nog geen verzoeken ingediend.",
        "staff_only_citizens": "Dit portaal is voor burgers; medewerkers gebruiken de backoffice.",
        "complaint": "U kunt altijd een klacht indienen bij de",
        "apply": "Aanvraag indienen", "apply_send": "Aanvraag versturen",
        "prefilled": "Wij hebben het formulier ingevuld met wat wij al van u weten. Controleer het en pas aan wat veranderd is.",
        "applied": "Dank u. Wij hebben uw aanvraag ontvangen.",
        "account_mail": ("Wij hebben een account voor u aangemaakt. U krijgt een e-mail met een link om uw "
                         "wachtwoord in te stellen."),
        "set_password": "Wachtwoord instellen", "new_password": "Nieuw wachtwoord",
        "new_password2": "Herhaal het nieuwe wachtwoord", "save": "Opslaan",
        "password_set": "Uw wachtwoord is ingesteld. U kunt nu inloggen.",
        "link_invalid": "Deze link is niet (meer) geldig. Vraag een nieuwe aan.",
        "forgot": "Wachtwoord vergeten?", "reset": "Nieuw wachtwoord aanvragen", "send_link": "Link versturen",
        "reset_sent": "Als dit e-mailadres bij ons bekend is, ontvangt u een e-mail met een link.",
        "close_account": "Account opheffen",
        "close_explain": ("Na het opheffen kunt u niet meer inloggen. Uw aanvraaggegevens bewaren wij tot het einde "
                          "van de bewaartermijn; daarna worden ze verwijderd."),
        "close_confirm": "Ja, hef mijn account op", "account_closed": "Uw account is opgeheven.",
        "consents": "Uw toestemmingen", "given": "Gegeven op", "withdrawn": "Ingetrokken op",
        "withdraw": "Toestemming intrekken", "consent_withdrawn": "Uw toestemming is ingetrokken.",
        "no_consents": "U heeft ons geen toestemming gegeven.", "exports": "Uw downloads",
        "no_exports": "Er is nog niets om te downloaden.", "about": "Over welk doel (optioneel)",
        "why": "Waarom", "source": "Bron", "answer": "Ons antwoord",
        "breaches": "Datalekken waarbij uw gegevens betrokken waren", "breach_notice": "Ons bericht van",
        "breach_what": "Wat er is gebeurd", "breach_data": "Welke gegevens van u",
        "breach_consequences": "Mogelijke gevolgen", "breach_taken": "Wat wij hebben gedaan",
        "breach_you": "Wat u zelf kunt doen", "breach_questions": "Vragen? Neem contact op met",
        "confirm_heading": "Verzoeken om te bevestigen",
        "confirm_explain": ("Wij hebben deze verzoeken op uw naam ontvangen, bijvoorbeeld per brief of telefoon. Klopt "
                            "het dat u (of iemand namens u) dit vroeg? Bevestig het hier: omdat u bent ingelogd, weten "
                            "wij dat u het bent, en hoeft u geen kopie van uw identiteitsbewijs te sturen. Vroeg u "
                            "dit niet? Bevestig dan niet en neem contact met ons op."),
        "confirm_button": "Ja, dit verzoek is van mij", "confirmed": "Dank u. Uw verzoek is bevestigd.",
        "no_portal_confirm": "Deze organisatie stelt uw identiteit op een andere manier vast dan via het portaal.",
        "how_to_ask": "Zo dient u een privacyverzoek in",
        "channels_intro": "U kunt een verzoek indienen via: {channels}.",
        "no_form": "Deze organisatie neemt privacyverzoeken niet via een formulier op deze website aan.",
        "no_portal": "Deze organisatie heeft geen portaal waarop u kunt inloggen.",
        "channel_not_offered": "Deze organisatie biedt dit niet aan. Gebruik een van de manieren op deze pagina.",
        "via": "via",
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
        "security_concern": "Report a security concern or misuse (possible data breach)",
        "security_thanks": "Thank you for your report. We are looking into it right away.",
        "id_hint": ("We will ask you for a copy of your identity document. On that copy, black out your photo, the "
                    "MRZ (the lines of letters and digits at the bottom), the document number and your citizen "
                    "service number (BSN)."),
        "thanks": "Thank you. We received your request.", "reference": "Reference",
        "answer_by": "You will receive an answer by", "none": "You have not filed any requests yet.",
        "staff_only_citizens": "This portal is for citizens; staff use the back office.",
        "complaint": "You can always lodge a complaint with the",
        "apply": "Apply", "apply_send": "Send application",
        "prefilled": "We filled in the form with what we already know about you. Check it and change what is new.",
        "applied": "Thank you. We received your application.",
        "account_mail": "We created an account for you. You will receive an e-mail with a link to set your password.",
        "set_password": "Set your password", "new_password": "New password",
        "new_password2": "Repeat the new password", "save": "Save",
        "password_set": "Your password is set. You can now log in.",
        "link_invalid": "This link is not valid (any more). Ask for a new one.",
        "forgot": "Forgot your password?", "reset": "Ask for a new password", "send_link": "Send link",
        "reset_sent": "If we know this e-mail address, you will receive an e-mail with a link.",
        "close_account": "Close account",
        "close_explain": ("After closing you can no longer log in. We keep your application data until the end of "
                          "its retention period; then it is deleted."),
        "close_confirm": "Yes, close my account", "account_closed": "Your account is closed.",
        "consents": "Your consents", "given": "Given on", "withdrawn": "Withdrawn on",
        "withdraw": "Withdraw consent", "consent_withdrawn": "Your consent was withdrawn.",
        "no_consents": "You have not given us any consent.", "exports": "Your downloads",
        "no_exports": "There is nothing to download yet.", "about": "About which purpose (optional)",
        "why": "Why", "source": "Source", "answer": "Our answer",
        "breaches": "Data breaches involving your data", "breach_notice": "Our notice of",
        "breach_what": "What happened", "breach_data": "Which of your data",
        "breach_consequences": "Possible consequences", "breach_taken": "What we did",
        "breach_you": "What you can do yourself", "breach_questions": "Questions? Contact",
        "confirm_heading": "Requests to confirm",
        "confirm_explain": ("We received these requests in your name, for example by letter or phone. Did you (or "
                            "someone on your behalf) ask this? Confirm it here: because you are logged in, we know "
                            "it is you, and you need not send a copy of your identity document. Did you not ask "
                            "this? Then do not confirm, and contact us."),
        "confirm_button": "Yes, this request is mine", "confirmed": "Thank you. Your request is confirmed.",
        "no_portal_confirm": "This organisation verifies your identity in another way than through the portal.",
        "how_to_ask": "How to make a privacy request",
        "channels_intro": "You can make a request via: {channels}.",
        "no_form": "This organisation does not take privacy requests through a form on this website.",
        "no_portal": "This organisation has no portal to log in to.",
        "channel_not_offered": "This organisation does not offer this. Use one of the ways on this page.",
        "via": "via",
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

FIELD_LABELS: dict[str, tuple[str, str]] = {
    "name": ("Naam", "Name"), "email": ("E-mailadres", "E-mail address"), "phone": ("Telefoonnummer", "Phone number"),
    "address": ("Adres", "Address"), "postcode": ("Postcode", "Postcode"),
    "birth_date": ("Geboortedatum (jjjj-mm-dd)", "Date of birth (yyyy-mm-dd)"),
    "care_recipient_address": ("Adres van de zorgvrager", "Address of the person you care for"),
    "edition": ("Ronde (jaar)", "Edition (year)"), "hours_per_week": ("Uren zorg per week", "Hours of care per week"),
    "relationship": ("Relatie tot de zorgvrager", "Relationship to the person you care for"),
}
