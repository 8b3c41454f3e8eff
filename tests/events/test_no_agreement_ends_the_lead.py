"""WlzCliëntondersteuning's shipped policy: contact details left to reach an agreement are kept four weeks (S2-17);
when the talks end without an agreement, the client supporter reports `no_agreement` and the details go at the next
sweep (S2-18: the rule `lead_4w` ends early on that event). All through the API and `waarborg sweep`."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import time_machine

from tests.conftest import Persona, activate_example, make_staff
from waarborg.audiences.cli import main
from waarborg.engine.audit.models import AuditEntry
from waarborg.engine.vault.models import Record

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def at(year: int, month: int, day: int, hour: int = 12) -> datetime:
    return datetime(year, month, day, hour, tzinfo=AMSTERDAM)


@pytest.fixture
def wlz(db: Any) -> dict[str, Persona]:
    activate_example("wlzclientondersteuning")
    return {"supporter": Persona(*make_staff("wendy", ["client_supporter"])),
            "colleague": Persona(*make_staff("wim", ["client_supporter"])),
            "administration": Persona(*make_staff("ad", ["administration"]))}


def _lead(supporter: Persona) -> dict[str, Any]:
    """An information request from the website, registered by the supporter (the intake gives her the case)."""
    subject = supporter.post("/api/v1/subjects", {}, format="json", HTTP_X_PURPOSE="lead")
    assert subject.status_code == 201, subject.content
    lead = supporter.post("/api/v1/records", {
        "subject": subject.json()["id"], "type": "lead", "collected_at": "2026-11-02T12:00:00+01:00",
        "data": {"name": "Els de Boer", "email": "els@example.nl", "question": "Kunt u mij helpen met de Wlz?"}},
        format="json", HTTP_X_PURPOSE="lead")
    assert lead.status_code == 201, lead.content
    return {"subject": str(subject.json()["id"]), **lead.json()}


def _sweep(capsys: pytest.CaptureFixture[str], when: datetime) -> str:
    with time_machine.travel(when, tick=False):
        assert main(["sweep"]) == 0
    return capsys.readouterr().out


@pytest.mark.promise("S2-17")
def test_a_lead_is_deleted_four_weeks_after_it_came_in(wlz: dict[str, Persona],
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    lead = _lead(wlz["supporter"])
    assert lead["expires_at"] == "2026-11-30T11:00:00Z"
    assert "total: 0 deleted" in _sweep(capsys, at(2026, 11, 30, 11))
    assert "lead_4w: 1 deleted" in _sweep(capsys, at(2026, 11, 30, 13))
    assert not Record.objects.filter(pk=lead["id"]).exists()


@pytest.mark.promise("S2-18")
def test_no_agreement_deletes_the_lead_at_the_next_sweep(wlz: dict[str, Persona],
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    supporter = wlz["supporter"]
    lead = _lead(supporter)
    # when the talks end without an agreement, the supporter reports it for the prospective client
    answer = supporter.post("/api/v1/events", {"name": "no_agreement", "subject": lead["subject"],
                                               "at": "2026-11-05T12:00:00+01:00"}, format="json")
    assert answer.status_code == 201, answer.content
    assert answer.json()["clocks_changed"] == 1
    # then the clock ends at once, and the record's retention says why
    shown = supporter.get(f"/api/v1/records/{lead['id']}/retention").json()
    assert shown["expires_at"] == "2026-11-05T11:00:00Z"
    assert "beëindigt de termijn eerder" in shown["explanation"]
    # and the next sweep deletes it and logs the rule
    assert "lead_4w: 1 deleted" in _sweep(capsys, at(2026, 11, 6))
    assert not Record.objects.filter(pk=lead["id"]).exists()
    deleted = AuditEntry.objects.get(action="record.delete", detail__rule="lead_4w")
    assert deleted.detail["items"]["record"] == [lead["id"]]


def test_only_the_supporter_with_the_case_reports_no_agreement(wlz: dict[str, Persona]) -> None:
    lead = _lead(wlz["supporter"])
    body = {"name": "no_agreement", "subject": lead["subject"], "at": "2026-11-05T12:00:00+01:00"}
    # a colleague without the case
    answer = wlz["colleague"].post("/api/v1/events", body, format="json")
    assert answer.status_code == 403 and answer.json()["reason"] == "not_assigned"
    # the administration, which writes no lead
    answer = wlz["administration"].post("/api/v1/events", body, format="json")
    assert answer.status_code == 403 and answer.json()["reason"] == "role_not_granted"
    assert AuditEntry.objects.filter(action="retention.event.refused").count() == 2
    assert Record.objects.get(pk=lead["id"]).expires_at == at(2026, 11, 30)
