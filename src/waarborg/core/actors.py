"""Who acts: the one type every policy question and every action takes for its actor.

Four kinds of actor reach the platform, and the policy answers each differently:
- an **account** (`Account`): staff, a service (an API token of another system) or a citizen, told apart by
  `kind`; its `roles` are role ids of the active policy (a citizen and most services hold none);
- the **platform itself** (`System`): a job or a command acting as `"system:<name>"` (`"system:sweep"`),
  which holds no role; the policy lets it act in a few areas (retention, caseloads) without one;
- an **anonymous visitor** (`Anonymous`, Django's `AnonymousUser`): a public form, a page before login;
- **nobody** (`None`): an audit entry with no one behind it.

These are structural types (`Protocol`s), not classes to inherit from: the accounts app's `User` is an
`Account` as it is, so the core stays free of Django and of the rest of the project.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Literal, Protocol, TypeAlias

SYSTEM_PREFIX = "system:"

System: TypeAlias = str
"""The platform itself, named after the job or command that acts: `"system:sweep"`, `"system:cli"`."""


class Account(Protocol):
    """A signed-in account: staff, service or citizen (`kind`), with role ids of the active policy."""

    @property
    def pk(self) -> Any: ...

    @property
    def kind(self) -> str: ...

    @property
    def roles(self) -> Iterable[str] | None: ...

    @property
    def team(self) -> str: ...

    @property
    def is_authenticated(self) -> bool: ...


class Anonymous(Protocol):
    """A visitor who has not signed in (Django's `AnonymousUser`): no kind, no roles."""

    @property
    def is_anonymous(self) -> Literal[True]: ...


Actor: TypeAlias = Account | Anonymous | System | None


def is_system(actor: object) -> bool:
    """Is this the platform itself (`"system:<name>"`) rather than a person or a connected system?"""
    return isinstance(actor, str) and actor.startswith(SYSTEM_PREFIX)


def role_ids(actor: object) -> tuple[str, ...]:
    """The role ids an actor carries, as written on the account (the policy decides which it knows).
    The platform, anonymous visitors and nobody carry none."""
    if actor is None or isinstance(actor, str):
        return ()
    return tuple(getattr(actor, "roles", None) or ())

