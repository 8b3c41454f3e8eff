"""S4-04: in an acute emergency a Kwartier social worker acts for whoever is in danger, her client or not, on
the vital interest; the person is told afterwards (a notice due, naming the basis), and everything done is in
the audit log. Support files stay need-to-know: the emergency opens nothing else.

Driven through the REST API on the shipped policy, where `social_worker` is need-to-know for support and
signalling only."""

from __future__ import annotations

from typing import Any

import pytest

from tests.kwartier.conftest import CLIENT_FILE, audit_log, intake, store

REPORT = {"name": "Joke de Vries", "situation": "Buurman belt: mevrouw ligt op de grond en reageert niet",
          "health": "Diabetes type 2, gebruikt insuline", "shared_with": "ambulance"}


@pytest.mark.promise("S4-04")
def test_a_social_worker_on_duty_acts_in_an_emergency_for_a_resident_who_is_not_her_client(
        kwartier: dict[str, Any]) -> None:
    # given Joke, a client of Sanne; Saskia of the other team is on duty when the neighbour calls
    worker, on_duty, officer = kwartier["worker"], kwartier["other_team"], kwartier["privacy_officer"]
    joke = intake(worker)
    assert store(worker, joke, "client_file", CLIENT_FILE, "support").status_code == 201
    # when Saskia records the emergency, reads it back and tells the emergency services
    report = store(on_duty, joke, "emergency_report", REPORT, "emergency",
                   source={"kind": "involved_person", "detail": "buurman"})
    assert report.status_code == 201, report.content
    assert on_duty.get(f"/api/v1/records/{report.json()['id']}", {"purpose": "emergency"}).status_code == 200
    shared = on_duty.post("/api/v1/disclosures", {
        "subject": joke, "recipient": "emergency_services", "purpose": "emergency", "reason": "vital_interest",
        "records": [report.json()["id"]]}, format="json")
    assert shared.status_code == 201, shared.content
    # then Joke is to be told: the processing on a vital interest, and who gave the data
    due = {(n["kind"], n["basis"]) for n in officer.get("/api/v1/notices").json()
           if n["subject"] == joke and n["purpose"] == "emergency"}
    assert ("basis_interest", "vital_interest") in due and any(k == "indirect_collection" for k, _ in due)
    # and every step is in the audit log under Saskia's name
    mine = [e["action"] for e in audit_log(officer) if e["actor"] == "saskia" and e["outcome"] == "ok"]
    assert {"record.create", "record.read", "disclosure.create"} <= set(mine)
    # but the emergency opens nothing else: Joke's support file is still Sanne's alone
    file = on_duty.get(f"/api/v1/subjects/{joke}/records", {"purpose": "support"})
    assert file.status_code == 403 and file.json()["reason"] == "not_assigned"
