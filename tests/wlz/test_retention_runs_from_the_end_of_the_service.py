"""WlzCliëntondersteuning's periods, as staff report events through the REST API and the operator runs
`waarborg sweep`, with the shipped policy active: a lead is kept 4 weeks (S2-17) and goes at once when no
agreement follows (S2-18); nothing of a client goes while the service runs, and each period starts when it ends
(S2-16); the care file is destroyed 5 years after that (S2-19)."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import time_machine

from tests.wlz.conftest import CARE_FILE, CLIENT, intake, new_subject, read, sign, store
from waarborg.audiences.cli import main

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
LEAD = {"name": "Els de Boer", "email": "els@example.nl", "question": "Kunt u mij helpen met een Wlz-aanvraag?"}


def at(year: int, month: int, day: int, hour: int = 12) -> datetime:
    return datetime(year, month, day, hour, tzinfo=AMSTERDAM)


def sweep(capsys: pytest.CaptureFixture[str], when: datetime) -> str:
    with time_machine.travel(when, tick=False):
        assert main(["sweep"]) == 0
    return capsys.readouterr().out


def expires(persona: Any, record: str) -> datetime | None:
    shown = persona.get(f"/api/v1/records/{record}/retention").json()
    return datetime.fromisoformat(shown["expires_at"]) if shown["expires_at"] else None


def deletions(officer: Any, subject: str) -> list[str]:
    """The rules under which the audit log says the subject's records were deleted."""
    page = officer.get("/api/v1/audit/entries", {"action": "record.delete", "subject": subject}).json()
    return [e["detail"]["rule"] for e in page["entries"]]


def event(persona: Any, name: str, when: datetime, **about: str) -> Any:
    with time_machine.travel(when, tick=False):
        return persona.post("/api/v1/events", {"name": name, "at": when.isoformat(), **about}, format="json")


def _lead(supporter: Any, when: datetime) -> tuple[str, str]:
    with time_machine.travel(when, tick=False):
        subject = new_subject(supporter, "lead")
        answer = store(supporter, subject, "lead", LEAD, "lead", source={"kind": "website_form"})
    assert answer.status_code == 201, answer.content
    return subject, answer.json()["id"]


@pytest.mark.promise("S2-17")
def test_a_lead_from_the_website_is_deleted_four_weeks_after_it_came_in(
        people: dict[str, Any], capsys: pytest.CaptureFixture[str]) -> None:
    supporter, officer = people["worker"], people["officer"]
    # given a question left on the website on 2 March
    subject, lead = _lead(supporter, at(2026, 3, 2))
    # then it is kept four weeks, and the explanation says so
    assert expires(supporter, lead) == at(2026, 3, 30)
    shown = supporter.get(f"/api/v1/records/{lead}/retention").json()
    assert shown["rule"] == "lead_4w" and "4 weken" in shown["explanation"]
    # and the sweep keeps it until then and deletes it after, logging the rule
    assert "lead_4w" not in sweep(capsys, at(2026, 3, 30, 11))
    assert read(supporter, lead, "lead").status_code == 200
    assert "lead_4w: 1 deleted" in sweep(capsys, at(2026, 3, 30, 13))
    assert read(supporter, lead, "lead").status_code == 404
    assert deletions(officer, subject) == ["lead_4w"]


@pytest.mark.promise("S2-17")
def test_when_an_agreement_follows_the_client_data_stays_under_the_dossier_rules(
        people: dict[str, Any], capsys: pytest.CaptureFixture[str]) -> None:
    supporter = people["worker"]
    subject, lead = _lead(supporter, at(2026, 3, 2))
    # the talks lead to an agreement: the supporter records him as a client, who signs the statement
    with time_machine.travel(at(2026, 3, 9), tick=False):
        assert people["leader"].post(f"/api/v1/subjects/{subject}/assignments",
                                      {"purpose": "client_support", "staff": "wendy"}, format="json").status_code == 201
        assert sign(supporter, subject).status_code == 201
        client = store(supporter, subject, "client", {"name": "Els de Boer", "birth_date": "1948-11-30",
                                                      "email": "els@example.nl", "agreement_status": "active"},
                       "client_support")
    assert client.status_code == 201, client.content
    assert client.json()["expires_at"] is None  # open-ended: the dossier waits for the end of the service
    # four weeks on the lead goes, the client's data stays
    assert "lead_4w: 1 deleted" in sweep(capsys, at(2026, 4, 1))
    assert read(supporter, lead, "lead").status_code == 404
    assert read(supporter, client.json()["id"], "client_support").json()["data"]["name"] == "Els de Boer"


