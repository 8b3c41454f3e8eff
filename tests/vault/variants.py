"""A variant of the seed 000 policy with what other seeds need: a client dossier with special
(health) data under public task (seed 002) and listings supplied by the municipality (seed 001)."""

from __future__ import annotations

from typing import Any

import yaml

from tests.conftest import EXAMPLES

EXTRA: dict[str, Any] = {
    "categories": {"health": {"label": {"nl": "Gezondheid", "en": "Health"}, "special": True}},
    "purposes": {
        "support": {
            "label": {"nl": "Cliëntondersteuning", "en": "Client support"},
            "description": {"nl": "Wij ondersteunen je bij zorg uit de Wlz.", "en": "We support you with Wlz care."},
            "basis": "public_task", "basis_detail": {"law": "art. 4.2.1 Wet langdurige zorg"},
            "art9_condition": "health_social_care", "art9_ground": "art. 30 lid 3 UAVG",
            "sources": ["subject", "representative", "involved_person", "organisation", "public_source"],
        },
        "listing": {
            "label": {"nl": "Sociale kaart", "en": "Social map"},
            "description": {"nl": "Vermelding van aanbieders.", "en": "Listing of providers."},
            "basis": "public_task", "basis_detail": {"law": "art. 2.1.1 Wmo 2015"},
            "sources": ["municipality", "subject"],
        },
    },
    "record_types": {
        "dossier_note": {"purpose": "support", "label": {"nl": "Dossiernotitie"}, "retention": "helpdesk_1y",
                         "fields": {"situation": {"category": "care_situation", "required": True},
                                    "diagnosis": {"category": "health"}}},
        "listing": {"purpose": "listing", "label": {"nl": "Vermelding"}, "retention": "helpdesk_1y",
                    "fields": {"name": {"category": "identity", "required": True},
                               "phone": {"category": "contact", "type": "phone"}}},
    },
    "roles": {"client_supporter": {"label": {"nl": "Cliëntondersteuner"},
                                   "grants": {"support": ["read", "write"], "listing": ["read", "write"]}}},
}


def activate_variant() -> Any:
    from waarborg.engine.policy.active import activate, current
    from waarborg.engine.policy.loader import load_text

    data = yaml.safe_load((EXAMPLES / "ikzorginassen.yaml").read_text(encoding="utf-8"))
    for section, additions in EXTRA.items():
        data[section] = {**data[section], **additions}
    activate(load_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "variant.yaml"))
    return current()
