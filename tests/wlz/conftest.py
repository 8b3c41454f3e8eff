"""WlzCliëntondersteuning (seed 002) on its shipped policy, `examples/wlzclientondersteuning.yaml`, unchanged:
the people who work there and small helpers that do their work through the REST API, as they would.

Personas (each with an API token; the first four come from tests/caseloads/conftest.py):
- `worker` wendy and `colleague` wim: client supporters (need-to-know on client_support, manage consents).
- `leader` cor: the coordinator, who assigns clients (manages caseloads).
- `administration` ad: the business administration (invoices) and relationship mailings.
- `officer` pia: the privacy officer (requests, breaches, retention, the registers).
- `outsider` otto: a staff account without any role.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.caseloads.conftest import new_subject, records, store, wlz  # noqa: F401 - fixture
from tests.conftest import Persona, make_staff

SIGNED = {"document": "toestemmingsverklaring-2026-014.pdf", "scope": ["general", "special"]}
CLIENT = {"name": "Kees Kok", "birth_date": "1950-02-03", "agreement_status": "prospect"}
CARE_FILE = {"care_situation": "Woont thuis met mantelzorg van zijn dochter.", "health": "Beginnende dementie.",
             "wlz_indication": "VV4", "care_providers": "Thuiszorg De Linde"}


@pytest.fixture
def people(wlz: dict[str, Persona]) -> dict[str, Persona]:  # noqa: F811 - the imported fixture
    """The caseload personas plus the privacy officer and a staff account without a role."""
    return {**wlz, "officer": Persona(*make_staff("pia", ["privacy_officer"])),
            "outsider": Persona(*make_staff("otto", []))}


def intake(supporter: Persona, **body: Any) -> str:
    """A client registered by a client supporter under client_support: hers at once (the intake)."""
    return new_subject(supporter, "client_support", **body)


def sign(supporter: Persona, subject: str, *, evidence: dict[str, Any] | None = None,
         signatories: list[dict[str, str]] | None = None, purpose: str = "client_support", **extra: Any) -> Any:
    """POST consents: the signed toestemmingsverklaring (or another consent)."""
    body: dict[str, Any] = {"subject": subject, "purpose": purpose, **extra}
    if evidence is not None or purpose == "client_support":
        body["evidence"] = SIGNED if evidence is None else evidence
    if signatories is not None:
        body["signatories"] = signatories
    return supporter.post("/api/v1/consents", body, format="json")


def read(persona: Persona, record: str, purpose: str) -> Any:
    return persona.get(f"/api/v1/records/{record}", {"purpose": purpose})


def refused(reason: str, subject: str | None = None) -> list[Any]:
    """The refused attempts with `reason` the audit log holds (about `subject`)."""
    from waarborg.engine.audit.models import AuditEntry
    from waarborg.engine.keyring.crypto import pseudonym

    entries = AuditEntry.objects.filter(outcome="refused", reason=reason)
    if subject is not None:
        entries = entries.filter(subject_pseudonym=pseudonym(subject))
    return list(entries.order_by("id"))


def verified_access_export(officer: Persona, registrar: Persona, subject: str, **body: Any) -> dict[str, Any]:
    """A written access request registered by `registrar`, verified by the officer; the JSON export."""
    request = registrar.post("/api/v1/requests", {"subject": subject, "type": "access", "channel": "post", **body},
                             format="json")
    assert request.status_code == 201, request.content
    request_id = request.json()["id"]
    verified = officer.post(f"/api/v1/requests/{request_id}/verify", {"method": "in_person"}, format="json")
    assert verified.status_code == 200, verified.content
    export = officer.get(f"/api/v1/requests/{request_id}/export")
    assert export.status_code == 200, export.content
    return dict(export.json())
