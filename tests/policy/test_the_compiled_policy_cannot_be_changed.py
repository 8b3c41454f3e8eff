"""The compiled policy is deeply immutable: one object is cached per process and shared by every request, so
nothing that holds it (a view, an action, a template) can change the rules for whoever comes next.

Every part of every shipped policy is walked: each model refuses a new attribute value, each mapping (the
purposes, a role's grants, a record type's fields...) refuses a new, changed or removed key, each sequence
refuses a new item, and nothing inside is a list, dict or set.
"""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Iterator, Mapping
from enum import Enum
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel, ValidationError

from tests.conftest import EXAMPLES, activate_example
from waarborg.engine.policy.loader import load_file
from waarborg.engine.policy.periods import Period
from waarborg.engine.policy.schema import Policy

POLICIES = sorted(EXAMPLES.glob("*.yaml"))
LEAVES = (str, int, float, bool, type(None), dt.date, Period, Enum)


def parts(value: Any, path: str = "policy") -> Iterator[tuple[str, Any]]:
    """Every part of a compiled policy, with where it sits."""
    yield path, value
    if isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from parts(getattr(value, name), f"{path}.{name}")
    elif isinstance(value, Mapping):
        for key, item in value.items():
            yield from parts(item, f"{path}[{key!r}]")
    elif isinstance(value, tuple | frozenset):
        for i, item in enumerate(value):
            yield from parts(item, f"{path}[{i}]")


def mutations(value: Any) -> Iterator[tuple[str, Any]]:
    """Each way someone could try to change `value` in place, as a function that tries it."""
    if isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield f".{name} = ...", lambda name=name: setattr(value, name, None)
        yield ".extra = ...", lambda: setattr(value, "extra", 1)
    elif isinstance(value, Mapping):
        key = next(iter(value), "new")
        yield "[new] = ...", lambda: value.__setitem__("new", None)
        yield "[key] = ...", lambda: value.__setitem__(key, None)
        yield "del [key]", lambda: value.__delitem__(key)
        for method in ("update", "pop", "popitem", "setdefault", "clear"):
            yield f".{method}()", lambda method=method: getattr(value, method)()
    elif isinstance(value, tuple | frozenset):
        yield "[0] = ...", lambda: value.__setitem__(0, None)
        for method in ("append", "extend", "add", "remove", "pop", "clear", "sort"):
            yield f".{method}()", lambda method=method: getattr(value, method)()


@pytest.mark.parametrize("file", POLICIES, ids=lambda p: p.stem)
def test_no_part_of_a_shipped_policy_can_be_changed(file: Path) -> None:
    # given a shipped policy, compiled
    policy = load_file(file).policy
    seen = 0
    for path, part in parts(policy):
        # then nothing in it is a mutable container, and every container refuses each change
        assert not isinstance(part, list | dict | set | bytearray), f"{path} is a mutable {type(part).__name__}"
        if isinstance(part, LEAVES):
            continue
        assert isinstance(part, BaseModel | Mapping | tuple | frozenset), f"{path}: unexpected {type(part)}"
        for how, change in mutations(part):
            with pytest.raises((TypeError, AttributeError, ValidationError)):
                change()
                pytest.fail(f"{path}{how} changed the policy")
            seen += 1
    assert seen > 1000  # the walk reached deep into the policy, not only its top


def test_the_nested_parts_named_in_the_issue_refuse_a_change() -> None:
    # given the seed policy
    policy = load_file(EXAMPLES / "ikzorginassen.yaml").policy
    role = policy.roles["assessor"]
    # when a caller tries to widen a role, add a purpose or add a choice, then each attempt raises
    with pytest.raises(TypeError):
        role.grants["newsletter"] = ("read",)
    with pytest.raises(TypeError):
        policy.purposes["spying"] = policy.purposes["eligibility"]
    with pytest.raises(AttributeError):
        role.grants["eligibility"].append("export")
    with pytest.raises(ValidationError):
        role.privacy_officer = True
    with pytest.raises(AttributeError):
        policy.record_types["application"].fields.pop("iban")
    # and the role is as the file wrote it
    assert set(role.grants) == {"eligibility", "payout"}
    assert role.privacy_officer is False


def test_a_copy_is_a_callers_own_and_leaves_the_policy_as_it_was() -> None:
    policy = load_file(EXAMPLES / "ikzorginassen.yaml").policy
    roles = dict(policy.roles)
    roles.pop("assessor")
    assert "assessor" in policy.roles
    assert copy.deepcopy(policy) is policy  # immutable: a deep copy is the thing itself


def test_the_dict_a_policy_was_built_from_cannot_change_it_afterwards() -> None:
    # given a policy validated from plain data
    data = load_file(EXAMPLES / "kwartier.yaml").policy.model_dump()
    policy = Policy.model_validate(data)
    # when the caller changes the data it passed in
    data["roles"]["team_leader"]["grants"]["support"] = ["read"]
    data["roles"].pop("privacy_officer")
    # then the policy does not follow
    assert "support" not in policy.roles["team_leader"].grants
    assert "privacy_officer" in policy.roles


def test_a_policy_still_round_trips_through_json() -> None:
    policy = load_file(EXAMPLES / "werkzaak.yaml").policy
    again = Policy.model_validate_json(policy.model_dump_json())
    assert again == policy


def test_an_empty_required_section_is_still_a_problem() -> None:
    data = load_file(EXAMPLES / "kwartier.yaml").policy.model_dump()
    data["roles"] = {}
    with pytest.raises(ValidationError) as caught:
        Policy.model_validate(data)
    assert [(e["loc"], e["type"]) for e in caught.value.errors()] == [(("roles",), "too_short")]


@pytest.mark.django_db
def test_the_active_policy_every_request_shares_cannot_be_changed() -> None:
    from waarborg.engine.policy.active import current

    # given the seed policy active, as every request of this process reads it
    activate_example("ikzorginassen")
    shared = current()
    # when one caller tries to change it, then it cannot, and the next caller reads the same rules
    with pytest.raises(TypeError):
        shared.roles["helpdesk"].grants["payout"] = ("read",)
    assert current() is shared
    assert "payout" not in current().roles["helpdesk"].grants
