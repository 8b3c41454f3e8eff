"""A test policy with the recipients and reason sets of seeds 001-004 on top of seed 000.

- `care_partner` (seed 002): agreed work, legal obligation, authority request.
- `police` (an authority, no agreement needed): authority request, legal obligation.
- `welfare_partner` (seed 004): contract, legal obligation, legitimate/public interest, consent.
- `old_host`: a processor whose agreement expired on 2024-12-31 (S1-20).
- `unbound_party`: a third party with no agreement on file (S3-08).
- Role `discloser`: may write and disclose eligibility, newsletter and statistics data.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import EXAMPLES, Persona, make_staff

APPLICATION = {"name": "Jan Jansen", "phone": "0612345678", "address": "Kerkstraat 1, Assen",
               "birth_date": "1970-01-01", "care_recipient_address": "Kerkstraat 3, Assen", "edition": 2024}

EVERYTHING = ["identity", "contact", "address", "birth_date", "care_situation", "payout", "bank", "message"]

RECIPIENTS = {
    "care_partner": {"label": "Zorgpartner", "kind": "third_party",
                     "agreement": {"reference": "SAMEN-2024", "kind": "contract", "valid_from": "2024-01-01"},
                     "purposes": ["eligibility"], "categories": EVERYTHING,
                     "reasons": ["agreed_work", "legal_obligation", "authority_request"]},
    "police": {"label": "Politie", "kind": "authority", "purposes": ["eligibility"], "categories": EVERYTHING,
               "reasons": ["authority_request", "legal_obligation"]},
    "welfare_partner": {"label": "Welzijnspartner", "kind": "third_party",
                        "agreement": {"reference": "WP-2024", "kind": "contract", "valid_from": "2024-01-01"},
                        "purposes": ["eligibility", "newsletter"], "categories": EVERYTHING,
                        "reasons": ["contract", "legal_obligation", "legitimate_interest", "public_interest",
                                    "consent"]},
    "old_host": {"label": "Vorige hostingpartij", "kind": "processor",
                 "agreement": {"reference": "VWO-OLD", "valid_from": "2020-01-01", "valid_until": "2024-12-31"},
                 "purposes": ["eligibility"], "categories": EVERYTHING, "reasons": ["agreed_work"]},
    "unbound_party": {"label": "Partij zonder afspraken", "kind": "third_party", "purposes": ["eligibility"],
                      "categories": EVERYTHING, "reasons": ["agreed_work", "contract"]},
}


@pytest.fixture
def sharing_policy(db: Any, tmp_path: Path) -> Any:
    from waarborg.engine.policy.active import activate, current
    from waarborg.engine.policy.loader import load_text

    data = yaml.safe_load((EXAMPLES / "ikzorginassen.yaml").read_text(encoding="utf-8"))
    data["recipients"].update(RECIPIENTS)
    data["roles"]["discloser"] = {"label": "Verstrekker", "grants": {
        "eligibility": ["read", "write", "disclose"], "newsletter": ["read", "write", "disclose"],
        "statistics": ["write", "disclose"]}}
    activate(load_text(yaml.safe_dump(data, allow_unicode=True), "sharing.yaml"))
    return current()


@pytest.fixture
def discloser(sharing_policy: Any) -> Persona:
    return Persona(*make_staff("dora", ["discloser"]))


@pytest.fixture
def bystander(sharing_policy: Any) -> Persona:
    return Persona(*make_staff("bert", ["helpdesk"]))


def applicant(actor: Any, **data: Any) -> tuple[Any, Any]:
    from waarborg.engine.records.actions import record_create, subject_create

    subject = subject_create(actor)
    record = record_create(actor, subject=subject, type="application", data={**APPLICATION, **data},
                           purpose="eligibility")
    return subject, record


def disclose(persona: Persona, subject: Any, **body: Any) -> Any:
    payload = {"subject": str(subject.pk), "recipient": "care_partner", "purpose": "eligibility",
               "reason": "agreed_work", **body}
    return persona.client.post("/api/v1/disclosures", payload, format="json")


def refused_entries(reason: str) -> list[Any]:
    from waarborg.engine.audit.models import AuditEntry

    return list(AuditEntry.objects.filter(action="disclosure.refused", outcome="refused", reason=reason))


@pytest.fixture
def officer(sharing_policy: Any) -> Persona:
    return Persona(*make_staff("pim", ["privacy_officer"]))
