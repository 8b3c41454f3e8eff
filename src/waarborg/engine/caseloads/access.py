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

from waarborg.core.actors import Actor, is_system
from waarborg.engine.audit.refusals import refused
from waarborg.engine.policy.schema import Policy
from waarborg.engine.vault.authorisation import confidentiality, needs_assignment, staff_only
from waarborg.engine.vault.gates import AccessContext


def sees_every_assignment(actor: Actor, policy: Policy) -> bool:
    """Caseload managers (and the platform), the privacy officer and the DPO see every subject's assignments."""
    return policy.manages(actor, "caseloads") or policy.oversees(actor)


def caseload_purposes(actor: Actor, policy: Policy) -> list[str]:
    """The purposes on which the actor sees only the subjects in their caseload (their need-to-know work)."""
    return [p for p in policy.purposes if p in policy.need_to_know_purposes()
            and any(policy.grants(actor, action, p) and needs_assignment(policy, actor, action, p)
                    for action in ("read", "write"))]


def _staff(actor: Any, action: str, purpose: str = "", subject: Any = None) -> None:
    """Only signed-in staff with a confidentiality declaration (the vault's own first gates)."""
    if is_system(actor):
        return
    ctx = AccessContext(actor=actor, action=action, purpose=purpose, policy=None)
    refusal = staff_only(ctx) or confidentiality(ctx)
    if refusal is not None:
        raise refused(actor, action, refusal.reason, refusal.detail, purpose=purpose,
                      subject=getattr(subject, "pk", subject))


def require_manager(actor: Actor, policy: Policy, action: str, *, purpose: str = "", subject: Any = None) -> None:
    _staff(actor, action, purpose, subject)
    if not policy.manages(actor, "caseloads"):
        roles = ", ".join(policy.managers("caseloads")) or "-"
        raise refused(actor, action, "role_not_granted",
                      f"Alleen wie caseloads beheert ({roles}) wijst cliënten toe, beëindigt een toewijzing of draagt "
                      f"cliënten over. (Only a role that manages caseloads ({roles}) assigns, ends or hands over "
                      "cases.)",
                      purpose=purpose, subject=subject)


def require_subject_reader(actor: Actor, policy: Policy, action: str) -> None:
    """Before the subject is looked up: could this actor see any subject's assignments at all?"""
    _staff(actor, action)
    if not sees_every_assignment(actor, policy) and not caseload_purposes(actor, policy):
        raise refused(actor, action, "role_not_granted",
                      "Uw rol heeft geen cliënten met need-to-know en beheert geen caseloads. "
                      "(Your roles have no need-to-know cases and manage no caseloads.)")


def require_caseload_view(actor: Actor, policy: Policy, action: str, *, others: bool) -> None:
    """One's own caseload and one's own team's for anyone; `others` (a colleague's, another team's) only
    for caseload managers."""
    _staff(actor, action)
    if others and not policy.manages(actor, "caseloads"):
        raise refused(actor, action, "role_not_granted",
                      "Alleen wie caseloads beheert ziet de cliënten van een ander of een ander team. "
                      "(Only a role that manages caseloads sees another person's or team's cases.)")
