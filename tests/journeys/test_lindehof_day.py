"""A day at Lindehof Thuiszorg en Welzijn on its shipped policy, through the command line, the REST API and the
published statement.

Morning: the operator activates the policy and makes the accounts. Esther, a support worker in team East, takes in
Mevrouw Jansen (a client: her care file and a report about her health) and her daughter Marieke as contact person
(a relative: only name, phone and relation; a care report about Marieke is refused). HR keeps Esther's own
personnel file and cannot open a client's. Afternoon: Marieke complains about a missed visit. The complaints
officer registers the complaint and reads the care report under the purpose `complaints`, the further processing
the policy declares: allowed, and the audit entry names both purposes. She cannot read Marieke's contact record
that way, nor change the care file. A support worker of another team sees nothing. The complaint is closed and
its clock starts. The statement on /privacy/ and the register say all of it; the audit chain holds.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import pytest
from django.test import Client

from tests.conftest import EXAMPLES, Persona
from waarborg.audiences.cli import main


class Operator:
    def __init__(self, capsys: pytest.CaptureFixture[str]) -> None:
        self.capsys = capsys

    def __call__(self, *args: str) -> tuple[int, str, str]:
        self.capsys.readouterr()
        status = main(list(args))
        printed = self.capsys.readouterr()
        return status, printed.out, printed.err

    def staff(self, username: str, role: str, team: str = "") -> Persona:
        from waarborg.engine.accounts.models import User

        status, out, err = self(*["staff", "add", username, "--role", role, "--token",
                                  *(["--team", team] if team else [])])
        assert status == 0, err
        return Persona(User.objects.get(username=username), out.strip().splitlines()[-1])


def _audit(officer: Persona, **filters: str) -> list[dict[str, Any]]:
    answer = officer.get("/api/v1/audit/entries", {"limit": 500, **filters})
    assert answer.status_code == 200
    return list(answer.json()["entries"])


def _store(worker: Persona, subject: str, type: str, data: dict[str, Any], purpose: str) -> str:
    answer = worker.post("/api/v1/records", {"subject": subject, "type": type, "data": data}, format="json",
                         HTTP_X_PURPOSE=purpose)
    assert answer.status_code == 201, answer.content
    return str(answer.json()["id"])


@pytest.mark.django_db(transaction=True)
def test_a_day_at_lindehof(capsys: pytest.CaptureFixture[str]) -> None:
    operator = Operator(capsys)
    # --- morning: the operator activates the shipped policy and makes the accounts ---------------------------
    status, _, err = operator("policy", "activate", str(EXAMPLES / "lindehof.yaml"))
    assert status == 0, err
    esther = operator.staff("esther", "carer", "team_oost")
    bas = operator.staff("bas", "carer", "team_west")
    karin = operator.staff("karin", "complaints_officer")
    henk = operator.staff("henk", "hr")
    pia = operator.staff("pia", "privacy_officer")

    # --- intake: Mevrouw Jansen, a client (the default group), and her daughter as contact person ------------
    jansen = esther.post("/api/v1/subjects", {"external_id": "cl-2026-0412", "birth_date": "1939-06-02"},
                         format="json", HTTP_X_PURPOSE="home_care")
    assert jansen.status_code == 201, jansen.content
    jansen_id = jansen.json()["id"]
    _store(esther, jansen_id, "care_file", {"name": "Wilhelmina Jansen", "address": "Lindelaan 3, Deventer",
                                            "care_plan": "Twee keer per week begeleiding bij de administratie"},
           "home_care")
    report = _store(esther, jansen_id, "care_report", {
        "report": "Bezoek dinsdag niet doorgegaan; mevrouw was niet op de hoogte gebracht.",
        "health": "Na de val in oktober loopt mevrouw met een rollator."}, "home_care")
    marieke = esther.post("/api/v1/subjects", {"external_id": "cp-2026-0412-1", "group": "relatives"},
                          format="json", HTTP_X_PURPOSE="contact_persons")
    assert marieke.status_code == 201, marieke.content
    marieke_id = marieke.json()["id"]
    contact = _store(esther, marieke_id, "contact_person",
                     {"name": "Marieke Jansen", "phone": "06 12345678", "relation": "kind"}, "contact_persons")
    # a relative is no client: a care report about her is refused, and the attempt is on record
    wrong = esther.post("/api/v1/records", {"subject": marieke_id, "type": "care_report",
                                            "data": {"report": "Dochter belde over de planning"}},
                        format="json", HTTP_X_PURPOSE="home_care")
    assert wrong.status_code == 403 and wrong.json()["reason"] == "group_purpose_mismatch", wrong.content
    # nor can a relative be registered for home care
    as_client = esther.post("/api/v1/subjects", {"group": "relatives"}, format="json", HTTP_X_PURPOSE="home_care")
    assert as_client.status_code == 403 and as_client.json()["reason"] == "group_purpose_mismatch"
    assert [e["reason"] for e in _audit(pia, action="write.refused")] == ["group_purpose_mismatch"] * 2

    # --- HR keeps Esther's personnel file, and cannot open a client's -----------------------------------------
    employee = henk.post("/api/v1/subjects", {"external_id": "mw-0815", "group": "employees"}, format="json",
                         HTTP_X_PURPOSE="personnel")
    assert employee.status_code == 201, employee.content
    _store(henk, employee.json()["id"], "employee_file",
           {"name": "Esther Visser", "position": "Begeleider Wmo", "iban": "NL91ABNA0417164300"}, "personnel")
    nosy = henk.get(f"/api/v1/records/{report}", {"purpose": "home_care"})
    assert nosy.status_code == 403 and nosy.json()["reason"] == "role_not_granted"

    # --- afternoon: Marieke complains about the missed visit --------------------------------------------------
    complaint = _store(karin, jansen_id, "complaint", {
        "filed_by": "contactpersoon", "complaint": "Het bezoek van dinsdag is niet doorgegaan en niemand belde."},
        "complaints")
    # the complaints officer reads the care report under `complaints`: the further processing the policy declares
    read = karin.get(f"/api/v1/records/{report}", {"purpose": "complaints"})
    assert read.status_code == 200, read.content
    assert read.json()["purpose"] == "home_care" and "niet doorgegaan" in read.json()["data"]["report"]
    entry = next(e for e in _audit(pia, action="record.read") if e["record"] == report and e["actor"] == "karin")
    assert entry["purpose"] == "complaints" and entry["detail"]["collected_for"] == "home_care"
    # but not what the policy does not name: the contact person's record, or changing the care file
    other = karin.get(f"/api/v1/records/{contact}", {"purpose": "complaints"})
    assert other.status_code == 403 and other.json()["reason"] == "purpose_mismatch"
    change = karin.patch(f"/api/v1/records/{report}", {"data": {"report": "Anders"}}, format="json",
                         HTTP_X_PURPOSE="complaints")
    assert change.status_code == 403 and change.json()["reason"] == "purpose_mismatch"
    # a support worker of another team does not have Mevrouw Jansen
    stranger = bas.get(f"/api/v1/records/{report}", {"purpose": "home_care"})
    assert stranger.status_code == 403 and stranger.json()["reason"] == "not_assigned"
    # the complaint is settled; its two years start
    closed = karin.post("/api/v1/events", {"name": "complaint_closed", "at": datetime.now(UTC).isoformat(),
                                           "record": complaint}, format="json", HTTP_X_PURPOSE="complaints")
    assert closed.status_code == 201, closed.content
    clock = karin.get(f"/api/v1/records/{complaint}/retention").json()
    assert clock["rule"] == "complaint_2y" and int(clock["expires_at"][:4]) == datetime.now(UTC).year + 2

    # --- the published statement and the register say it -------------------------------------------------------
    page = Client().get("/privacy/")
    assert page.status_code == 200
    html = page.content.decode()
    for words in ("Over wie wij gegevens hebben", "Familie en mantelzorgers", "Medewerkers",
                  "Gegevens voor een ander doel gebruiken", "De klacht gaat over de zorg die in het dossier staat."):
        assert words in html, words
    status, register, _ = operator("render", "register", "--format", "json")
    activities = {a["purpose"]: a for a in json.loads(register)["activities"]}
    assert activities["complaints"]["data_subjects"] == ["Cliënten", "Familie en mantelzorgers"]
    assert activities["personnel"]["data_subjects"] == ["Medewerkers"]
    assert activities["complaints"]["further_processing"][0]["of"] == "home_care"
    status, jsonld, _ = operator("render", "register", "--format", "jsonld")
    graph = {node["@id"]: node for node in json.loads(jsonld)["@graph"]}
    complaints = graph[f"urn:waarborg:lindehof:activity:{activities['complaints']['id']}"]
    assert complaints["dct:source"] == [{"@id": f"urn:waarborg:lindehof:activity:{activities['home_care']['id']}"}]
    assert graph["urn:waarborg:lindehof:group:employees"]["@type"] == "dpv:Employee"
    status, _, err = operator("audit", "verify")
    assert status == 0, err
