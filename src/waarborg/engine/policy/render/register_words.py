"""The register of processing activities (art. 30 AVG) in words, kept in Dutch like the rest of the register."""

from __future__ import annotations

from typing import Any

from django.utils.translation import pgettext_lazy

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
