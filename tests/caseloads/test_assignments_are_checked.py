"""What an assignment must name: a need-to-know purpose, and an active staff member whose roles grant
something on it or a team of the policy (or one a staff account carries). Twins are 409 with the id of
the active one. Each assignment is audited with the subject's pseudonym, the purpose and to whom."""

from __future__ import annotations

from typing import Any

import pytest

from tests.caseloads.conftest import assign, audit, new_subject, pseudonym_of
from waarborg.engine.vault.models import Assignment


@pytest.fixture
def case(kwartier: dict[str, Any]) -> str:
    return new_subject(kwartier["worker"], "support", external_id="kw-001")


@pytest.mark.promise("S4-11", "S4-12")
def test_an_assignment_is_audited_with_pseudonym_purpose_and_whom(kwartier: dict[str, Any], case: str) -> None:
    answer = assign(kwartier["leader"], case, "support", staff="sam")
    assert answer.status_code == 201
    entry = audit("subject.assign")[-1]
    assert (entry.actor, entry.purpose, entry.subject_pseudonym) == ("tim", "support", pseudonym_of(case))
    assert entry.detail == {"assignment": answer.json()["id"], "user_id": kwartier["colleague"].user.pk,
                            "staff": "sam"}
    assert "kw-001" not in str(entry.detail)


def test_the_same_active_assignment_twice_is_409_with_the_existing_id(kwartier: dict[str, Any], case: str) -> None:
    leader = kwartier["leader"]
    first = assign(leader, case, "support", team="wijkteam_noord")
    again = assign(leader, case, "support", team="wijkteam_noord")
    assert again.status_code == 409 and again.json()["id"] == first.json()["id"]
    # Sanne has it from her intake already
    intake = Assignment.objects.get(user=kwartier["worker"].user)
    twin = assign(leader, case, "support", staff="sanne")
    assert twin.status_code == 409 and twin.json()["id"] == intake.pk
    assert Assignment.objects.count() == 2


def test_a_staff_member_without_a_grant_on_the_purpose_is_422(kwartier: dict[str, Any], case: str) -> None:
    answer = assign(kwartier["leader"], case, "support", staff="ad")
    assert answer.status_code == 422 and "support" in answer.json()["errors"]["staff"][0]
    # nor the team leader, who manages caseloads but reads no cases
    assert assign(kwartier["leader"], case, "support", staff="tim").status_code == 422
    assert Assignment.objects.count() == 1


def test_an_unknown_or_inactive_staff_member_is_422(kwartier: dict[str, Any], case: str) -> None:
    leader = kwartier["leader"]
    assert list(assign(leader, case, "support", staff="nobody").json()["errors"]) == ["staff"]
    sam = kwartier["colleague"].user
    sam.is_active = False
    sam.save()
    assert list(assign(leader, case, "support", staff="sam").json()["errors"]) == ["staff"]


def test_an_unknown_team_is_422_a_declared_or_carried_one_is_not(kwartier: dict[str, Any], case: str) -> None:
    from tests.conftest import make_staff

    leader = kwartier["leader"]
    answer = assign(leader, case, "support", team="wijkteam_west")
    assert answer.status_code == 422 and "wijkteam_noord" in answer.json()["errors"]["team"][0]
    assert assign(leader, case, "support", team="wijkteam_zuid").status_code == 201  # declared in the policy
    make_staff("willem", ["social_worker"], team="wijkteam_west")  # an administrator made a new team
    assert assign(leader, case, "support", team="wijkteam_west").status_code == 201


def test_malformed_bodies_and_other_purposes_are_422(kwartier: dict[str, Any], case: str) -> None:
    leader = kwartier["leader"]
    assert list(leader.post(f"/api/v1/subjects/{case}/assignments", {}, format="json").json()["errors"]) == [
        "purpose"]
    both = assign(leader, case, "support", staff="sam", team="wijkteam_noord")
    neither = assign(leader, case, "support")
    assert both.status_code == neither.status_code == 422
    # the administration's purpose has no caseloads: everyone with the role sees it
    other = assign(leader, case, "administration", staff="ad")
    assert other.status_code == 422 and list(other.json()["errors"]) == ["purpose"]
    assert Assignment.objects.count() == 1
