"""Who may file and who may handle data-subject requests.

Handling (seeing, verifying, answering, exporting) is for roles the policy marks `privacy_officer`,
`dpo` (the FG sees every request, S3-28) or with `requests` in `manages`. Filing is wider: any staff
member with a role may register a request they received (the helpdesk takes a call, S0-39), and
a citizen may file for themselves. Which handler may take which step of one request is `duties`: never
the one who registered it. Every refusal is audited before the 403.
"""

from __future__ import annotations

from typing import Any

from waarborg.core.actors import Actor
from waarborg.engine.audit.refusals import refused
from waarborg.engine.policy.schema import Policy


def may_intake(user: Actor, policy: Policy) -> bool:
    """May this account register requests at all (before we know for whom)?"""
    if policy.manages(user, "requests") or getattr(user, "kind", "") == "citizen":
        return True
    return getattr(user, "kind", "") == "staff" and bool(policy.roles_of(user))


def may_file(user: Actor, policy: Policy, subject: Any) -> bool:
    if policy.manages(user, "requests"):
        return True
    if getattr(user, "kind", "") == "citizen":
        return subject is not None and getattr(user, "subject_id", None) == getattr(subject, "pk", None)
    return getattr(user, "kind", "") == "staff" and bool(policy.roles_of(user))


def require_handler(actor: Actor, policy: Policy, action: str, *, subject: Any = None, request_id: Any = None) -> None:
    if not policy.manages(actor, "requests"):
        roles = ", ".join(sorted(policy.managers("requests"))) or "-"
        raise refused(actor, action, "role_not_granted", f"Alleen de privacyfunctionaris of FG behandelt verzoeken "
                      f"({roles}). / Only the privacy officer or DPO handles requests ({roles}).",
                      subject=subject, detail={"request": str(request_id)} if request_id else {})
