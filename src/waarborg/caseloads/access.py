"""Who may see and change caseloads. Every answer comes from the active policy's roles.

- Assigning, ending and handing over: roles that manage `caseloads`, and the platform itself ("system:..."
  actors: the CLI, intake jobs). They need no grant on the purpose: they decide who sees a case, they do not
  read it.
- Seeing a subject's assignments: caseload managers, the privacy officer and the DPO, and staff who have
  the subject in their own (or their team's) caseload, for those purposes.
- Seeing a caseload: one's own and one's team's; another person's or team's only for caseload managers.
A refusal writes its audit entry before the 403 (`audit.refusals.refused`).
"""

from __future__ import annotations

from typing import Any

from waarborg.audit.refusals import refused
from waarborg.core.errors import Refused
from waarborg.policy.schema import Policy
from waarborg.vault.authorisation import confidentiality, is_system, needs_assignment, staff_only
from waarborg.vault.gates import AccessContext


def may_manage(actor: Any, policy: Policy) -> bool:
    return is_system(actor) or policy.manages(actor, "caseloads")


def oversees(actor: Any, policy: Policy) -> bool:
    """Caseload managers, the privacy officer and the DPO see every subject's assignments."""
    return may_manage(actor, policy) or any(role.privacy_officer or role.dpo for role in policy.roles_of(actor))


def caseload_purposes(actor: Any, policy: Policy) -> list[str]:
    """The purposes on which the actor sees only the subjects in their caseload (their need-to-know work)."""
    return [p for p in policy.purposes if p in policy.need_to_know_purposes()
            and any(policy.grants(actor, action, p) and needs_assignment(policy, actor, action, p)
                    for action in ("read", "write"))]


def _managers(policy: Policy) -> str:
    return ", ".join(rid for rid, role in policy.roles.items() if "caseloads" in role.manages) or "-"


def refuse(actor: Any, action: str, nl: str, en: str, *, reason: str = "role_not_granted", purpose: str = "",
           subject: Any = None) -> Refused:
    return refused(actor, action, reason, f"{nl} ({en})", purpose=purpose, subject=getattr(subject, "pk", subject))


def _staff(actor: Any, action: str, purpose: str = "", subject: Any = None) -> None:
    """Only signed-in staff with a confidentiality declaration (the vault's own first gates)."""
    if is_system(actor):
        return
    ctx = AccessContext(actor=actor, action=action, purpose=purpose, policy=None)
    refusal = staff_only(ctx) or confidentiality(ctx)
    if refusal is not None:
        raise refused(actor, action, refusal.reason, refusal.detail, purpose=purpose,
                      subject=getattr(subject, "pk", subject))


def require_manager(actor: Any, policy: Policy, action: str, *, purpose: str = "", subject: Any = None) -> None:
    _staff(actor, action, purpose, subject)
    if not may_manage(actor, policy):
        roles = _managers(policy)
        raise refuse(actor, action, f"Alleen wie caseloads beheert ({roles}) wijst cliënten toe, beëindigt een "
                                    "toewijzing of draagt cliënten over.",
                     f"Only a role that manages caseloads ({roles}) assigns, ends or hands over cases.",
                     purpose=purpose, subject=subject)


def require_subject_reader(actor: Any, policy: Policy, action: str) -> None:
    """Before the subject is looked up: could this actor see any subject's assignments at all?"""
    _staff(actor, action)
    if not oversees(actor, policy) and not caseload_purposes(actor, policy):
        raise refuse(actor, action, "Uw rol heeft geen cliënten met need-to-know en beheert geen caseloads.",
                     "Your roles have no need-to-know cases and manage no caseloads.")


def require_caseload_view(actor: Any, policy: Policy, action: str, *, others: bool) -> None:
    """One's own caseload and one's own team's for anyone; `others` (a colleague's, another team's) only
    for caseload managers."""
    _staff(actor, action)
    if others and not may_manage(actor, policy):
        raise refuse(actor, action, "Alleen wie caseloads beheert ziet de cliënten van een ander of een ander team.",
                     "Only a role that manages caseloads sees another person's or team's cases.")
