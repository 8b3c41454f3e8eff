"""Through the front door: "twee jaar na het einde van de dienstverlening of na het intrekken van uw
toestemming, wat het eerst komt". The policy is activated with `waarborg policy activate`, the end of the
service is reported with `POST /api/v1/events`, the clock is read with `GET records/{id}/retention`, and
`waarborg sweep` deletes the record on the day the words say, not a day earlier."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import time_machine
import yaml

from tests.conftest import Persona, make_staff
from tests.retention.conftest import at, record_exists
from waarborg.audiences.cli import main
from waarborg.engine.records.actions import record_create, subject_create

POLICY = {
    "organisation": {"id": "buurtzorg_noord", "name": "Buurtzorg Noord", "privacy_contact": {"email": "privacy@bzn.nl"}},
    "statement": {"version": "1", "effective": "2024-01-01"},
    "categories": {"contact": {"label": "Contactgegevens"}},
    "purposes": {"support": {"label": "Ondersteuning", "description": "Ondersteuning thuis", "basis": "consent"}},
    "record_types": {"client_file": {"purpose": "support", "label": "Cliëntdossier", "retention": "two_years",
                                     "fields": {"name": {"category": "contact"}}}},
    "events": {"service_ended": {"nl": "het einde van de dienstverlening", "en": "the end of the service"},
               "consent_withdrawn": {"nl": "het intrekken van uw toestemming", "en": "the withdrawal of your consent"}},
    "retention": {"two_years": {"period": "P2Y", "start": {"earliest": ["service_ended", "consent_withdrawn"]}}},
    "roles": {"coordinator": {"label": "Coördinator", "privacy_officer": True, "manages": ["retention"],
                              "grants": {"support": ["read", "write"]}}},
}


@pytest.fixture
def coordinator(db: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Persona:
    path = tmp_path / "buurtzorg.yaml"
    path.write_text(yaml.safe_dump(POLICY, allow_unicode=True), encoding="utf-8")
    assert main(["policy", "check", str(path)]) == 0
    assert main(["policy", "activate", str(path)]) == 0
    capsys.readouterr()
    return Persona(*make_staff("cora", ["coordinator"]))


def _client_file(coordinator: Persona) -> Any:
    with time_machine.travel(at(2024, 3, 1), tick=False):
        subject = subject_create(coordinator.user)
        return record_create(coordinator.user, subject=subject, type="client_file", purpose="support",
                             data={"name": "Jan Bakker"}, collected_at=at(2024, 3, 1))


def _sweep(capsys: pytest.CaptureFixture[str], when: Any) -> str:
    with time_machine.travel(when, tick=False):
        assert main(["sweep"]) == 0
    return capsys.readouterr().out


def test_the_file_goes_two_years_after_the_service_ended_when_that_came_first(
        coordinator: Persona, capsys: pytest.CaptureFixture[str]) -> None:
    # Given a client file whose service ends on 15 May 2024 (consent is never withdrawn)
    record = _client_file(coordinator)
    with time_machine.travel(at(2024, 5, 20), tick=False):
        answer = coordinator.post("/api/v1/events", {"name": "service_ended", "at": "2024-05-15T12:00:00+02:00",
                                                     "subject": str(record.subject_id)}, format="json")
        assert answer.status_code == 201
        shown = coordinator.get(f"/api/v1/records/{record.pk}/retention").json()
    # Then the clock says 15 May 2026 and explains which of the two came first
    assert shown["expires_at"].startswith("2026-05-15")
    assert "de eerste van: de gebeurtenis 'service_ended'" in shown["explanation"]
    assert "De gebeurtenis 'consent_withdrawn' bij de betrokkene: nog niet." in shown["explanation"]
    # When the sweep runs the day before, the file stays; on the day itself, it goes
    assert "total: 0 deleted" in _sweep(capsys, at(2026, 5, 14))
    assert record_exists(record)
    assert "two_years: 1 deleted" in _sweep(capsys, at(2026, 5, 15, 13))
    assert not record_exists(record)


def test_a_withdrawal_before_the_end_of_the_service_starts_the_two_years(
        coordinator: Persona, capsys: pytest.CaptureFixture[str]) -> None:
    # Given a client file; consent is withdrawn on 1 April 2024, the service only ends in 2025
    record = _client_file(coordinator)
    from waarborg.engine.retention.events import event_record

    event_record(coordinator.user, name="consent_withdrawn", at=at(2024, 4, 1), subject=record.subject)
    with time_machine.travel(at(2025, 2, 1), tick=False):
        assert coordinator.post("/api/v1/events", {"name": "service_ended", "at": "2025-01-31T12:00:00+01:00",
                                                   "subject": str(record.subject_id)}, format="json").status_code == 201
    # Then the earlier of the two counts: the file goes on 1 April 2026, not in 2027
    shown = coordinator.get(f"/api/v1/records/{record.pk}/retention", {"lang": "en"}).json()
    assert shown["expires_at"].startswith("2026-04-01")
    assert "two_years: 1 deleted" in _sweep(capsys, at(2026, 4, 2))
    assert not record_exists(record)
