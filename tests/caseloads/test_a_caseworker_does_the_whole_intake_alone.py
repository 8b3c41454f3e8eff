"""A need-to-know caseworker registers a new client and gets the case at once (the intake), stores the core
records and reads them back, through the API alone, without an administrator: WlzCliëntondersteuning,
Werkzaak and Kwartier on their shipped policies. A colleague who was not assigned is refused and logged."""

from __future__ import annotations

from typing import Any

import pytest

from tests.caseloads.conftest import audit, new_subject, pseudonym_of, records, register, store


def _refused_not_assigned(colleague: Any, subject: str, purpose: str) -> None:
    answer = records(colleague, subject, purpose)
    assert answer.status_code == 403 and answer.json()["reason"] == "not_assigned"
    entry = audit("read.refused", reason="not_assigned")[-1]
    assert (entry.actor, entry.purpose, entry.subject_pseudonym) == (
        colleague.user.username, purpose, pseudonym_of(subject))


@pytest.mark.promise("S4-11", "S4-07")
def test_a_client_supporter_of_wlz_does_an_intake_alone(wlz: dict[str, Any]) -> None:
    # given a client supporter, when she registers a new client under client_support (the intake)
    supporter = wlz["worker"]
    client = new_subject(supporter, "client_support", birth_date="1950-02-03", external_id="wlz-2026-001")
    # then the case is hers: her caseload shows it, and the assignment is audited as an intake
    mine = supporter.get("/api/v1/assignments", {"staff": "me"}).json()
    assert [(a["subject"], a["purpose"], a["via"], a["staff"]) for a in mine] == [
        (client, "client_support", "intake", "wendy")]
    entry = audit("subject.assign")[-1]
    assert (entry.actor, entry.purpose, entry.subject_pseudonym, entry.detail["via"]) == (
        "wendy", "client_support", pseudonym_of(client), "intake")
    # and she stores the core records: the client as a prospect, the signed statement, then the care file
    assert store(supporter, client, "client", {"name": "Kees Kok", "birth_date": "1950-02-03",
                                               "agreement_status": "prospect"}, "client_support").status_code == 201
    consent = supporter.post("/api/v1/consents", {
        "subject": client, "purpose": "client_support", "signatories": [{"role": "self", "name": "Kees Kok"}],
        "evidence": {"document": "toestemmingsverklaring-2026-001.pdf", "scope": ["general", "special"]}},
        format="json")
    assert consent.status_code == 201, consent.content
    assert store(supporter, client, "care_file", {"care_situation": "Woont thuis met mantelzorg van dochter.",
                                                  "health": "Beginnende dementie."},
                 "client_support").status_code == 201
    # and reads them back
    shown = records(supporter, client, "client_support")
    assert shown.status_code == 200
    assert [r["type"] for r in shown.json()] == ["client", "care_file"]
    assert shown.json()[1]["data"]["health"] == "Beginnende dementie."
    # a colleague who was not assigned is refused, and the attempt is logged
    _refused_not_assigned(wlz["colleague"], client, "client_support")


@pytest.mark.promise("S4-11", "S4-07")
def test_a_consultant_of_werkzaak_does_an_intake_alone(werkzaak: dict[str, Any]) -> None:
    consultant = werkzaak["worker"]
    client = new_subject(consultant, "benefits", bsn="111222333", external_id="wz-77")
    benefit = {"name": "Jan Jansen", "birth_date": "1980-04-12", "bsn": "111222333", "income": "950.00",
               "medical_advice": "Beperkt belastbaar."}
    stored = store(consultant, client, "benefit_file", benefit, "benefits", source={"kind": "subject"})
    assert stored.status_code == 201, stored.content
    shown = records(consultant, client, "benefits").json()
    assert [(r["type"], r["data"]["bsn"]) for r in shown] == [("benefit_file", "111222333")]
    # the intake named benefits only: reintegration is not hers until it is assigned
    plan = store(consultant, client, "reintegration_plan", {"name": "Jan Jansen"}, "reintegration")
    assert plan.status_code == 403 and plan.json()["reason"] == "not_assigned"
    _refused_not_assigned(werkzaak["colleague"], client, "benefits")


@pytest.mark.promise("S4-11", "S4-07")
def test_a_social_worker_of_kwartier_does_an_intake_alone(kwartier: dict[str, Any]) -> None:
    worker = kwartier["worker"]
    client = new_subject(worker, "support", external_id="kw-001")
    assert store(worker, client, "client_file", {"name": "Joke de Vries", "request": "Hulp bij de administratie",
                                                  "source": "self"}, "support").status_code == 201
    assert store(worker, client, "care_notes", {"health": "Slaapt slecht sinds de verhuizing."},
                 "support").status_code == 201
    shown = records(worker, client, "support").json()
    assert [r["type"] for r in shown] == ["client_file", "care_notes"]
    # a colleague of the same team sees nothing: the case is Sanne's, not the team's
    _refused_not_assigned(kwartier["colleague"], client, "support")


@pytest.mark.promise("S4-11")
def test_without_a_purpose_the_intake_gives_every_need_to_know_purpose_the_worker_writes(
        kwartier: dict[str, Any]) -> None:
    # given a social worker, whose role is need-to-know on support and signalling (not emergency: anyone acts)
    worker = kwartier["worker"]
    # when she registers a subject without naming a purpose
    client = register(worker).json()["id"]
    # then the case is hers on every purpose she writes
    mine = worker.get("/api/v1/assignments").json()
    assert sorted(a["purpose"] for a in mine if a["subject"] == client) == ["signalling", "support"]
    assert {e.detail["via"] for e in audit("subject.assign")} == {"intake"}


def test_staff_outside_need_to_know_get_no_assignment_from_an_intake(werkzaak: dict[str, Any]) -> None:
    from waarborg.engine.vault.models import Assignment

    # the front office registers a resident who asks a question: that purpose has no caseloads
    assert register(werkzaak["front_office"], "questions").status_code == 201
    assert not Assignment.objects.exists()
    assert not audit("subject.assign")


def test_a_purpose_whose_policy_says_a_coordinator_assigns_gives_no_intake_assignment(db: Any) -> None:
    """`intake_assigns: false` (no shipped policy uses it: a copy of Kwartier's with only that changed)."""
    import yaml

    from tests.conftest import EXAMPLES, Persona, make_staff
    from waarborg.engine.policy.active import activate
    from waarborg.engine.policy.loader import load_text

    data = yaml.safe_load((EXAMPLES / "kwartier.yaml").read_text(encoding="utf-8"))
    data["purposes"]["support"]["intake_assigns"] = False
    activate(load_text(yaml.safe_dump(data, allow_unicode=True)))
    worker = Persona(*make_staff("sanne", ["social_worker"]))
    client = new_subject(worker, "support")
    assert worker.get("/api/v1/assignments").json() == []
    answer = store(worker, client, "client_file", {"name": "Joke", "request": "Hulp", "source": "self"}, "support")
    assert answer.status_code == 403 and answer.json()["reason"] == "not_assigned"
