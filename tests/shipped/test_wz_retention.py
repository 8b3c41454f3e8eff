"""Werkzaak as shipped: every kind of data has a retention rule that names its source, the Archiefwet's
selection list or necessity (S3-17); the first sweep after expiry destroys the data and logs it (S3-18)."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from tests.shipped.conftest import at, audit_entries, cli, intake, record, subject


@pytest.mark.promise("S3-17")
def test_every_kind_of_data_has_a_rule_with_its_source_and_the_sweep_applies_it(
        wz: Any, frozen: Any, capsys: pytest.CaptureFixture[str]) -> None:
    connie, officer = wz["worker"], wz["privacy_officer"]
    # The register names a rule for every kind of data, and where the rule comes from
    activities = Client().get("/privacy/register.json").json()["activities"]
    rows = {row["record_type"]: row for a in activities for row in a["retention"]}
    assert set(rows) == {"benefit_file", "reintegration_plan", "question", "secure_message", "recording", "visit",
                         "invoice"}
    for kind in ("benefit_file", "reintegration_plan", "invoice"):
        assert rows[kind]["reason"] == "legal" and "Archiefwet" in rows[kind]["legal_ground"], kind
    for kind in ("question", "secure_message", "recording", "visit"):
        assert rows[kind]["reason"] == "necessity" and rows[kind]["words"], kind
    assert "10 jaar" in rows["benefit_file"]["words"]

    # Given Jan's benefit file, with no end date while the benefit runs
    person, file = intake(connie)
    assert officer.get(f"/api/v1/records/{file}/retention").json()["expires_at"] is None
    # When Connie records that his benefit ended today
    ended = connie.post("/api/v1/events", {"name": "service_ended", "at": at(2026, 3, 2, 10).isoformat(),
                                           "subject": person}, format="json")
    assert ended.status_code == 201, ended.content
    # Then the file is kept ten years, as the selection list says, and the sweep then destroys it
    retention = officer.get(f"/api/v1/records/{file}/retention").json()
    assert retention["expires_at"].startswith("2036-03-02") and "Archiefwet" in retention["explanation"]
    assert "benefit_10y" not in cli(capsys, "sweep", now=at(2036, 3, 1))[1]
    status, out, _ = cli(capsys, "sweep", now=at(2036, 3, 2, 13))
    assert status == 0 and "benefit_10y: 1 deleted" in out


@pytest.mark.promise("S3-18")
def test_the_first_sweep_after_expiry_destroys_a_question_and_logs_it(
        wz: Any, frozen: Any, capsys: pytest.CaptureFixture[str]) -> None:
    desk, officer = wz["front_office"], wz["privacy_officer"]
    # Given a question by e-mail in March 2025, kept one year, and one from last week
    old_asker = subject(desk, "questions")
    old = record(desk, old_asker, "question", {"name": "Els", "email": "els@example.nl",
                                               "question": "Wanneer krijg ik bericht?"}, "questions",
                 collected_at=at(2025, 3, 1).isoformat())
    new = record(desk, subject(desk, "questions"), "question",
                 {"email": "piet@example.nl", "question": "Mag ik bijverdienen?"}, "questions")
    assert old["expires_at"].startswith("2026-03-01")
    # When the sweep runs
    status, out, _ = cli(capsys, "sweep")
    # Then the expired question is gone, nothing of Els remains readable, the new one stays, and it is logged
    assert status == 0 and "question_1y: 1 deleted" in out
    assert desk.get(f"/api/v1/records/{old['id']}", {"purpose": "questions"}).status_code == 404
    assert desk.get(f"/api/v1/subjects/{old_asker}/records", {"purpose": "questions"}).json() == []
    assert desk.get(f"/api/v1/records/{new['id']}", {"purpose": "questions"}).status_code == 200
    [entry] = audit_entries(officer, action="record.delete")
    assert entry["detail"]["rule"] == "question_1y" and "els@example.nl" not in str(entry)
    # And a second sweep finds nothing left to do
    assert "total: 0 deleted, 0 anonymised" in cli(capsys, "sweep")[1]
