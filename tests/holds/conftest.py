"""Holds and extensions on WlzCliëntondersteuning's shipped policy (`examples/wlzclientondersteuning.yaml`), driven
through the REST API and the CLI as the organisation works.

Personas: client supporter `wendy` (need-to-know, does the intake), her colleague `wim`, the privacy officer
`pia` (manages retention), `ad` of the administration and coordinator `cor`. A client's care file is collected
on 2020-03-01 and the service ends on E = 2024-01-10: the care file's five years run to 2029-01-10, its
ceiling (five years plus the one extension of two) to 2031-01-10.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from tests.conftest import Persona, activate_example, make_staff

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
END = "2024-01-10T12:00:00+01:00"


def at(year: int, month: int, day: int, hour: int = 12) -> datetime:
    return datetime(year, month, day, hour, tzinfo=AMSTERDAM)


@pytest.fixture
def wlz(db: Any) -> dict[str, Persona]:
    activate_example("wlzclientondersteuning")
    staff = {"supporter": ("wendy", ["client_supporter"]), "colleague": ("wim", ["client_supporter"]),
             "officer": ("pia", ["privacy_officer"]), "administration": ("ad", ["administration"]),
             "coordinator": ("cor", ["coordinator"])}
    return {name: Persona(*make_staff(username, roles)) for name, (username, roles) in staff.items()}


def client_with_care_file(wlz: dict[str, Persona], name: str = "Kees Kok", *, ended: bool = True) -> dict[str, str]:
    """A client registered by the supporter (the intake), with a signed statement and a care file of 2020-03-01,
    and (unless `ended` is False) the end of the service on E; ids of the subject and the care file."""
    supporter = wlz["supporter"]
    subject = supporter.post("/api/v1/subjects", {}, format="json", HTTP_X_PURPOSE="client_support")
    assert subject.status_code == 201, subject.content
    client = str(subject.json()["id"])
    consent = supporter.post("/api/v1/consents", {
        "subject": client, "purpose": "client_support", "given_at": "2020-02-20T10:00:00+01:00",
        "signatories": [{"role": "self", "name": name}],
        "evidence": {"document": "toestemmingsverklaring.pdf", "scope": ["general", "special"]}}, format="json")
    assert consent.status_code == 201, consent.content
    care_file = supporter.post("/api/v1/records", {
        "subject": client, "type": "care_file", "collected_at": "2020-03-01T12:00:00+01:00",
        "data": {"care_situation": "Woont thuis met mantelzorg van dochter.", "health": "Beginnende dementie."}},
        format="json", HTTP_X_PURPOSE="client_support")
    assert care_file.status_code == 201, care_file.content
    if ended:
        event = supporter.post("/api/v1/events", {"name": "service_ended", "at": END, "subject": client},
                               format="json")
        assert event.status_code == 201, event.content
    return {"subject": client, "care_file": str(care_file.json()["id"])}


def refusals(action: str, reason: str = "role_not_granted") -> int:
    from waarborg.engine.audit.models import AuditEntry

    return AuditEntry.objects.filter(action=f"{action}.refused", outcome="refused", reason=reason).count()
