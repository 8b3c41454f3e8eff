"""Realistic, valid record data for the seed 000 policy, and small helpers to look at the audit log."""

from __future__ import annotations

from typing import Any

APPLICATION: dict[str, Any] = {
    "name": "Joke de Vries",
    "email": "joke.devries@example.nl",
    "phone": "+31 6 12345678",
    "address": "Kerkstraat 17, Assen",
    "postcode": "9401 AB",
    "birth_date": "1961-04-12",
    "care_recipient_address": "Brink 5, Assen",
    "edition": 2025,
    "hours_per_week": 12,
    "relationship": "ouder",
}
PAYOUT: dict[str, Any] = {"iban": "NL91ABNA0417164300", "account_holder": "J. de Vries", "amount": "250.00",
                          "edition": 2025}
REGISTRATION: dict[str, Any] = {"event": "Mantelzorgcafé maart", "name": "Joke de Vries",
                                "email": "joke.devries@example.nl"}
VALID_BSN = "111222333"


def application(**changes: Any) -> dict[str, Any]:
    data = {**APPLICATION, **changes}
    return {k: v for k, v in data.items() if v is not ...}


def entries(**filters: Any) -> list[Any]:
    from waarborg.engine.audit.models import AuditEntry

    return list(AuditEntry.objects.filter(**filters).order_by("id"))


def last_entry(**filters: Any) -> Any:
    found = entries(**filters)
    assert found, f"no audit entry matching {filters}"
    return found[-1]
