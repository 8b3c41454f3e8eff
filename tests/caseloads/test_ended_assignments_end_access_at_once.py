"""A team assignment opens the case to every member of the team; ending it closes it to all of them at
once, and the assignment stays in the subject's history (who ended it, when)."""

from __future__ import annotations

from typing import Any

import pytest
import time_machine

from tests.caseloads.conftest import assign, audit, new_subject, pseudonym_of, records


@pytest.mark.promise("S4-11", "S4-12")
def test_a_team_assignment_opens_for_every_member_and_closes_for_all_at_once(kwartier: dict[str, Any]) -> None:
    worker, colleague, other_team = kwartier["worker"], kwartier["colleague"], kwartier["other_team"]
    case = new_subject(worker, "support")
    # given the case assigned to Sanne's team, wijkteam_noord
    with time_machine.travel("2026-12-01 09:00 +01:00", tick=False):
        made = assign(kwartier["leader"], case, "support", team="wijkteam_noord").json()["id"]
    # then her colleague in that team reads it, a social worker of another team does not
    assert records(colleague, case, "support").status_code == 200
    assert records(other_team, case, "support").json()["reason"] == "not_assigned"
    # when the team leader ends it
    with time_machine.travel("2026-12-02 17:00 +01:00", tick=False):
        assert kwartier["leader"].delete(f"/api/v1/assignments/{made}").status_code == 204
    # then the colleague is refused at once; Sanne keeps her own intake assignment
    answer = records(colleague, case, "support")
    assert answer.status_code == 403 and answer.json()["reason"] == "not_assigned"
    assert records(worker, case, "support").status_code == 200
    # the end is audited, and the history keeps the ended assignment
    entry = audit("subject.unassign")[-1]
    assert (entry.actor, entry.subject_pseudonym, entry.detail) == (
        "tim", pseudonym_of(case), {"assignment": made, "team": "wijkteam_noord"})
    active = kwartier["leader"].get(f"/api/v1/subjects/{case}/assignments").json()
    assert [a["staff"] for a in active] == ["sanne"]
    history = kwartier["leader"].get(f"/api/v1/subjects/{case}/assignments", {"all": "1"}).json()
    ended = next(a for a in history if a["id"] == made)
    assert (ended["team"], ended["ended_by"], ended["ended_at"]) == ("wijkteam_noord", "tim", "2026-12-02T16:00:00Z")
    # ending it twice is a conflict, not a second end
    assert kwartier["leader"].delete(f"/api/v1/assignments/{made}").status_code == 409


@pytest.mark.promise("S4-11")
def test_a_team_members_caseload_lists_the_teams_cases(kwartier: dict[str, Any]) -> None:
    case = new_subject(kwartier["worker"], "support", external_id="kw-9")
    assign(kwartier["leader"], case, "support", team="wijkteam_noord")
    mine = kwartier["colleague"].get("/api/v1/assignments", {"staff": "me"}).json()
    assert [(a["external_id"], a["team"], a["staff"]) for a in mine] == [("kw-9", "wijkteam_noord", None)]
    assert kwartier["other_team"].get("/api/v1/assignments").json() == []
