"""Who may read statistics: whoever oversees privacy, or a role that reads or exports the purpose.

Every refusal is audited (S3-19) through `audit.refusals.refused`.
"""

from __future__ import annotations

from typing import Any

from waarborg.core.actors import Actor
from waarborg.engine.audit.refusals import refused
from waarborg.engine.policy.schema import Policy


def require_reader(policy: Policy, user: Actor, action: str, purpose: str) -> None:
    granted = policy.grants_any(user, ("read", "export"), purpose)
    if getattr(user, "kind", "staff") == "citizen" or not (policy.oversees(user) or granted):
        raise refused(user, action, "role_not_granted",
                      f"alleen de privacyfunctionaris of een rol met lezen/exporteren op {purpose} / "
                      "only the privacy officer or a role reading this purpose", purpose=purpose)


def require_purpose(user: Any, action: str, named: str, allowed: set[str]) -> None:
    if named not in allowed:
        raise refused(user, action, "purpose_mismatch",
                      f"deze gegevens dienen alleen {', '.join(sorted(allowed)) or '-'} / "
                      "this data serves another purpose", purpose=named)
