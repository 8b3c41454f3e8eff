"""The portal's words that are looked up by a code (request types, statuses, field labels), through
gettext (docs/i18n.md): the reader's language is the request's (`get_language()`)."""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import pgettext_lazy

REQUEST_TYPES: dict[str, Promise] = {
    "access": pgettext_lazy("request type", "Inzage in mijn gegevens"),
    "rectification": pgettext_lazy("request type", "Correctie van mijn gegevens"),
    "completion": pgettext_lazy("request type", "Aanvulling van mijn gegevens"),
    "erasure": pgettext_lazy("request type", "Verwijdering van mijn gegevens"),
    "restriction": pgettext_lazy("request type", "Afscherming (beperking)"),
    "objection": pgettext_lazy("request type", "Bezwaar tegen een verwerking"),
    "portability": pgettext_lazy("request type", "Mijn gegevens in een computerbestand"),
    "withdraw_consent": pgettext_lazy("request type", "Toestemming intrekken"),
    "disclosures": pgettext_lazy("request type", "Aan wie zijn mijn gegevens verstrekt?"),
    "complaint": pgettext_lazy("request type", "Klacht over het gebruik van mijn gegevens"),
}

STATUSES: dict[str, Promise] = {
    "received": pgettext_lazy("request status", "Ontvangen"),
    "awaiting_identification": pgettext_lazy("request status", "Wacht op identificatie"),
    "in_progress": pgettext_lazy("request status", "In behandeling"),
    "answered": pgettext_lazy("request status", "Beantwoord"),
    "rejected": pgettext_lazy("request status", "Afgewezen"),
    "closed": pgettext_lazy("request status", "Afgesloten"),
}

FIELD_LABELS: dict[str, Promise] = {
    "name": pgettext_lazy("application field", "Naam"),
    "email": pgettext_lazy("application field", "E-mailadres"),
    "phone": pgettext_lazy("application field", "Telefoonnummer"),
    "address": pgettext_lazy("application field", "Adres"),
    "postcode": pgettext_lazy("application field", "Postcode"),
    "birth_date": pgettext_lazy("application field", "Geboortedatum (jjjj-mm-dd)"),
    "care_recipient_address": pgettext_lazy("application field", "Adres van de zorgvrager"),
    "edition": pgettext_lazy("application field", "Ronde (jaar)"),
    "hours_per_week": pgettext_lazy("application field", "Uren zorg per week"),
    "relationship": pgettext_lazy("application field", "Relatie tot de zorgvrager"),
}


def word(table: dict[str, Promise], key: str) -> str:
    """The word for `key` in the active language; an unknown key as it is."""
    return str(table.get(key, key))
