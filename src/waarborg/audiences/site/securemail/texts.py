"""The secure-mail pages' own words for labels and form errors, through gettext (docs/i18n.md). Refusals of
the secure-mail actions (codes, virus scan) keep their own wording, Dutch first with English after it, as
the API gives them."""

from __future__ import annotations

from django.utils.translation import gettext_lazy

LABELS = {
    "name": gettext_lazy("Naam"),
    "email": gettext_lazy("E-mailadres"),
    "code": gettext_lazy("Toegangscode (uit de e-mail)"),
    "message": gettext_lazy("Uw bericht"),
    "attachment": gettext_lazy("Bijlage (niet verplicht)"),
}

ERRORS = {
    "name_required": gettext_lazy("Vul uw naam in."),
    "email_required": gettext_lazy("Vul uw e-mailadres in."),
    "code_required": gettext_lazy("Vul de toegangscode uit de e-mail in."),
    "message_required": gettext_lazy("Typ een bericht."),
    "max_length": gettext_lazy("Hoogstens %(limit_value)d tekens."),
    "attachment_empty": gettext_lazy("Het bestand is leeg."),
    "attachment_invalid": gettext_lazy("Er kwam geen bestand mee; kies het opnieuw."),
    "too_large": gettext_lazy("Uw bericht met bijlage is groter dan %(limit)s en is niet verstuurd. "
                              "Kies een kleinere bijlage; uw tekst staat er nog."),
    "throttled": gettext_lazy("Te veel codes aangevraagd voor dit adres; probeer het over een uur opnieuw."),
}


def size_words(size: int) -> str:
    """A byte count as people say it: 1 MB, 512 kB."""
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.3g} MB"
    return f"{size / 1024:.3g} kB"
