"""Seed 001 (the sociale kaart) active, with its people:

- `editor`: the CMS editor (writes listings and verification addresses, decides on publication);
- `service`: customer service (reads and answers feedback tickets);
- `officer`: the privacy officer (handles requests and minor reports);
- `website`: the website's service account (records device, usage and location data);
- `outsider`: staff without a role.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import Persona, activate_example, make_staff

# Every redaction the seed-001 policy asks staff to confirm on an ID copy (S1-26).
REDACTIONS = ["photo", "mrz", "document_number", "bsn", "pasfoto", "MRZ", "paspoortnummer",
              "Burgerservicenummer (BSN)"]

DE_LINDE = {"name": "Zorgboerderij De Linde", "address": "Lindelaan 4, 9401 AB Assen", "phone": "0592 123456",
            "email": "info@delinde.example.nl", "theme": "zorg_welzijn"}
HUURTEAM = {"name": "Huurteam Assen", "address": "Markt 1, 9401 GS Assen", "phone": "0592 654321",
            "email": "huur@huurteam.example.nl", "theme": "wonen"}


@pytest.fixture
def kaart(db: Any) -> dict[str, Persona]:
    activate_example("socialekaart")
    people = {"editor": make_staff("eva", ["editor"]), "service": make_staff("kees", ["customer_service"]),
              "officer": make_staff("pien", ["privacy_officer"]), "outsider": make_staff("olaf", [])}
    personas = {name: Persona(user, key) for name, (user, key) in people.items()}
    from waarborg.engine.accounts.actions import staff_create

    user, _, key = staff_create("website", ["website"], service=True)
    assert key is not None
    personas["website"] = Persona(user, key)
    return personas


def add_listing(editor: Persona, data: dict[str, Any] | None = None, *, source: str = "municipality",
                verification_email: str = "controle@delinde.example.nl") -> Any:
    body = {**(data or DE_LINDE), "source": source}
    if verification_email:
        body["verification_email"] = verification_email
    return editor.post("/api/v1/listings", body, format="json", HTTP_X_PURPOSE="listing")


def audited(action: str, **filters: Any) -> list[Any]:
    from waarborg.engine.audit.models import AuditEntry

    return list(AuditEntry.objects.filter(action=action, **filters).order_by("id"))
