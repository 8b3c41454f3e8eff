"""The tip page's words per language (`?lang=en`); Dutch is the default. Field labels come from the policy."""

from __future__ import annotations

TEXT: dict[str, dict[str, str]] = {
    "nl": {
        "title": "Stuur ons een tip",
        "intro": "Heb je een idee of een tip voor ons? Laat het hier weten. Je hoeft niet in te loggen.",
        "minimal": ("Wij vragen niet meer dan je tip. Schrijf er geen gegevens over je gezondheid of over andere "
                    "mensen in."),
        "consent": "Als je de tip verstuurt, geef je ons toestemming om hem te gebruiken zoals hieronder staat.",
        "kept": "Wij bewaren je tip en je e-mailadres maximaal {period}; daarna verwijderen wij ze.",
        "privacy": "Lees in onze privacyverklaring hoe wij met je gegevens omgaan",
        "send": "Tip versturen",
        "thanks": "Bedankt voor je tip",
        "received": "Wij hebben je tip ontvangen.",
        "reference": "Kenmerk",
        "reply": "Je gaf je e-mailadres: wij kunnen je dus een reactie sturen.",
        "deleted": "Je tip wordt verwijderd op",
        "another": "Nog een tip sturen",
        "problems": "Je tip is niet verstuurd. Kijk hieronder wat er niet goed ging.",
        "required": "Vul dit in.",
        "optional": "niet verplicht",
    },
    "en": {
        "title": "Send us a tip",
        "intro": "Do you have an idea or a tip for us? Let us know here. You do not need to log in.",
        "minimal": "We ask no more than your tip. Please do not write about your health or about other people.",
        "consent": "By sending the tip you consent to our using it as described below.",
        "kept": "We keep your tip and your e-mail address for at most {period}; then we delete them.",
        "privacy": "Read in our privacy statement how we handle your data",
        "send": "Send tip",
        "thanks": "Thank you for your tip",
        "received": "We have received your tip.",
        "reference": "Reference",
        "reply": "You gave your e-mail address, so we can send you a reply.",
        "deleted": "Your tip will be deleted on",
        "another": "Send another tip",
        "problems": "Your tip was not sent. See below what went wrong.",
        "required": "Please fill this in.",
        "optional": "optional",
    },
}
