"""The compiled policy answers the role questions every capability asks: `roles_of`, `grants`, `manages`.

Two kinds of proof, for every shipped policy. First against the YAML itself, read here without the loader:
a staff member holding one role is granted exactly the actions that role lists, and manages exactly the
areas it names, plus those its office brings (the privacy officer: requests, breaches, consents,
retention; the DPO: requests, consents). Then named cases per organisation, as a reader of the policy
would state them, including the actors who hold no role: the platform's jobs, a citizen, nobody.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import EXAMPLES
from waarborg.engine.policy.loader import load_file
from waarborg.engine.policy.schema import Action, Policy

POLICIES = sorted(EXAMPLES.glob("*.yaml"))
AREAS = ("requests", "breaches", "consents", "retention", "staff", "policy", "decisions", "caseloads")
BY_OFFICE = {"privacy_officer": {"requests", "breaches", "consents", "retention"}, "dpo": {"requests", "consents"}}


@dataclass(frozen=True)
class Account:
    """An account as the policy sees it (the accounts app's User has the same shape)."""

    roles: tuple[str, ...] = ()
    kind: str = "staff"
    team: str = ""
    pk: int = 1
    is_authenticated: bool = True


def compiled(name: str) -> Policy:
    return load_file(EXAMPLES / f"{name}.yaml").policy


def written_roles(file: Path) -> dict[str, Any]:
    return yaml.safe_load(file.read_text(encoding="utf-8"))["roles"]


@pytest.mark.parametrize("file", POLICIES, ids=lambda p: p.stem)
def test_a_role_grants_exactly_what_the_file_lists(file: Path) -> None:
    policy = load_file(file).policy
    for name, role in written_roles(file).items():
        holder = Account(roles=(name,))
        assert policy.roles_of(holder) == (policy.roles[name],)
        for purpose in policy.purposes:
            listed = set(role.get("grants", {}).get(purpose, []))
            for action in Action:
                assert policy.grants(holder, action, purpose) is (action.value in listed), (name, action, purpose)
            assert policy.grants_any(holder, Action, purpose) is bool(listed)
        assert set(policy.granted_purposes(holder, "read")) == {
            p for p, actions in role.get("grants", {}).items() if "read" in actions}


@pytest.mark.parametrize("file", POLICIES, ids=lambda p: p.stem)
def test_a_role_manages_what_it_names_and_what_its_office_brings(file: Path) -> None:
    policy = load_file(file).policy
    for name, role in written_roles(file).items():
        holder = Account(roles=(name,))
        offices = [office for office in BY_OFFICE if role.get(office)]
        for area in AREAS:
            expected = area in role.get("manages", []) or any(area in BY_OFFICE[o] for o in offices)
            assert policy.manages(holder, area) is expected, (name, area)
            assert (name in policy.managers(area)) is expected
        assert policy.oversees(holder) is bool(offices)


@pytest.mark.parametrize("file", POLICIES, ids=lambda p: p.stem)
def test_who_holds_no_role_is_granted_nothing(file: Path) -> None:
    from django.contrib.auth.models import AnonymousUser

    policy = load_file(file).policy
    nobodies: list[Any] = [None, AnonymousUser(), "system:sweep", Account(), Account(kind="citizen"),
                           Account(roles=("no_such_role",))]
    for actor in nobodies:
        assert policy.roles_of(actor) == ()
        assert not any(policy.grants(actor, action, p) for p in policy.purposes for action in Action)
        assert not policy.oversees(actor)
    # the platform's own jobs act in retention and caseloads without a role, and nowhere else
    for area in AREAS:
        assert policy.manages("system:sweep", area) is (area in ("retention", "caseloads"))
        assert not policy.manages(None, area)
        assert not policy.manages(AnonymousUser(), area)


def test_ikzorginassen_roles() -> None:
    policy = compiled("ikzorginassen")
    assessor, helpdesk = Account(roles=("assessor",)), Account(roles=("helpdesk",))
    officer, coordinator = Account(roles=("privacy_officer",)), Account(roles=("coordinator",))
    assert policy.grants(assessor, "decide", "payout")
    assert not policy.grants(assessor, "export", "eligibility")
    assert not policy.grants(helpdesk, "read", "eligibility")
    assert policy.grants(helpdesk, "write", "tips")
    assert policy.grants(officer, "disclose", "payout") and not policy.grants(officer, "write", "payout")
    assert policy.manages(officer, "breaches") and not policy.manages(officer, "caseloads")
    assert policy.manages(coordinator, "caseloads") and not policy.manages(coordinator, "requests")
    assert policy.managers("caseloads") == ("coordinator",)
    # roles add up; a role the policy dropped opens nothing
    both = Account(roles=("helpdesk", "assessor", "retired_role"))
    assert policy.roles_of(both) == (policy.roles["helpdesk"], policy.roles["assessor"])
    assert policy.grants(both, "write", "tips") and policy.grants(both, "decide", "eligibility")


def test_kwartier_roles() -> None:
    policy = compiled("kwartier")
    worker, leader = Account(roles=("social_worker",), team="wijkteam_noord"), Account(roles=("team_leader",))
    assert policy.grants(worker, "disclose", "emergency")
    assert not policy.grants(worker, "read", "volunteers")
    assert policy.manages(worker, "decisions") and not policy.manages(worker, "caseloads")
    assert policy.manages(leader, "caseloads") and not policy.grants_any(leader, Action, "support")
    assert not policy.oversees(worker)


def test_socialekaart_roles() -> None:
    policy = compiled("socialekaart")
    website = Account(roles=("website",), kind="service")
    assert policy.grants(website, "write", "site_usage") and not policy.grants(website, "read", "site_usage")
    assert not any(policy.manages(website, area) for area in AREAS)
    editor = Account(roles=("editor",))
    assert policy.grants(editor, "decide", "listing") and policy.manages(editor, "decisions")
    assert policy.managers("requests") == ("privacy_officer",)


def test_werkzaak_roles() -> None:
    policy = compiled("werkzaak")
    dpo, consultant = Account(roles=("dpo",)), Account(roles=("consultant",), team="werk")
    # the DPO names requests and breaches, handles consents by office, and does not keep retention
    assert policy.manages(dpo, "requests") and policy.manages(dpo, "breaches") and policy.manages(dpo, "consents")
    assert not policy.manages(dpo, "retention") and not policy.manages(dpo, "caseloads")
    assert policy.oversees(dpo) and not policy.grants_any(dpo, Action, "benefits")
    assert policy.grants(consultant, "disclose", "reintegration") and not policy.grants(consultant, "write",
                                                                                          "secure_mail")
    assert policy.managers("requests") == ("privacy_officer", "dpo")
    assert policy.managers("retention") == ("privacy_officer",)


def test_wlzclientondersteuning_roles() -> None:
    policy = compiled("wlzclientondersteuning")
    supporter = Account(roles=("client_supporter",))
    assert policy.manages(supporter, "consents") and not policy.manages(supporter, "requests")
    assert policy.grants(supporter, "disclose", "client_support")
    assert not policy.grants(supporter, "export", "lead")
    administration = Account(roles=("administration",))
    assert policy.grants(administration, "write", "service_improvement")
    assert not policy.grants(administration, "read", "service_improvement")
    assert policy.managers("consents") == ("privacy_officer", "client_supporter")
