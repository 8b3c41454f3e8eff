"""The five shipped example policies, as a rights request meets them: who stores a record (a role the policy gives
write on a purpose without need-to-know), which record, and how staff verify an identity under that policy.

Data is stored through the API by that role, as the organisation would; nothing here edits a policy.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from tests.conftest import Persona, activate_example, make_staff
from tests.rights.conftest import ALL_REDACTIONS


@dataclass(frozen=True)
class Shipped:
    writer: str  # a role that writes `type` under `purpose`
    purpose: str
    type: str
    data: dict[str, Any]
    marker: str  # a value of `data` that shows the export holds the record
    method: dict[str, Any] = field(default_factory=lambda: {"method": "in_person"})


ORGANISATIONS: dict[str, Shipped] = {
    "ikzorginassen": Shipped("helpdesk", "helpdesk", "helpdesk_ticket",
                             {"question": "Wanneer wordt mijn waardering uitbetaald?", "email": "jan@example.nl"},
                             "Wanneer wordt mijn waardering uitbetaald?",
                             {"method": "id_copy", "redactions": ALL_REDACTIONS}),
    "socialekaart": Shipped("editor", "listing", "listing", {"name": "Buurthuis De Linde"}, "Buurthuis De Linde",
                            {"method": "id_copy", "redactions": [*ALL_REDACTIONS, "pasfoto", "MRZ", "paspoortnummer",
                                                                 "Burgerservicenummer (BSN)"]}),
    "wlzclientondersteuning": Shipped("administration", "administration", "invoice",
                                      {"client_name": "Jan Jansen", "amount": "99.00", "invoice_date": "2026-01-15"},
                                      "Jan Jansen"),
    "werkzaak": Shipped("front_office", "questions", "question",
                        {"email": "jan@example.nl", "question": "Mag ik mijn dossier inzien?"},
                        "Mag ik mijn dossier inzien?"),
    "kwartier": Shipped("administration", "administration", "invoice",
                        {"counterparty": "Jan Jansen", "amount": "12.50"}, "Jan Jansen"),
}


def activate(name: str) -> tuple[Any, Shipped]:
    from waarborg.engine.policy.active import current

    activate_example(name)
    return current(), ORGANISATIONS[name]


def handler_roles(policy: Any) -> list[str]:
    return sorted(rid for rid, role in policy.roles.items() if role.privacy_officer or role.dpo
                  or "requests" in role.manages)


def staff(username: str, roles: list[str]) -> Persona:
    return Persona(*make_staff(username, roles))


def stored(org: Shipped, writer: Persona) -> str:
    """A subject with one record, stored through the API by the policy's own writer role; the subject's id."""
    subject = writer.post("/api/v1/subjects", {}, format="json", HTTP_X_PURPOSE=org.purpose)
    assert subject.status_code == 201, subject.content
    record = writer.post("/api/v1/records", {"subject": subject.json()["id"], "type": org.type, "data": org.data},
                         format="json", HTTP_X_PURPOSE=org.purpose)
    assert record.status_code == 201, record.content
    return str(subject.json()["id"])
