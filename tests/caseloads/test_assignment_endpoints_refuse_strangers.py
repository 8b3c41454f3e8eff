"""Every caseload endpoint: a visitor without a token gets 401; a role that may not gets 403 with the
reason, and the attempt is in the audit log; what is unknown is 404 only for whoever may ask."""

from __future__ import annotations

from typing import Any

import pytest
from rest_framework.test import APIClient

from tests.caseloads.conftest import assign, audit, new_subject
from waarborg.engine.vault.models import Assignment

NOBODY = "00000000-0000-0000-0000-000000000000"


@pytest.fixture
def case(kwartier: dict[str, Any]) -> str:
    """A client in Sanne's caseload, from her own intake."""
    return new_subject(kwartier["worker"], "support", external_id="kw-001")


@pytest.mark.promise("S4-07")
def test_visitors_without_a_token_are_refused_everywhere(kwartier: dict[str, Any], case: str) -> None:
    visitor = APIClient()
    answers = [
        visitor.post(f"/api/v1/subjects/{case}/assignments", {"purpose": "support", "staff": "sam"}, format="json"),
        visitor.get(f"/api/v1/subjects/{case}/assignments"),
        visitor.delete(f"/api/v1/assignments/{Assignment.objects.get().pk}"),
        visitor.get("/api/v1/assignments", {"staff": "me"}),
        visitor.post("/api/v1/assignments/handover", {"from": "sanne", "to": "sam"}, format="json"),
    ]
    assert [a.status_code for a in answers] == [401] * 5
    assert Assignment.objects.filter(ended_at__isnull=True).count() == 1


@pytest.mark.promise("S4-07", "S4-11", "S4-12")
def test_only_a_role_that_manages_caseloads_assigns(kwartier: dict[str, Any], case: str) -> None:
    # a social worker cannot give herself (or a colleague) a case; the privacy officer cannot either
    for who in ("colleague", "worker", "privacy_officer"):
        answer = assign(kwartier[who], case, "support", staff=kwartier["colleague"].user.username)
        assert answer.status_code == 403 and answer.json()["reason"] == "role_not_granted", who
    refusals = audit("subject.assign.refused")
    assert [(e.actor, e.reason) for e in refusals] == [("sam", "role_not_granted"), ("sanne", "role_not_granted"),
                                                       ("pia", "role_not_granted")]
    assert Assignment.objects.count() == 1  # only Sanne's own intake
    # the team leader's unknown subject is a 404; the stranger's was a 403 before anything was looked up
    assert assign(kwartier["leader"], NOBODY, "support", staff="sam").status_code == 404
    assert assign(kwartier["colleague"], NOBODY, "support", staff="sam").status_code == 403


@pytest.mark.promise("S4-07", "S4-12")
def test_only_a_role_that_manages_caseloads_ends_an_assignment(kwartier: dict[str, Any], case: str) -> None:
    intake = Assignment.objects.get()
    answer = kwartier["worker"].delete(f"/api/v1/assignments/{intake.pk}")
    assert answer.status_code == 403 and answer.json()["reason"] == "role_not_granted"
    assert [e.actor for e in audit("subject.unassign.refused")] == ["sanne"]
    intake.refresh_from_db()
    assert intake.ended_at is None
    assert kwartier["leader"].delete("/api/v1/assignments/999999").status_code == 404


@pytest.mark.promise("S4-07", "S4-12")
def test_only_a_role_that_manages_caseloads_hands_over(kwartier: dict[str, Any], case: str) -> None:
    answer = kwartier["colleague"].post("/api/v1/assignments/handover", {"from": "sanne", "to": "sam"},
                                        format="json")
    assert answer.status_code == 403 and answer.json()["reason"] == "role_not_granted"
    assert [e.actor for e in audit("caseload.handover.refused")] == ["sam"]
    assert Assignment.objects.get().user == kwartier["worker"].user


@pytest.mark.promise("S4-07", "S4-11")
def test_a_subjects_assignments_are_for_managers_officers_and_whoever_has_the_case(
        kwartier: dict[str, Any], case: str) -> None:
    # the financial administration has no need-to-know work: refused before the subject is looked up
    for subject in (case, NOBODY):
        answer = kwartier["administration"].get(f"/api/v1/subjects/{subject}/assignments")
        assert answer.status_code == 403 and answer.json()["reason"] == "role_not_granted"
    # a social worker without the case: refused as not assigned
    answer = kwartier["colleague"].get(f"/api/v1/subjects/{case}/assignments")
    assert answer.status_code == 403 and answer.json()["reason"] == "not_assigned"
    assert [(e.actor, e.reason) for e in audit("caseload.read.refused")] == [
        ("ad", "role_not_granted"), ("ad", "role_not_granted"), ("sam", "not_assigned")]
    # the worker who has it, the team leader and the privacy officer see it
    for who in ("worker", "leader", "privacy_officer"):
        answer = kwartier[who].get(f"/api/v1/subjects/{case}/assignments")
        assert answer.status_code == 200 and [a["staff"] for a in answer.json()] == ["sanne"], who
    assert kwartier["leader"].get(f"/api/v1/subjects/{NOBODY}/assignments").status_code == 404


@pytest.mark.promise("S4-07", "S4-11")
def test_a_caseload_is_ones_own_others_are_for_managers(kwartier: dict[str, Any], case: str) -> None:
    colleague = kwartier["colleague"]
    for query in ({"staff": "sanne"}, {"team": "wijkteam_zuid"}, {"staff": "nobody-by-that-name"}):
        answer = colleague.get("/api/v1/assignments", query)
        assert answer.status_code == 403 and answer.json()["reason"] == "role_not_granted", query
    assert len(audit("caseload.read.refused")) == 3
    assert colleague.get("/api/v1/assignments", {"staff": "me"}).json() == []
    assert colleague.get("/api/v1/assignments", {"team": "wijkteam_noord"}).json() == []
    leader = kwartier["leader"]
    assert [a["subject"] for a in leader.get("/api/v1/assignments", {"staff": "sanne"}).json()] == [case]
    unknown = leader.get("/api/v1/assignments", {"staff": "nobody-by-that-name"})
    assert unknown.status_code == 422 and "staff" in unknown.json()["errors"]
