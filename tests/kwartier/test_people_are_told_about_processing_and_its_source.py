"""S4-04, S4-05: when Kwartier works on a vital, public or legitimate interest, or got the data from someone
else, the person is told about the processing and the source; who has not been told yet stays on a list.

A social worker stores records through the REST API on the shipped policy; the privacy officer sees the notices
due (`GET /api/v1/notices`, `waarborg notices`) and records that each was sent."""

from __future__ import annotations

from typing import Any

import pytest

from tests.kwartier.conftest import CLIENT_FILE, audit_log, intake, store
from waarborg.audiences.cli import main

SIGNAL = {"neighbourhood": "Noord", "description": "Buurvrouw maakt zich zorgen: meneer komt de deur niet uit"}
EMERGENCY = {"name": "Joke de Vries", "situation": "Gevallen in de badkamer", "shared_with": "ambulance"}


def _due(officer: Any, client: str) -> list[dict[str, Any]]:
    answer = officer.get("/api/v1/notices")
    assert answer.status_code == 200
    return [n for n in answer.json() if n["subject"] == client]


@pytest.mark.promise("S4-04")
def test_work_on_a_public_vital_or_legitimate_interest_makes_a_notice_due_once_per_purpose(
        kwartier: dict[str, Any]) -> None:
    worker, officer = kwartier["worker"], kwartier["privacy_officer"]
    client = intake(worker)
    # when Sanne records support she gives, an emergency and a signal about her client
    assert store(worker, client, "client_file", CLIENT_FILE, "support").status_code == 201
    assert store(worker, client, "emergency_report", EMERGENCY, "emergency").status_code == 201
    assert store(worker, client, "signal", SIGNAL, "signalling",
                 source={"kind": "organisation", "detail": "woningcorporatie"}).status_code == 201
    # then the privacy officer sees a notice due to the client for each purpose, naming its basis
    interest = {(n["purpose"], n["basis"]) for n in _due(officer, client) if n["kind"] == "basis_interest"}
    assert interest == {("support", "public_task"), ("emergency", "vital_interest"),
                        ("signalling", "legitimate_interest")}
    # and a second record under a purpose does not repeat it
    assert store(worker, client, "signal", SIGNAL, "signalling",
                 source={"kind": "organisation", "detail": "woningcorporatie"}).status_code == 201
    assert len([n for n in _due(officer, client) if n["kind"] == "basis_interest"]) == 3
    assert len([e for e in audit_log(officer, action="notice.due") if e["purpose"] == "signalling"]) == 2


@pytest.mark.promise("S4-05")
def test_data_from_someone_else_makes_a_notice_naming_the_source_due(kwartier: dict[str, Any]) -> None:
    worker, officer = kwartier["worker"], kwartier["privacy_officer"]
    client = intake(worker)
    # the municipality's Wmo desk refers the client
    assert store(worker, client, "client_file", {**CLIENT_FILE, "source": "municipality"}, "support",
                 source={"kind": "municipality", "detail": "Wmo-loket gemeente"}).status_code == 201
    indirect = [n for n in _due(officer, client) if n["kind"] == "indirect_collection"]
    assert [(n["purpose"], n["source"], n["sent_at"]) for n in indirect] == [
        ("support", {"kind": "municipality", "detail": "Wmo-loket gemeente"}, None)]
    assert indirect[0]["due_at"]


@pytest.mark.promise("S4-05")
def test_data_the_person_gave_themself_needs_no_notice_of_a_source(kwartier: dict[str, Any]) -> None:
    worker, officer = kwartier["worker"], kwartier["privacy_officer"]
    client = intake(worker)
    assert store(worker, client, "client_file", CLIENT_FILE, "support",
                 source={"kind": "subject"}).status_code == 201
    assert [n["kind"] for n in _due(officer, client)] == ["basis_interest"]


@pytest.mark.promise("S4-04", "S4-05")
def test_once_each_notice_is_sent_the_person_is_off_the_uninformed_list(
        kwartier: dict[str, Any], capsys: pytest.CaptureFixture[str]) -> None:
    worker, officer = kwartier["worker"], kwartier["privacy_officer"]
    client = intake(worker)
    assert store(worker, client, "signal", SIGNAL, "signalling",
                 source={"kind": "involved_person", "detail": "buurvrouw"}).status_code == 201
    # the uninformed report on the command line names the client twice: the interest and the source
    assert main(["notices"]) == 0
    out = capsys.readouterr().out
    assert f"{client}\tsignalling\tbasis_interest" in out and f"{client}\tsignalling\tindirect_collection" in out
    # when the privacy officer records both letters as sent
    for notice in _due(officer, client):
        sent = officer.post(f"/api/v1/notices/{notice['id']}/sent", {"channel": "post"}, format="json")
        assert sent.status_code == 200 and sent.json()["sent_at"]
    # then nobody is left to inform, and the sending is in the audit log
    assert _due(officer, client) == []
    assert main(["notices"]) == 0
    assert client not in capsys.readouterr().out
    assert [e["detail"]["channel"] for e in audit_log(officer, action="notice.sent")] == ["post", "post"]


def test_only_who_manages_consents_sees_the_notices(kwartier: dict[str, Any], anonymous: Any) -> None:
    assert anonymous.get("/api/v1/notices").status_code == 401
    answer = kwartier["worker"].get("/api/v1/notices")
    assert answer.status_code == 403 and answer.json()["reason"] == "role_not_granted"
