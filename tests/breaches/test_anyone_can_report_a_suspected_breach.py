"""S1-30, S2-25, S4-22: a suspicion from outside opens a breach record with reporter and receipt time."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
import time_machine

RECEIVED = datetime(2026, 5, 4, 22, 15, tzinfo=UTC)


@pytest.mark.promise("S1-30", "S2-25", "S4-22")
@time_machine.travel(RECEIVED, tick=False)
def test_a_public_report_opens_a_breach_and_starts_the_clock(anonymous: Any, policy: Any) -> None:
    from waarborg.engine.audit.models import AuditEntry
    from waarborg.engine.breaches.models import Breach

    response = anonymous.post("/api/v1/breaches/report", {
        "description": "Ik kreeg een e-mail met de aanvraag van iemand anders erin.",
        "name": "M. de Vries", "contact": "m.devries@example.nl", "kind": "misaddressed_email"}, format="json")
    assert response.status_code == 201
    breach = Breach.objects.get(pk=response.json()["id"])
    assert (breach.source, breach.reporter_name, breach.reporter_contact) == (
        "public", "M. de Vries", "m.devries@example.nl")
    assert breach.received_at == RECEIVED and breach.aware_at == RECEIVED
    assert breach.authority_due_at == datetime(2026, 5, 7, 22, 15, tzinfo=UTC)
    assert breach.status == "reported" and breach.kind == "misaddressed_email"
    assert [e.event for e in breach.trail.all()] == ["reported"]
    entry = AuditEntry.objects.get(action="breach.reported")
    assert entry.actor_kind == "anonymous" and "de Vries" not in str(entry.detail)


@pytest.mark.promise("S2-25", "S1-30")
def test_an_anonymous_misuse_report_without_a_name_is_accepted(anonymous: Any, policy: Any) -> None:
    response = anonymous.post("/api/v1/breaches/report", {"description": "Ik denk dat mijn gegevens misbruikt zijn"},
                              format="json")
    assert response.status_code == 201 and response.json()["received_at"]


def test_a_report_without_a_description_is_invalid(anonymous: Any, policy: Any) -> None:
    response = anonymous.post("/api/v1/breaches/report", {"name": "x"}, format="json")
    assert response.status_code == 422 and "description" in response.json()["errors"]


@pytest.mark.promise("S4-22")
def test_the_privacy_officer_sees_the_public_report_in_the_register(anonymous: Any, personas: Any) -> None:
    anonymous.post("/api/v1/breaches/report", {"description": "Map met dossiers in de trein laten liggen",
                                               "kind": "lost_file"}, format="json")
    rows = personas["privacy_officer"].client.get("/api/v1/breaches").json()
    assert [(r["source"], r["kind"], r["status"]) for r in rows] == [("public", "lost_file", "reported")]
    assert personas["caseworker"].client.get("/api/v1/breaches").status_code == 403


@pytest.mark.promise("S4-22")
@time_machine.travel(datetime(2026, 5, 5, 9, 0, tzinfo=UTC), tick=False)
def test_a_report_by_e_mail_is_registered_by_staff_with_its_receipt_time(officer: Any) -> None:
    response = officer.client.post("/api/v1/breaches", {
        "description": "Melding via privacy@: brief bij de buren bezorgd", "kind": "misaddressed_letter",
        "received_at": "2026-05-04T23:50:00+00:00", "aware_at": "2026-05-04T23:50:00+00:00"}, format="json")
    assert response.status_code == 201
    detail = officer.client.get(f"/api/v1/breaches/{response.json()['id']}").json()
    assert datetime.fromisoformat(detail["received_at"]) == datetime(2026, 5, 4, 23, 50, tzinfo=UTC)
    assert datetime.fromisoformat(detail["authority_due_at"]) == datetime(2026, 5, 7, 23, 50, tzinfo=UTC)