@pytest.mark.promise("S2-18")
def test_marking_no_agreement_deletes_the_lead_at_once(people: dict[str, Any],
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    supporter, officer = people["worker"], people["officer"]
    subject, lead = _lead(supporter, at(2026, 3, 2))
    # when the talks end without an agreement on 5 March
    answer = event(supporter, "no_agreement", at(2026, 3, 5), subject=subject)
    # then the lead's date moves to that moment, and the next sweep deletes it and logs it
    assert answer.status_code == 201 and answer.json()["clocks_changed"] == 1
    assert expires(supporter, lead) == at(2026, 3, 5)
    assert "lead_4w: 1 deleted" in sweep(capsys, at(2026, 3, 5, 13))
    assert read(supporter, lead, "lead").status_code == 404
    assert deletions(officer, subject) == ["lead_4w"]


@pytest.mark.promise("S2-16", "S2-19")
def test_nothing_goes_while_the_service_runs_and_the_care_file_goes_five_years_after_it_ends(
        people: dict[str, Any], capsys: pytest.CaptureFixture[str]) -> None:
    supporter, office, officer = people["worker"], people["administration"], people["officer"]
    # given a client since 2024, with his details, his care file and an invoice
    with time_machine.travel(at(2024, 1, 5), tick=False):
        client = intake(supporter, birth_date="1950-02-03")
        assert sign(supporter, client).status_code == 201
        details = store(supporter, client, "client", CLIENT | {"agreement_status": "active"}, "client_support")
        care_file = store(supporter, client, "care_file", CARE_FILE, "client_support")
        invoice = store(office, client, "invoice", {"client_name": "Kees Kok", "amount": "120.00",
                                                    "invoice_date": "2024-01-05"}, "administration",
                        source={"kind": "organisation"})
    ids = {name: answer.json()["id"] for name, answer in
           (("details", details), ("care_file", care_file), ("invoice", invoice))}
    assert [answer.json()["expires_at"] for answer in (details, care_file, invoice)] == [None] * 3
    # while the service runs nothing is purged, however long
    assert "total: 0 deleted" in sweep(capsys, at(2031, 6, 1))
    # when the service ends on E = 10 January 2026
    answer = event(supporter, "service_ended", at(2026, 1, 10), subject=client)
    assert answer.status_code == 201 and answer.json()["clocks_changed"] == 3
    # then each category's date runs from E: the dossier five years, the administration seven
    assert expires(officer, ids["care_file"]) == expires(officer, ids["details"]) == at(2031, 1, 10)
    assert expires(officer, ids["invoice"]) == at(2033, 1, 10)
    # and the care file is still there on E+5y-1d, and destroyed by the sweep on E+5y
    assert "dossier_5y" not in sweep(capsys, at(2031, 1, 9))
    with time_machine.travel(at(2031, 1, 9), tick=False):
        assert read(supporter, ids["care_file"], "client_support").status_code == 200
    assert "dossier_5y: 2 deleted" in sweep(capsys, at(2031, 1, 10, 13))
    assert read(supporter, ids["care_file"], "client_support").status_code == 404
    assert sorted(deletions(officer, client)) == ["dossier_5y", "dossier_5y"]
    # the administration stays until its legal seven years are over
    assert read(office, ids["invoice"], "administration").status_code == 200
    assert "admin_7y: 1 deleted" in sweep(capsys, at(2033, 1, 10, 13))
