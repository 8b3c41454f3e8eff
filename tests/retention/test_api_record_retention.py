"""GET records/{id}/retention: the date, the rule, and in plain words why."""

from __future__ import annotations

from typing import Any

import pytest
import time_machine

from tests.retention.conftest import at
from waarborg.engine.audit.models import AuditEntry


@pytest.fixture
def application(make: Any) -> Any:
    first = make.record("application", at(2024, 3, 1))
    return make.record("application", at(2025, 2, 1), subject=first.subject, edition=2025)


def _url(record: Any) -> str:
    return f"/api/v1/records/{record.pk}/retention"


def test_unauthenticated_is_401(application: Any, anonymous: Any) -> None:
    assert anonymous.get(_url(application)).status_code == 401


def test_a_role_without_read_on_the_purpose_is_refused_and_logged(application: Any, personas: Any) -> None:
    for name in ("outsider", "project_leader"):
        answer = personas[name].get(_url(application))
        assert answer.status_code == 403 and answer.json()["reason"] == "role_not_granted"
    assert AuditEntry.objects.filter(action="retention.read.refused", record_id=str(application.pk)).count() == 2


def test_an_unknown_record_is_404(personas: Any) -> None:
    assert personas["assessor"].get("/api/v1/records/7d0f6a4e-0000-4000-8000-000000000000/retention").status_code == 404


@pytest.mark.promise("S0-29", "S0-30")
def test_the_explanation_names_the_rule_the_calendar_and_the_restart(application: Any, personas: Any) -> None:
    answer = personas["assessor"].get(_url(application))
    assert answer.status_code == 200
    body = answer.json()
    assert body["rule"] == "award_cycle"
    assert body["expires_at"].startswith("2027-11-29T23:00:00")  # 2027-11-30 00:00 in Amsterdam
    text = body["explanation"]
    assert "Tot 12 maanden na de sluiting van de volgende ronde" in text
    assert "2e 'Sluiting van een ronde van de mantelzorgwaardering'" in text and "30-11-2026" in text
    assert "De gegevens worden verwijderd op 30-11-2027." in text
    assert AuditEntry.objects.filter(action="retention.read", record_id=str(application.pk)).count() == 1


def test_the_explanation_in_english(application: Any, personas: Any) -> None:
    first = application.subject.records.order_by("collected_at").first()
    text = personas["privacy_officer"].get(_url(first), {"lang": "en"}).json()["explanation"]
    assert "The period restarted with a new record for the same purpose on 2025-02-01." in text
    assert "The data is deleted on 2027-11-30." in text


def test_an_open_ended_clock_says_what_it_waits_for(make: Any, personas: Any) -> None:
    subscription = make.record("newsletter_subscription", at(2024, 1, 1))
    body = personas["privacy_officer"].get(_url(subscription)).json()
    assert body["expires_at"] is None and body["rule"] == "until_unsubscribed"
    assert "Geen einddatum zolang de gebeurtenis 'consent_withdrawn' bij de betrokkene" in body["explanation"]


def test_a_hold_and_the_ceiling_are_explained(make_wlz: Any, wlz: Any) -> None:
    from waarborg.engine.retention.events import event_record
    from waarborg.engine.retention.holds import hold_place

    care_file = make_wlz.record("care_file", at(2020, 3, 1))
    with time_machine.travel(at(2024, 1, 10), tick=False):
        event_record(wlz["counsellor"].user, name="service_ended", at=at(2024, 1, 10), subject=care_file.subject)
        hold_place(wlz["privacy_officer"].user, subject=care_file.subject, reason="dispute",
                   justification="Geschil over de rekening.")
    text = wlz["counsellor"].get(_url(care_file)).json()["explanation"]
    assert "Een bewaarplicht (geschil) houdt de gegevens vast tot die wordt opgeheven." in text
    assert "Het plafond van 7 jaar na de start gaat voor: uiterlijk 10-01-2031." in text
