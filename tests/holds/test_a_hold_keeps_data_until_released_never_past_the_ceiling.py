"""S2-22 through the front door: the privacy officer places an organisation hold with a justification (POST holds,
`waarborg hold add`); the sweep (`waarborg sweep`) keeps the held care file and says which hold kept it; the record's
retention explains the hold in words; no hold passes the seven-year ceiling; released (DELETE holds/{id}), the data
goes at the next sweep. A hold on a purpose covers every record of it; past its review date a hold is "to review".
Only roles that manage retention place, list or release holds; anyone else is refused and logged."""

from __future__ import annotations

from typing import Any

import pytest
import time_machine
from rest_framework.test import APIClient

from tests.conftest import Persona
from tests.holds.conftest import at, client_with_care_file, refusals
from waarborg.audiences.cli import main
from waarborg.engine.vault.models import Record


def _sweep(capsys: pytest.CaptureFixture[str], when: Any) -> str:
    with time_machine.travel(when, tick=False):
        assert main(["sweep"]) == 0
    return capsys.readouterr().out


def _exists(record: str) -> bool:
    return Record.objects.filter(pk=record).exists()


@pytest.mark.promise("S2-22")
def test_an_organisation_hold_keeps_the_care_file_until_released_and_the_sweep_names_it(
        wlz: dict[str, Persona], capsys: pytest.CaptureFixture[str]) -> None:
    client = client_with_care_file(wlz)
    officer = wlz["officer"]
    # given the organisation expects to need the care file soon, the officer places a hold on the client
    placed = officer.post("/api/v1/holds", {"reason": "Klacht bij de geschillencommissie verwacht (zaak 2028-3).",
                                            "subject": client["subject"], "review_at": "2027-06-01"}, format="json")
    assert placed.status_code == 201, placed.content
    hold = placed.json()["id"]
    # then it is listed, with what it covers and when to look at it again
    [listed] = officer.get("/api/v1/holds").json()
    assert (listed["id"], listed["kind"], listed["subject"], listed["created_by"]) == (
        hold, "organisation", client["subject"], "pia")
    assert listed["review_at"] == "2027-05-31T22:00:00Z" and listed["review_due"] is False
    assert listed["scope"]["en"].startswith("all data of subject")
    # and the record's retention explains it, in Dutch and in English
    nl = officer.get(f"/api/v1/records/{client['care_file']}/retention").json()
    assert f"Bewaarplicht nr. {hold} geldt voor alle gegevens van deze betrokkene; herzien op 01-06-2027." in \
        nl["explanation"]
    assert "Het plafond van 7 jaar na de start gaat voor: uiterlijk 10-01-2031." in nl["explanation"]
    en = officer.get(f"/api/v1/records/{client['care_file']}/retention", {"lang": "en"}).json()
    assert f"Hold no. {hold} covers all data of this subject" in en["explanation"]
    # when the five years have passed, the sweep keeps the care file and says which hold kept it
    out = _sweep(capsys, at(2029, 6, 1))
    assert "dossier_5y: 1 kept by a hold" in out and f"kept by hold {hold} (organisation): 1 record(s)" in out
    assert _exists(client["care_file"])
    # when the hold is released, the clock runs again and the next sweep deletes the care file
    with time_machine.travel(at(2029, 7, 1), tick=False):
        assert officer.delete(f"/api/v1/holds/{hold}").status_code == 204
        assert officer.delete(f"/api/v1/holds/{hold}").status_code == 409
    assert officer.get("/api/v1/holds").json() == []
    assert [h["released_at"] is not None for h in officer.get("/api/v1/holds", {"all": "1"}).json()] == [True]
    assert "dossier_5y: 1 deleted" in _sweep(capsys, at(2029, 7, 1, 13))
    assert not _exists(client["care_file"])


