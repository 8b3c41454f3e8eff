"""An erased client leaves every caseload: after the erasure (WlzCliëntondersteuning, shipped policy) the client
supporter who did the intake no longer has the case, the assignment's end is in the history and the audit log, and
the answer counts it."""

from __future__ import annotations

from typing import Any

from tests.conftest import Persona, activate_example, make_staff
from waarborg.engine.audit.models import AuditEntry
from waarborg.engine.vault.models import Assignment


def test_an_erasure_ends_the_assignments_of_the_subject(db: Any) -> None:
    activate_example("wlzclientondersteuning")
    supporter = Persona(*make_staff("wendy", ["client_supporter"]))
    officer, second = Persona(*make_staff("pia", ["privacy_officer"])), Persona(*make_staff("piet", ["privacy_officer"]))
    # given a prospective client whose intake gave the supporter the case
    subject = supporter.post("/api/v1/subjects", {}, format="json", HTTP_X_PURPOSE="lead").json()["id"]
    assert supporter.post("/api/v1/records", {"subject": subject, "type": "lead", "data": {"name": "Els de Boer"}},
                          format="json", HTTP_X_PURPOSE="lead").status_code == 201
    assert [a["subject"] for a in supporter.get("/api/v1/assignments", {"staff": "me"}).json()] == [subject]
    # when her erasure request is registered by one officer and carried out by another
    request_id = officer.post("/api/v1/requests", {"subject": subject, "type": "erasure", "channel": "email"},
                              format="json").json()["id"]
    assert second.post(f"/api/v1/requests/{request_id}/verify", {"method": "in_person"},
                       format="json").status_code == 200
    assert second.post(f"/api/v1/requests/{request_id}/erase", {}, format="json").status_code == 200
    # then the case has left the supporter's caseload, and the history says who ended it and why
    assert supporter.get("/api/v1/assignments", {"staff": "me"}).json() == []
    [ended] = Assignment.objects.filter(subject_id=subject)
    assert ended.ended_at is not None and ended.ended_by == "piet"
    entry = AuditEntry.objects.filter(action="subject.unassign").get()
    assert entry.detail["why"] == f"erasure request {request_id}" and entry.actor == "piet"
    assert AuditEntry.objects.get(action="subject.erase").detail["assignments_ended"] == 1
