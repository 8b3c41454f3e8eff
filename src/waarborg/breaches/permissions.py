"""Who may handle breaches: a privacy officer (or a role that manages breaches); the DPO sees all."""

from __future__ import annotations

from typing import Any

from waarborg.policy.schema import Policy


def _roles(user: Any, policy: Policy) -> list[Any]:
    return [policy.roles[r] for r in (getattr(user, "roles", None) or []) if r in policy.roles]


def manages_breaches(user: Any, policy: Policy) -> bool:
    return any(r.privacy_officer or "breaches" in r.manages for r in _roles(user, policy))


def sees_breaches(user: Any, policy: Policy) -> bool:
    return manages_breaches(user, policy) or any(r.dpo for r in _roles(user, policy))
