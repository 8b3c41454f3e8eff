"""`waarborg assign`, `unassign`, `handover` and `caseload` act as the platform ("system:cli"): exit 0 and
audited when done, exit 1 with a message and nothing changed on a user's mistake, 2 on wrong usage."""

from __future__ import annotations

from typing import Any

import pytest

from tests.caseloads.conftest import audit, new_subject, records
from waarborg.audiences.cli import main
from waarborg.engine.vault.models import Assignment


@pytest.fixture
def case(kwartier: dict[str, Any]) -> str:
    return new_subject(kwartier["worker"], "support", external_id="kw-001")


@pytest.mark.promise("S4-11")
def test_assign_by_external_id_opens_the_case_and_unassign_closes_it(
        kwartier: dict[str, Any], case: str, capsys: Any) -> None:
    colleague = kwartier["colleague"]
    assert main(["assign", "kw-001", "--purpose", "support", "--to", "sam"]) == 0
    assert f"assigned subject {case} for support to sam" in capsys.readouterr().out
    assert records(colleague, case, "support").status_code == 200
    assert audit("subject.assign")[-1].actor == "system:cli"
    assert main(["unassign", case, "--purpose", "support", "--from", "sam"]) == 0
    assert "no longer has subject" in capsys.readouterr().out
    assert records(colleague, case, "support").json()["reason"] == "not_assigned"
    assert audit("subject.unassign")[-1].actor == "system:cli"


def test_assign_to_a_team_and_list_the_teams_caseload(kwartier: dict[str, Any], case: str, capsys: Any) -> None:
    assert main(["assign", case, "--purpose", "support", "--team", "wijkteam_zuid"]) == 0
    capsys.readouterr()
    assert main(["caseload", "--team", "wijkteam_zuid"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("assignment\tsubject\texternal_id")
    assert lines[1].split("\t")[1:5] == [case, "kw-001", "support", "team wijkteam_zuid"]
    assert main(["unassign", "kw-001", "--purpose", "support", "--team", "wijkteam_zuid"]) == 0
    assert main(["caseload", "--team", "wijkteam_zuid"]) == 0
    assert "no cases for team wijkteam_zuid" in capsys.readouterr().out


@pytest.mark.promise("S4-11")
def test_handover_moves_a_leavers_cases(kwartier: dict[str, Any], case: str, capsys: Any) -> None:
    assert main(["handover", "--from", "sanne", "--to", "saskia"]) == 0
    assert "handed over 1 case(s) from sanne to saskia" in capsys.readouterr().out
    assert records(kwartier["worker"], case, "support").json()["reason"] == "not_assigned"
    assert main(["caseload", "saskia"]) == 0
    assert "\thandover" in capsys.readouterr().out
    assert main(["caseload", "sanne", "--all"]) == 0
    out = capsys.readouterr().out
    assert "\tintake\t" in out and out.strip().splitlines()[1].split("\t")[-1] != "-"


@pytest.mark.parametrize("argv, message", [
    (["assign", "kw-404", "--purpose", "support", "--to", "sam"], "no subject 'kw-404'"),
    (["assign", "kw-001", "--purpose", "support", "--to", "nobody"], "no staff account named 'nobody'"),
    (["assign", "kw-001", "--purpose", "support", "--to", "ad"], "--to: De rollen van deze medewerker"),
    (["assign", "kw-001", "--purpose", "support", "--team", "wijkteam_west"], "--team: Onbekend team"),
    (["assign", "kw-001", "--purpose", "administration", "--to", "sam"], "--purpose: Geen doel met need-to-know"),
    (["assign", "kw-001", "--purpose", "support", "--to", "sanne"], "already assigned (assignment"),
    (["unassign", "kw-001", "--purpose", "support", "--from", "sam"], "is not assigned to sam"),
    (["handover", "--from", "sanne", "--to", "ad"], "--to: De rollen van deze medewerker"),
])
def test_a_mistake_exits_1_with_a_message_and_changes_nothing(
        kwartier: dict[str, Any], case: str, capsys: Any, argv: list[str], message: str) -> None:
    before = list(Assignment.objects.values_list("pk", "ended_at"))
    entries = len(audit("subject.assign")) + len(audit("subject.unassign"))
    assert main(argv) == 1
    assert message in capsys.readouterr().err
    assert list(Assignment.objects.values_list("pk", "ended_at")) == before
    assert len(audit("subject.assign")) + len(audit("subject.unassign")) == entries


def test_wrong_usage_exits_2(kwartier: dict[str, Any], case: str) -> None:
    with pytest.raises(SystemExit) as usage:
        main(["assign", "kw-001", "--purpose", "support", "--to", "sam", "--team", "wijkteam_noord"])
    assert usage.value.code == 2
    with pytest.raises(SystemExit) as usage:
        main(["caseload"])
    assert usage.value.code == 2
