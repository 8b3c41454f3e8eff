"""`waarborg staff list | deactivate | password | token | roles`, and `staff add --team` checked against the
policy's teams, on Kwartier's shipped policy. Each change is audited as the platform ("system:cli"); a user's
mistake exits 1 with a message and changes nothing."""

from __future__ import annotations

from typing import Any

import pytest

from tests.caseloads.conftest import audit, new_subject, records
from waarborg.audiences.cli import main


def test_staff_list_shows_every_account_with_its_roles_team_and_tokens(kwartier: dict[str, Any], capsys: Any) -> None:
    assert main(["staff", "list"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split()[:5] == ["USERNAME", "KIND", "ACTIVE", "TOKENS", "TEAM"]
    sanne = next(line.split() for line in lines if line.startswith("sanne "))
    assert sanne == ["sanne", "staff", "yes", "1", "wijkteam_noord", "no", "social_worker"]  # no second factor yet


@pytest.mark.promise("S4-07", "S4-11")
def test_a_deactivated_colleague_has_no_way_in_any_more(kwartier: dict[str, Any], capsys: Any) -> None:
    worker = kwartier["worker"]
    case = new_subject(worker, "support")
    assert main(["staff", "deactivate", "sanne"]) == 0
    assert "1 token(s) revoked" in capsys.readouterr().out
    assert records(worker, case, "support").status_code == 401  # her token no longer works
    worker.user.refresh_from_db()
    assert not worker.user.is_active
    assert audit("staff.deactivate")[-1].actor == "system:cli"
    assert main(["staff", "deactivate", "sanne"]) == 1  # once is enough
    assert "already deactivated" in capsys.readouterr().err


def test_a_new_token_revokes_the_old_one(kwartier: dict[str, Any], capsys: Any) -> None:
    from rest_framework.test import APIClient

    worker = kwartier["worker"]
    case = new_subject(worker, "support")
    assert main(["staff", "token", "sanne"]) == 0
    key = capsys.readouterr().out.splitlines()[-1]
    assert records(worker, case, "support").status_code == 401  # the lost token stops working
    fresh = APIClient()
    fresh.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    assert fresh.get(f"/api/v1/subjects/{case}/records", {"purpose": "support"}).status_code == 200
    assert audit("staff.token")[-1].detail["tokens_revoked"] == 1


def test_a_new_password_is_shown_once_and_works(kwartier: dict[str, Any], capsys: Any) -> None:
    from django.test import Client

    assert main(["staff", "password", "tim"]) == 0
    password = capsys.readouterr().out.strip().rsplit(" ", 1)[-1]
    kwartier["leader"].user.refresh_from_db()
    assert kwartier["leader"].user.check_password(password)
    signed_in = Client().post("/backoffice/inloggen", {"username": "tim", "password": password})
    assert signed_in.status_code == 302 and "inloggen" not in signed_in["Location"]
    [entry] = audit("staff.password")
    assert password not in str(entry.detail)


def test_roles_are_shown_and_replaced_with_roles_of_the_policy(kwartier: dict[str, Any], capsys: Any) -> None:
    assert main(["staff", "roles", "sam"]) == 0
    assert capsys.readouterr().out.strip() == "social_worker"
    assert main(["staff", "roles", "sam", "--set", "social_worker,team_leader"]) == 0
    assert "social_worker -> social_worker, team_leader" in capsys.readouterr().out
    kwartier["colleague"].user.refresh_from_db()
    assert kwartier["colleague"].user.roles == ["social_worker", "team_leader"]
    assert audit("staff.roles")[-1].detail["new"] == ["social_worker", "team_leader"]
    # A role the policy does not have changes nothing
    assert main(["staff", "roles", "sam", "--set", "wizard"]) == 1
    assert "unknown role(s) wizard; the active policy has: privacy_officer, social_worker" in capsys.readouterr().err
    kwartier["colleague"].user.refresh_from_db()
    assert kwartier["colleague"].user.roles == ["social_worker", "team_leader"]


def test_a_team_the_policy_does_not_know_is_refused_with_the_valid_teams(kwartier: dict[str, Any], capsys: Any) -> None:
    from waarborg.engine.accounts.models import User

    assert main(["staff", "add", "sofie", "--role", "social_worker", "--team", "wijkteam-noord"]) == 1
    err = capsys.readouterr().err
    assert "unknown team 'wijkteam-noord'; known teams: wijkteam_noord, wijkteam_zuid" in err
    assert not User.objects.filter(username="sofie").exists()
    assert main(["staff", "add", "sofie", "--role", "social_worker", "--team", "wijkteam_noord"]) == 0
    # An administrator starts a new team on purpose; from then on it is known
    assert main(["staff", "add", "willem", "--role", "social_worker", "--team", "wijkteam_west", "--new-team"]) == 0
    assert main(["staff", "add", "wanda", "--role", "social_worker", "--team", "wijkteam_west"]) == 0


def test_an_unknown_account_is_a_users_mistake(kwartier: dict[str, Any], capsys: Any) -> None:
    for action in ("deactivate", "password", "token", "roles"):
        assert main(["staff", action, "nobody"]) == 1
        assert "no staff or service account named 'nobody'" in capsys.readouterr().err
