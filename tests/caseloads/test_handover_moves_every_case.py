"""When a colleague leaves, a caseload manager hands over all their cases in one step: to a colleague or
a team, optionally for one purpose. The leaver loses access at once; each case's move is audited."""

from __future__ import annotations

from typing import Any

import pytest

from tests.caseloads.conftest import audit, new_subject, records, store
from waarborg.engine.vault.models import Assignment


@pytest.mark.promise("S4-11", "S4-12")
def test_a_handover_moves_every_case_and_the_leaver_loses_access(kwartier: dict[str, Any]) -> None:
    leaver, successor = kwartier["worker"], kwartier["other_team"]
    cases = [new_subject(leaver, "support", external_id=f"kw-{n}") for n in range(3)]
    for case in cases:
        store(leaver, case, "client_file", {"name": "Joke", "request": "Hulp", "source": "self"}, "support")
    answer = kwartier["leader"].post("/api/v1/assignments/handover", {"from": "sanne", "to": "saskia"},
                                     format="json")
    assert answer.status_code == 200 and answer.json()["moved"] == 3
    assert {(a["subject"], a["staff"], a["via"]) for a in answer.json()["assignments"]} == {
        (case, "saskia", "handover") for case in cases}
    for case in cases:
        assert records(leaver, case, "support").json()["reason"] == "not_assigned"
        assert records(successor, case, "support").status_code == 200
    assert not Assignment.objects.filter(user=leaver.user, ended_at__isnull=True).exists()
    assert Assignment.objects.filter(user=leaver.user, ended_by="tim").count() == 3
    moves = audit("subject.handover")
    assert len(moves) == 3 and {e.detail["from"] for e in moves} == {"sanne"}
    assert audit("caseload.handover")[-1].detail == {"from": "sanne", "count": 3, "to": "saskia"}


@pytest.mark.promise("S4-11")
def test_a_handover_to_a_team_for_one_purpose_leaves_the_rest(kwartier: dict[str, Any]) -> None:
    leaver = kwartier["worker"]
    case = leaver.post("/api/v1/subjects", {}, format="json").json()["id"]  # support, signalling
    answer = kwartier["leader"].post("/api/v1/assignments/handover",
                                     {"from": "sanne", "team": "wijkteam_zuid", "purpose": "support"}, format="json")
    assert answer.json()["moved"] == 1
    left = sorted(Assignment.objects.filter(user=leaver.user, ended_at__isnull=True).values_list("purpose", flat=True))
    assert left == ["signalling"]
    assert records(kwartier["other_team"], case, "support").status_code == 200


def test_a_handover_to_someone_who_has_the_case_already_only_ends_the_leavers(kwartier: dict[str, Any]) -> None:
    case = new_subject(kwartier["worker"], "support")
    kwartier["leader"].post(f"/api/v1/subjects/{case}/assignments", {"purpose": "support", "staff": "sam"},
                            format="json")
    answer = kwartier["leader"].post("/api/v1/assignments/handover", {"from": "sanne", "to": "sam"}, format="json")
    assert answer.json()["moved"] == 1
    assert Assignment.objects.filter(subject_id=case, ended_at__isnull=True).count() == 1


def test_a_handover_to_someone_who_may_not_work_on_the_purpose_changes_nothing(kwartier: dict[str, Any]) -> None:
    new_subject(kwartier["worker"], "support")
    for body, field in (({"from": "sanne", "to": "ad"}, "to"), ({"from": "sanne", "to": "sanne"}, "to"),
                        ({"from": "nobody", "to": "sam"}, "from"), ({"from": "sanne", "team": "nowhere"}, "team"),
                        ({"from": "sanne"}, "to")):
        answer = kwartier["leader"].post("/api/v1/assignments/handover", body, format="json")
        assert answer.status_code == 422 and field in answer.json()["errors"], body
    assert Assignment.objects.get().ended_at is None
    assert not audit("caseload.handover")
