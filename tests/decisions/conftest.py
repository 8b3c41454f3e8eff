"""Cases for decision tests: an award application and its payout record, in the seed 000 policy."""

from __future__ import annotations

from typing import Any

APPLICATION = {"name": "Jan Jansen", "phone": "0612345678", "address": "Kerkstraat 1, Assen",
               "birth_date": "1970-01-01", "care_recipient_address": "Kerkstraat 3, Assen", "edition": 2025}
PAYOUT = {"iban": "NL91ABNA0417164300", "account_holder": "J. Jansen", "amount": "150.00", "edition": 2025}


def application(actor: Any) -> Any:
    from waarborg.engine.records.actions import record_create, subject_create

    subject = subject_create(actor)
    return record_create(actor, subject=subject, type="application", data=APPLICATION, purpose="eligibility")


def payout_record(actor: Any, application: Any, **data: Any) -> Any:
    from waarborg.engine.records.actions import record_create

    return record_create(actor, subject=application.subject, type="payout", data={**PAYOUT, **data},
                         purpose="payout")


def decide(persona: Any, record: Any, outcome: str = "granted", reasoning: str = "Voldoet aan de voorwaarden") -> Any:
    return persona.client.post("/api/v1/decisions", {"record": str(record.pk), "outcome": outcome,
                                                     "reasoning": reasoning}, format="json")


def pay(persona: Any, application: Any, payout: Any) -> Any:
    return persona.client.post("/api/v1/decisions/payouts", {"application": str(application.pk),
                                                             "payout_record": str(payout.pk)}, format="json")


def audit(action: str, outcome: str = "ok") -> list[Any]:
    from waarborg.engine.audit.models import AuditEntry

    return list(AuditEntry.objects.filter(action=action, outcome=outcome))
