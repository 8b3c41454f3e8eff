"""The secure-mail pages' words: labels per language (`?lang=en`), refusals Dutch first with English after
them, as the secure-mail actions word theirs."""

from __future__ import annotations

TEXT: dict[str, dict[str, str]] = {
    "nl": {
        "title": "Beveiligde mail", "name": "Naam", "email": "E-mailadres",
        "code": "Toegangscode (uit de e-mail)", "message": "Je bericht", "attachment": "Bijlage (niet verplicht)",
        "step_code": "Stap 1 van 2: vraag een toegangscode aan",
        "explain_code": ("Vul je naam en e-mailadres in. Je krijgt een toegangscode in je mailbox; daarmee weten "
                         "wij dat het adres van jou is."),
        "ask_code": "Stuur mij een toegangscode",
        "have_code": "Heb je al een toegangscode?", "to_message": "Schrijf je bericht",
        "step_message": "Stap 2 van 2: schrijf je bericht",
        "code_sent": "Wij hebben een toegangscode gestuurd naar",
        "code_valid": "De code is 30 minuten geldig en werkt één keer.",
        "no_code": "Nog geen toegangscode?", "ask_one": "Vraag er een aan",
        "limit_hint": "Eén bijlage; je bericht en de bijlage samen hoogstens",
        "send": "Veilig versturen",
        "sent": "Je bericht is veilig verstuurd", "reference": "Kenmerk", "received": "Ontvangen op",
        "attached": "Bijlage", "keep_reference": "Noem dit kenmerk als je ons over dit bericht belt of mailt.",
        "stored": "Wij bewaren je bericht versleuteld.", "privacy": "Hoe wij met je gegevens omgaan",
        "another": "Nog een bericht sturen",
        "problems": "Je bericht is niet verstuurd. Kijk hieronder wat er niet goed ging.",
        "code_problems": "Er is geen code verstuurd. Kijk hieronder wat er niet goed ging.",
    },
    "en": {
        "title": "Secure mail", "name": "Name", "email": "E-mail address",
        "code": "Access code (from the e-mail)", "message": "Your message", "attachment": "Attachment (optional)",
        "step_code": "Step 1 of 2: ask for an access code",
        "explain_code": ("Enter your name and e-mail address. You will receive an access code in your mailbox; that "
                         "shows us the address is yours."),
        "ask_code": "Send me an access code",
        "have_code": "Do you have an access code already?", "to_message": "Write your message",
        "step_message": "Step 2 of 2: write your message",
        "code_sent": "We sent an access code to",
        "code_valid": "The code is valid for 30 minutes and works once.",
        "no_code": "No access code yet?", "ask_one": "Ask for one",
        "limit_hint": "One attachment; your message and the attachment together at most",
        "send": "Send securely",
        "sent": "Your message was sent securely", "reference": "Reference", "received": "Received on",
        "attached": "Attachment", "keep_reference": "Mention this reference when you call or mail us about it.",
        "stored": "We keep your message encrypted.", "privacy": "How we handle your data",
        "another": "Send another message",
        "problems": "Your message was not sent. See below what went wrong.",
        "code_problems": "No code was sent. See below what went wrong.",
    },
}

ERRORS: dict[str, str] = {
    "name_required": "Vul je naam in. (Enter your name.)",
    "email_required": "Vul je e-mailadres in. (Enter your e-mail address.)",
    "code_required": "Vul de toegangscode uit de e-mail in. (Enter the access code from the e-mail.)",
    "message_required": "Typ een bericht. (Type a message.)",
    "max_length": "Hoogstens %(limit_value)d tekens. (At most %(limit_value)d characters.)",
    "attachment_empty": "Het bestand is leeg. (The file is empty.)",
    "attachment_invalid": "Er kwam geen bestand mee; kies het opnieuw. (No file arrived; choose it again.)",
    "too_large": ("Je bericht met bijlage is groter dan {limit} en is niet verstuurd. Kies een kleinere bijlage; je "
                  "tekst staat er nog. (Your message with attachment is larger than {limit} and was not sent. "
                  "Choose a smaller attachment; your text is still here.)"),
    "throttled": ("Te veel codes aangevraagd voor dit adres; probeer het over een uur opnieuw. "
                  "(Too many codes requested for this address; try again in an hour.)"),
}


def size_words(size: int) -> str:
    """A byte count as people say it: 1 MB, 512 kB."""
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.3g} MB"
    return f"{size / 1024:.3g} kB"
