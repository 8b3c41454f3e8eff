"""Werkzaak as shipped: nobody without the right reads or changes a file, and the attempt can become a breach
(S3-19); a breach goes to the AP within 72 hours of awareness, with an alert before and a flag after (S3-20);
at high risk the people concerned are told too, and the breach cannot close before they are (S3-21)."""

from __future__ import annotations

from typing import Any

import pytest
from django.core import mail

from tests.shipped.conftest import BENEFIT, at, audit_entries, cli, created, intake

MEASURES = {"measures_taken": "De medewerker heeft geen toegang meer tot het dossier.",
            "measures_subject_can_take": "U hoeft niets te doen; bel ons als u vragen heeft."}


@pytest.mark.promise("S3-19")
def test_a_colleague_without_the_case_cannot_read_or_change_it_and_the_attempt_becomes_a_breach(wz: Any) -> None:
    connie, kees, officer = wz["worker"], wz["colleague"], wz["privacy_officer"]
    person, file = intake(connie)
    # When Kees, a consultant of another team without this case, reads or changes Jan's file
    read = kees.get(f"/api/v1/records/{file}", {"purpose": "benefits"})
    change = kees.patch(f"/api/v1/records/{file}", {"data": {"iban": "NL02RABO0123456789"}}, format="json",
                        HTTP_X_PURPOSE="benefits")
    # Then both are refused, the file is unchanged, and both attempts are in the audit log
    assert (read.status_code, read.json()["reason"]) == (403, "not_assigned")
    assert (change.status_code, change.json()["reason"]) == (403, "not_assigned")
    assert connie.get(f"/api/v1/records/{file}", {"purpose": "benefits"}).json()["data"]["iban"] == BENEFIT["iban"]
    refused = [e for e in audit_entries(officer) if e["outcome"] == "refused" and e["actor"] == "kees"]
    assert [(e["action"], e["reason"]) for e in refused] == [("read.refused", "not_assigned"),
                                                             ("write.refused", "not_assigned")]
    # When the privacy team escalates it, a breach record names the attempt and the person
    breach = created(officer.post("/api/v1/breaches", {
        "aware_at": refused[-1]["at"], "kind": "unauthorised_access", "subjects": [person],
        "description": f"Poging tot inzage en wijziging zonder recht (auditlog {refused[0]['id']}, "
                       f"{refused[1]['id']})."}, format="json"))
    shown = officer.get(f"/api/v1/breaches/{breach['id']}").json()
    assert shown["kind"] == "unauthorised_access" and str(refused[0]["id"]) in shown["description"]
    assert [a["subject"] for a in shown["affected"]] == [person]


@pytest.mark.promise("S3-20")
def test_the_ap_deadline_is_72_hours_after_awareness_with_an_alert_before_and_a_flag_after(
        wz: Any, frozen: Any, capsys: pytest.CaptureFixture[str]) -> None:
    officer = wz["privacy_officer"]
    # Given the privacy team learned of a misaddressed letter at 8:00 on 2 March
    breach = created(officer.post("/api/v1/breaches", {
        "aware_at": at(2026, 3, 2, 8).isoformat(), "kind": "misaddressed_letter",
        "description": "Beschikking naar een oud adres gestuurd."}, format="json"))
    shown = officer.get(f"/api/v1/breaches/{breach['id']}").json()
    assert shown["authority_due_at"].startswith("2026-03-05T07:00")  # 72 hours later (UTC)
    # The hourly alert job is quiet at first, warns 24 hours before the deadline, then flags it overdue
    assert cli(capsys, "breaches", "alerts", now=at(2026, 3, 3, 9))[1] == ""
    status, out, _ = cli(capsys, "breaches", "alerts", now=at(2026, 3, 4, 9))
    assert status == 0 and out.startswith(f"warning\t{breach['id']}")
    assert [m.to for m in mail.outbox] == [["privacy@werkzaakrivierenland.nl"]]
    frozen.move_to(at(2026, 3, 5, 9))
    status, out, _ = cli(capsys, "breaches", "alerts")
    assert out.startswith(f"overdue\t{breach['id']}")
    assert [b["id"] for b in officer.get("/api/v1/breaches", {"overdue": "1"}).json()] == [breach["id"]]
    # A notification recorded after the deadline does not make it timely: the register keeps it as late
    officer.post(f"/api/v1/breaches/{breach['id']}/authority-notifications", {"reference": "AP-2026-1"},
                 format="json")
    assert officer.get(f"/api/v1/breaches/{breach['id']}").json()["overdue"] is True


@pytest.mark.promise("S3-20")
def test_a_breach_reported_to_the_ap_in_time_raises_no_alert(wz: Any, frozen: Any,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    officer = wz["privacy_officer"]
    breach = created(officer.post("/api/v1/breaches", {"aware_at": at(2026, 3, 2, 8).isoformat(),
                                                       "description": "USB-stick kwijt."}, format="json"))
    notified = officer.post(f"/api/v1/breaches/{breach['id']}/authority-notifications", {"reference": "AP-2026-2"},
                            format="json")
    assert notified.status_code in (200, 201), notified.content
    assert cli(capsys, "breaches", "alerts", now=at(2026, 3, 6, 9))[1] == "" and mail.outbox == []
    assert officer.get("/api/v1/breaches", {"overdue": "1"}).json() == []


def _breach_about(wz: Any, risk: str) -> tuple[str, str]:
    officer = wz["privacy_officer"]
    person, _ = intake(wz["worker"])
    breach = created(officer.post("/api/v1/breaches", {
        "aware_at": at(2026, 3, 2, 8).isoformat(), "kind": "misaddressed_email", "subjects": [person],
        "categories": ["identity", "income"], "description": "Uitkeringsspecificatie naar de verkeerde persoon."},
        format="json"))
    assessed = officer.post(f"/api/v1/breaches/{breach['id']}/assess", {"risk": risk, **MEASURES}, format="json")
    assert assessed.status_code == 200, assessed.content
    return breach["id"], person


@pytest.mark.promise("S3-21")
def test_a_high_risk_breach_stays_open_until_every_person_concerned_is_told(wz: Any, frozen: Any) -> None:
    officer = wz["privacy_officer"]
    breach, _ = _breach_about(wz, "high")
    officer.post(f"/api/v1/breaches/{breach}/authority-notifications", {}, format="json")
    # With only the AP told, closing is refused
    refused = officer.post(f"/api/v1/breaches/{breach}/close", {}, format="json")
    assert refused.status_code == 409
    # Once Jan is told by letter, it closes, and his notification is on record
    sent = officer.post(f"/api/v1/breaches/{breach}/notices", {"channel": "letter"}, format="json")
    assert sent.status_code == 200 and sent.json()["sent"] == 1
    closed = officer.post(f"/api/v1/breaches/{breach}/close", {"reasoning": "Iedereen is ingelicht."}, format="json")
    assert closed.status_code == 200 and closed.json()["status"] == "closed"
    assert all(a["notified_at"] for a in closed.json()["affected"])


@pytest.mark.promise("S3-21")
def test_a_low_risk_breach_closes_with_the_ap_report_only(wz: Any, frozen: Any) -> None:
    officer = wz["privacy_officer"]
    breach, _ = _breach_about(wz, "low")
    officer.post(f"/api/v1/breaches/{breach}/authority-notifications", {}, format="json")
    closed = officer.post(f"/api/v1/breaches/{breach}/close", {}, format="json")
    assert closed.status_code == 200 and closed.json()["status"] == "closed"
    assert all(a["notified_at"] is None for a in closed.json()["affected"])
