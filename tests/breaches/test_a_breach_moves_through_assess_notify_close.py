"""S0-27: a breach is recorded and moved through assess -> notify -> close, with timestamps; the register exports."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime
from typing import Any

import pytest
import time_machine

from tests.breaches.conftest import register


def test_the_register_needs_a_login(anonymous: Any, policy: Any) -> None:
    assert anonymous.get("/api/v1/breaches").status_code == 401


def test_the_register_is_closed_to_other_roles(personas: Any) -> None:
    response = personas["assessor"].client.get("/api/v1/breaches")
    assert response.status_code == 403 and response.json()["reason"] == "role_not_granted"


def test_workflow_steps_are_closed_to_other_roles(officer: Any, personas: Any) -> None:
    breach_id = register(officer).json()["id"]
    for step in ("assess", "authority-notifications", "close", "notes"):
        response = personas["project_leader"].client.post(f"/api/v1/breaches/{breach_id}/{step}", {}, format="json")
        assert response.status_code == 403, step


@pytest.mark.promise("S0-27")
def test_a_breach_is_assessed_notified_and_closed_with_timestamps(officer: Any) -> None:
    with time_machine.travel(datetime(2026, 2, 2, 9, 0, tzinfo=UTC), tick=False):
        breach_id = register(officer, aware_at="2026-02-02T08:30:00+00:00").json()["id"]
    with time_machine.travel(datetime(2026, 2, 2, 14, 0, tzinfo=UTC), tick=False):
        assessed = officer.client.post(f"/api/v1/breaches/{breach_id}/assess", {
            "risk": "low", "cause": "Verkeerde naam gekozen in adresboek", "nature": ["read"]}, format="json")
        assert assessed.status_code == 200 and assessed.json()["status"] == "assessed"
    with time_machine.travel(datetime(2026, 2, 3, 10, 0, tzinfo=UTC), tick=False):
        notified = officer.client.post(f"/api/v1/breaches/{breach_id}/authority-notifications", {}, format="json")
        assert notified.json()["status"] == "notified"
    with time_machine.travel(datetime(2026, 2, 10, 16, 0, tzinfo=UTC), tick=False):
        closed = officer.client.post(f"/api/v1/breaches/{breach_id}/close", {}, format="json").json()
    stamps = [datetime.fromisoformat(closed[k]) for k in ("aware_at", "assessed_at", "authority_notified_at",
                                                          "closed_at")]
    assert stamps == [datetime(2026, 2, 2, 8, 30, tzinfo=UTC), datetime(2026, 2, 2, 14, 0, tzinfo=UTC),
                      datetime(2026, 2, 3, 10, 0, tzinfo=UTC), datetime(2026, 2, 10, 16, 0, tzinfo=UTC)]
    assert closed["status"] == "closed"
    assert officer.client.post(f"/api/v1/breaches/{breach_id}/assess", {"risk": "high"},
                               format="json").status_code == 409


@pytest.mark.promise("S0-27")
def test_an_unassessed_breach_cannot_be_closed(officer: Any) -> None:
    breach_id = register(officer).json()["id"]
    response = officer.client.post(f"/api/v1/breaches/{breach_id}/close", {}, format="json")
    assert response.status_code == 409


@pytest.mark.promise("S0-27")
def test_the_register_exports_as_csv_and_json(officer: Any) -> None:
    first = register(officer, kind="lost_file").json()["id"]
    second = register(officer, kind="misaddressed_letter", aware_at="2026-03-03T09:00:00+01:00").json()["id"]
    as_json = officer.client.get("/api/v1/breaches").json()
    assert [r["id"] for r in as_json] == [first, second]

    response = officer.client.get("/api/v1/breaches?format=csv")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert [(r["id"], r["kind"], r["status"]) for r in rows] == [(first, "lost_file", "reported"),
                                                                 (second, "misaddressed_letter", "reported")]
    assert {"aware_at", "authority_due_at", "overdue", "authority_notified_at", "risk"} <= set(rows[0])


def test_a_dpo_sees_the_register_but_cannot_change_it(officer: Any, tmp_path: Any) -> None:
    import yaml

    from tests.conftest import EXAMPLES, Persona, make_staff
    from waarborg.engine.policy.active import activate
    from waarborg.engine.policy.loader import load_text

    breach_id = register(officer).json()["id"]
    data = yaml.safe_load((EXAMPLES / "ikzorginassen.yaml").read_text(encoding="utf-8"))
    data["roles"]["dpo"] = {"label": "Functionaris gegevensbescherming", "dpo": True}
    activate(load_text(yaml.safe_dump(data, allow_unicode=True), "dpo.yaml"))
    dpo = Persona(*make_staff("fenna", ["dpo"]))
    assert dpo.client.get(f"/api/v1/breaches/{breach_id}").status_code == 200
    assert dpo.client.post(f"/api/v1/breaches/{breach_id}/assess", {"risk": "low"}, format="json").status_code == 403


@pytest.mark.promise("S0-27")
def test_the_register_prints_on_the_command_line(officer: Any, capsys: pytest.CaptureFixture[str]) -> None:
    import json

    from waarborg.audiences.cli import main

    breach_id = register(officer, kind="lost_file").json()["id"]
    assert main(["breaches", "register", "--format", "json"]) == 0
    assert [(r["id"], r["kind"]) for r in json.loads(capsys.readouterr().out)] == [(breach_id, "lost_file")]
    assert main(["breaches", "register"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("id,kind,status") and lines[1].startswith(f"{breach_id},lost_file,reported")