@pytest.mark.promise("S2-22")
def test_no_hold_keeps_the_care_file_past_seven_years(wlz: dict[str, Persona],
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    client = client_with_care_file(wlz)
    officer = wlz["officer"]
    # given an extension and two holds, one of them until 2033
    assert officer.post(f"/api/v1/records/{client['care_file']}/extensions", {"reason": "brief 2028-14"},
                        format="json").status_code == 201
    assert officer.post("/api/v1/holds", {"reason": "Fraudeonderzoek naar gedeclareerde zorg.", "kind":
                                          "fraud_investigation", "subject": client["subject"],
                                          "until": "2033-01-01"}, format="json").status_code == 201
    assert officer.post("/api/v1/holds", {"reason": "Vordering van de rechter-commissaris.", "kind":
                                          "legal_obligation", "record": client["care_file"]},
                        format="json").status_code == 201
    # then the date is the ceiling, E + 7 years, and at that moment the sweep destroys the care file
    assert Record.objects.get(pk=client["care_file"]).expires_at == at(2031, 1, 10)
    assert "total: 0 deleted" in _sweep(capsys, at(2031, 1, 9))
    assert "dossier_5y: 1 deleted" in _sweep(capsys, at(2031, 1, 10, 13))
    assert not _exists(client["care_file"])


@pytest.mark.promise("S2-22")
def test_a_hold_on_a_purpose_covers_every_record_of_it(wlz: dict[str, Persona],
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    first, second = client_with_care_file(wlz, "Kees Kok"), client_with_care_file(wlz, "Els de Boer")
    placed = wlz["officer"].post("/api/v1/holds", {"reason": "Audit door de zorgverzekeraar over 2023.",
                                                   "purpose": "client_support"}, format="json")
    assert placed.status_code == 201, placed.content
    out = _sweep(capsys, at(2029, 6, 1))
    assert f"kept by hold {placed.json()['id']} (organisation): 2 record(s)" in out
    assert _exists(first["care_file"]) and _exists(second["care_file"])
    # the administration is another purpose: its records are not covered
    assert "voor het doel 'client_support'" in wlz["officer"].get(
        f"/api/v1/records/{first['care_file']}/retention").json()["explanation"]


def test_a_hold_past_its_review_date_shows_as_to_review(wlz: dict[str, Persona]) -> None:
    client = client_with_care_file(wlz)
    officer = wlz["officer"]
    soon = officer.post("/api/v1/holds", {"reason": "Geschil over de rekening.", "kind": "dispute",
                                          "subject": client["subject"], "review_at": "2027-01-15"}, format="json")
    later = officer.post("/api/v1/holds", {"reason": "Verwacht nodig bij herindicatie.", "subject":
                                           client["subject"], "review_at": "2028-01-15"}, format="json")
    assert soon.status_code == later.status_code == 201
    assert officer.get("/api/v1/holds", {"review_due": "1"}).json() == []
    with time_machine.travel(at(2027, 2, 1), tick=False):
        due = officer.get("/api/v1/holds", {"review_due": "1"}).json()
        everything = officer.get("/api/v1/holds").json()
        explained = officer.get(f"/api/v1/records/{client['care_file']}/retention").json()["explanation"]
    assert [h["id"] for h in due] == [soon.json()["id"]] and due[0]["review_due"] is True
    assert [h["review_due"] for h in everything] == [True, False]
    assert "de herzieningsdatum 15-01-2027 is verstreken: te herzien" in explained


@pytest.mark.parametrize("body, field", [
    ({"reason": "Geschil."}, "subject"),
    ({"reason": "Geschil.", "purpose": "client_support", "subject": "SUBJECT"}, "subject"),
    ({"reason": " ", "subject": "SUBJECT"}, "reason"),
    ({"reason": "Geschil.", "subject": "SUBJECT", "review_at": "2020-01-01"}, "review_at"),
    ({"reason": "Geschil.", "subject": "SUBJECT", "kind": "rights_request"}, "kind"),
    ({"reason": "Geschil.", "purpose": "marketing"}, "purpose"),
    ({"reason": "Geschil.", "record": "7d0f6a4e-0000-4000-8000-000000000000"}, "record"),
])
def test_a_malformed_hold_is_422(wlz: dict[str, Persona], body: dict[str, Any], field: str) -> None:
    client = client_with_care_file(wlz, ended=False)
    body = {k: (client["subject"] if v == "SUBJECT" else v) for k, v in body.items()}
    answer = wlz["officer"].post("/api/v1/holds", body, format="json")
    assert answer.status_code == 422 and field in answer.json()["errors"], answer.content
    assert wlz["officer"].get("/api/v1/holds").json() == []


def test_whoever_does_not_manage_retention_is_refused_and_logged(wlz: dict[str, Persona]) -> None:
    client = client_with_care_file(wlz)
    hold = wlz["officer"].post("/api/v1/holds", {"reason": "Geschil.", "subject": client["subject"]},
                               format="json").json()["id"]
    assert APIClient().get("/api/v1/holds").status_code == 401
    for persona in (wlz["supporter"], wlz["coordinator"]):
        placed = persona.post("/api/v1/holds", {"reason": "Geschil.", "subject": client["subject"]}, format="json")
        assert placed.status_code == 403 and placed.json()["reason"] == "role_not_granted"
        assert persona.get("/api/v1/holds").status_code == 403
        assert persona.delete(f"/api/v1/holds/{hold}").status_code == 403
    assert refusals("retention.hold") == 2 and refusals("retention.holds") == 2
    assert refusals("retention.hold_release") == 2
    assert [h["id"] for h in wlz["officer"].get("/api/v1/holds").json()] == [hold]


@pytest.mark.promise("S2-22")
def test_the_cli_adds_lists_and_releases_holds(wlz: dict[str, Persona], capsys: pytest.CaptureFixture[str]) -> None:
    client = client_with_care_file(wlz)
    assert main(["hold", "add", "--subject", client["subject"], "--reason", "Geschil over de rekening.",
                 "--kind", "dispute", "--review", "2027-06-01"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("hold ") and "placed on all data of subject" in out
    hold = out.split()[1]
    assert main(["hold", "list"]) == 0
    listing = capsys.readouterr().out
    assert f"{hold}\tdispute\tall data of subject" in listing and "2027-06-01" in listing
    assert "Geschil over de rekening." in listing
    assert main(["hold", "add", "--purpose", "client_support", "--reason", " "]) == 1
    assert "justification" in capsys.readouterr().err
    assert main(["hold", "release", hold]) == 0 and "released" in capsys.readouterr().out
    assert main(["hold", "release", hold]) == 1
    assert main(["hold", "list"]) == 0 and "no holds in force" in capsys.readouterr().out
