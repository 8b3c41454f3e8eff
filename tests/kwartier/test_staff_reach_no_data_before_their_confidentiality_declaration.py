"""S4-08: every Kwartier staff member is bound to confidentiality: an account reaches no personal data until
the signed declaration is recorded on it (`waarborg staff add --unsigned`, then `waarborg staff sign`).

The account is made and signed on the command line; it works through the REST API on the shipped policy."""

from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import Persona
from tests.kwartier.conftest import CLIENT_FILE, audit_log, intake, refusals, store
from waarborg.audiences.cli import main


def _new_colleague(capsys: pytest.CaptureFixture[str]) -> Persona:
    """Nina joins wijkteam Noord; her declaration is not back yet."""
    from waarborg.engine.accounts.models import User

    capsys.readouterr()
    assert main(["staff", "add", "nina", "--role", "social_worker", "--team", "wijkteam_noord", "--unsigned",
                 "--token"]) == 0
    out = capsys.readouterr().out
    assert "waarborg staff sign nina" in out
    return Persona(User.objects.get(username="nina"), out.strip().splitlines()[-1])


@pytest.mark.promise("S4-08")
def test_a_new_colleague_reaches_no_client_until_her_declaration_is_signed(
        kwartier: dict[str, Any], capsys: pytest.CaptureFixture[str]) -> None:
    worker, leader, officer = kwartier["worker"], kwartier["leader"], kwartier["privacy_officer"]
    client = intake(worker)
    assert store(worker, client, "client_file", CLIENT_FILE, "support").status_code == 201
    # given Nina, without a signed declaration, to whom the team leader hands Sanne's client
    nina = _new_colleague(capsys)
    assert leader.post(f"/api/v1/subjects/{client}/assignments", {"purpose": "support", "staff": "nina"},
                       format="json").status_code == 201
    # when she opens the client's file, or registers a client of her own
    read = nina.get(f"/api/v1/subjects/{client}/records", {"purpose": "support"})
    own = nina.post("/api/v1/subjects", {"external_id": "kw-nina-1"}, format="json")
    # then both are refused for the missing declaration, and the attempts are logged under her name
    for answer in (read, own):
        assert answer.status_code == 403 and answer.json()["reason"] == "confidentiality_not_signed"
    assert len(refusals(officer, "confidentiality_not_signed", actor="nina")) == 2
    # when the signed declaration is recorded
    assert main(["staff", "sign", "nina"]) == 0
    assert "confidentiality declaration of nina recorded" in capsys.readouterr().out
    # then she works on the client at once, and the signing is in the audit log
    shown = nina.get(f"/api/v1/subjects/{client}/records", {"purpose": "support"})
    assert shown.status_code == 200 and shown.json()[0]["data"]["name"] == CLIENT_FILE["name"]
    assert [e["detail"]["user_id"] for e in audit_log(officer, action="staff.confidentiality_signed")] == [
        nina.user.pk]


@pytest.mark.promise("S4-08")
def test_a_declaration_is_recorded_once_with_the_date_it_was_signed(
        kwartier: dict[str, Any], capsys: pytest.CaptureFixture[str]) -> None:
    _new_colleague(capsys)
    assert main(["staff", "sign", "nina", "--on", "2026-01-05"]) == 0
    assert "(2026-01-05)" in capsys.readouterr().out
    assert main(["staff", "sign", "nina"]) == 1
    assert "on file since 2026-01-05" in capsys.readouterr().err


def test_signing_for_an_unknown_account_or_a_day_to_come_changes_nothing(
        kwartier: dict[str, Any], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["staff", "sign", "niemand"]) == 1
    assert "no staff account named 'niemand'" in capsys.readouterr().err
    nina = _new_colleague(capsys)
    assert main(["staff", "sign", "nina", "--on", "2999-01-01"]) == 1
    assert "future" in capsys.readouterr().err
    nina.user.refresh_from_db()
    assert nina.user.confidentiality_signed_at is None
