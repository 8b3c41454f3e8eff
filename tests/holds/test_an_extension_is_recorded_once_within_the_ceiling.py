"""S2-21 through the front door: on the client's recorded request the privacy officer extends the care file once by
two years (POST records/{id}/extensions, `waarborg extend`); one more would pass the seven-year ceiling and is
refused (403 `retention_ceiling`, audited); the business administration has no extension (403 `not_extendable`);
whoever does not manage retention is refused and logged."""

from __future__ import annotations

from typing import Any

import pytest
from rest_framework.test import APIClient

from tests.conftest import Persona
from tests.holds.conftest import at, client_with_care_file, refusals
from waarborg.audiences.cli import main
from waarborg.engine.vault.models import Record


def _extend(persona: Persona, record: str, **body: Any) -> Any:
    return persona.post(f"/api/v1/records/{record}/extensions", {"reason": "brief van 12-05-2028, zaak 14", **body},
                        format="json")


@pytest.mark.promise("S2-21")
def test_one_extension_on_the_clients_request_moves_the_date_to_seven_years_and_a_second_is_refused(
        wlz: dict[str, Persona]) -> None:
    # given a client whose care file expires five years after the end of the service
    client = client_with_care_file(wlz)
    officer = wlz["officer"]
    assert Record.objects.get(pk=client["care_file"]).expires_at == at(2029, 1, 10)
    # when the privacy officer records the client's request to extend
    answer = _extend(officer, client["care_file"])
    # then the date moves by two years, and the clock says so in words
    assert answer.status_code == 201, answer.content
    body = answer.json()
    assert body["expires_at"] == "2031-01-10T11:00:00Z" and body["rule"] == "dossier_5y"
    assert "verlengd met 2 jaar (verzoek van de betrokkene)" in body["explanation"]
    shown = officer.get(f"/api/v1/records/{client['care_file']}/retention", {"lang": "en"}).json()
    assert "Extended on" in shown["explanation"] and "by 2 years (request of the data subject)" in shown["explanation"]
    # and a second extension would pass the ceiling of seven years: refused, logged, nothing changed
    again = _extend(officer, client["care_file"], reason="brief van 2029-02")
    assert again.status_code == 403 and again.json()["reason"] == "retention_ceiling"
    assert "7 jaar" in again.json()["detail"]
    assert refusals("retention.extend", "retention_ceiling") == 1
    assert Record.objects.get(pk=client["care_file"]).expires_at == at(2031, 1, 10)


@pytest.mark.promise("S2-21", "S2-23")
def test_the_business_administration_cannot_be_extended(wlz: dict[str, Persona]) -> None:
    client = client_with_care_file(wlz)
    invoice = wlz["administration"].post("/api/v1/records", {
        "subject": client["subject"], "type": "invoice",
        "data": {"client_name": "Kees Kok", "amount": "85.00", "invoice_date": "2023-06-01"}},
        format="json", HTTP_X_PURPOSE="administration")
    assert invoice.status_code == 201, invoice.content
    answer = _extend(wlz["officer"], invoice.json()["id"])
    assert answer.status_code == 403 and answer.json()["reason"] == "not_extendable"
    assert refusals("retention.extend", "not_extendable") == 1


def test_an_extension_needs_the_recorded_request(wlz: dict[str, Persona]) -> None:
    client = client_with_care_file(wlz)
    missing = wlz["officer"].post(f"/api/v1/records/{client['care_file']}/extensions", {}, format="json")
    assert missing.status_code == 422 and "reason" in missing.json()["errors"]
    staff = _extend(wlz["officer"], client["care_file"], basis="staff")  # the rule asks the client's request
    assert staff.status_code == 422 and "basis" in staff.json()["errors"]
    assert Record.objects.get(pk=client["care_file"]).expires_at == at(2029, 1, 10)


def test_whoever_does_not_manage_retention_is_refused_and_logged(wlz: dict[str, Persona]) -> None:
    client = client_with_care_file(wlz)
    assert APIClient().post(f"/api/v1/records/{client['care_file']}/extensions", {"reason": "x"},
                            format="json").status_code == 401
    answer = _extend(wlz["supporter"], client["care_file"])
    assert answer.status_code == 403 and answer.json()["reason"] == "role_not_granted"
    # a stranger learns nothing about which records exist: 403 before 404
    unknown = _extend(wlz["supporter"], "7d0f6a4e-0000-4000-8000-000000000000")
    assert unknown.status_code == 403
    assert refusals("retention.extend") == 2
    assert Record.objects.get(pk=client["care_file"]).expires_at == at(2029, 1, 10)


@pytest.mark.promise("S2-21")
def test_the_cli_extends_a_record_and_says_until_when(wlz: dict[str, Persona],
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    client = client_with_care_file(wlz)
    assert main(["extend", client["care_file"], "--reason", "brief van 12-05-2028"]) == 0
    assert f"record {client['care_file']} extended under rule dossier_5y: kept until 2031-01-10" in capsys.readouterr().out
    assert main(["extend", client["care_file"], "--reason", "nog eens"]) == 1
    assert "refused (retention_ceiling)" in capsys.readouterr().err
    assert main(["extend", "not-a-record", "--reason", "x"]) == 1
