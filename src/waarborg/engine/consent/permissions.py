"""Who may keep the register: staff with write on the purpose, or whoever manages consents.

Subjects themselves will act through the portal (later); here every caller is staff or a service.
A refusal is audited in its own transaction (the caller's may roll back) and answers 403.
"""

from __future__ import annotations

from typing import Any

from waarborg.core.actors import Actor
from waarborg.engine.audit.refusals import refused
from waarborg.engine.policy.schema import Policy


def may(policy: Policy, user: Actor, purpose: str, *actions: str) -> bool:
    """Manages consents (a role naming `consents`, the privacy officer, the DPO), or holds one of `actions`
    on `purpose` through a role."""
    if getattr(user, "kind", "staff") == "citizen":
        return False
    if policy.manages(user, "consents"):
        return True
    return policy.grants_any(user, actions, purpose)


def require(policy: Policy, user: Actor, action: str, purpose: str, *, subject: Any = None,
            grants: tuple[str, ...] = ("write",)) -> None:
    if not may(policy, user, purpose, *grants):
        raise refused(user, action, "role_not_granted",
                      f"geen rol met {'/'.join(grants)} op doel {purpose or '-'} en geen beheer van toestemmingen / "
                      "no role for this purpose", purpose=purpose, subject=subject)
