"""Who may see and change retention facts. Roles come from the active policy.

- Reading a record's clock: a role granting `read` on the record's purpose, or the privacy officer.
- Recording events: `write` on some purpose, or the privacy officer.
- Holds, extensions and shortenings: a role that manages retention, or the privacy officer.
A refusal is audited (in its own transaction, so it survives the caller's rollback) and raised.
"""

from __future__ import annotations

from typing import Any

from waarborg.audit.refusals import refused
from waarborg.core.errors import Refused
from waarborg.policy.schema import Policy, Role


def _roles(actor: Any, policy: Policy) -> list[Role]:
    if isinstance(actor, str):  # system jobs ("system:sweep") are not people and pass no role check here
        return []
    return [policy.roles[r] for r in (getattr(actor, "roles", None) or []) if r in policy.roles]


def is_privacy_officer(actor: Any, policy: Policy) -> bool:
    return any(role.privacy_officer for role in _roles(actor, policy))


def may(actor: Any, policy: Policy, action: str, purpose: str | None = None) -> bool:
    """`action` on `purpose` (None: on any purpose)."""
    for role in _roles(actor, policy):
        for granted_purpose, actions in role.grants.items():
            if (purpose is None or granted_purpose == purpose) and action in actions:
                return True
    return False


def manages_retention(actor: Any, policy: Policy) -> bool:
    return isinstance(actor, str) or any(role.privacy_officer or "retention" in role.manages
                                         for role in _roles(actor, policy))


def refuse(actor: Any, action: str, detail: str, *, reason: str = "role_not_granted", purpose: str = "",
           subject: Any = None, record: Any = None) -> Refused:
    return refused(actor, action, reason, detail, purpose=purpose, subject=subject, record=record)
