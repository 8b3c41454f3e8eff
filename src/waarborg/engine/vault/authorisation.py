"""The vault's gates: who may do what with personal data, under which purpose.

Registered in `VaultConfig.ready` and run by `access.check` before anything is read or written:

1. `staff_only`: only authenticated staff and service accounts (S4-07); jobs of the platform itself
   act as `"system:..."` strings and skip the person-bound gates below.
2. `confidentiality`: no personal data before a confidentiality declaration is on file (S4-08).
3. `registered_purpose`: the named purpose exists in the active policy and has a legal basis
   (S3-05, S4-06).
4. `role_grants`: one of the actor's roles grants the action on that purpose (S0-07, S0-22);
   a service account never makes a decision about a person (AVG art. 22).
5. `same_purpose`: a record is used only for the purpose it was collected for (S0-05, S3-01), or read by a
   purpose the policy declares as its further processing (art. 6(4) AVG, `further_processing`).
5a. `subject_group`: a record is written only under a purpose of the subject's group (`subject_groups`).
6. `need_to_know`: on need-to-know purposes (the purpose's flag, or the roles' `need_to_know` for that
   purpose), only subjects assigned to the person or their team (S4-11).
"""

from __future__ import annotations

from typing import Any

from waarborg.core.actors import Actor, is_system
from waarborg.engine.policy.schema import Policy
from waarborg.engine.vault.gates import AccessContext, Refusal, register
from waarborg.engine.vault.models import Assignment

# Privacy officers and the DPO execute access requests (art. 15 AVG): exporting a subject's data
# for that is their task even on need-to-know purposes.
_OFFICER_ACTIONS = {"export"}


def needs_assignment(policy: Policy, actor: Actor, action: str, purpose: str) -> bool:
    roles = policy.granting_roles(actor, action, purpose)
    if action in _OFFICER_ACTIONS and any(r.oversees for r in roles):
        return False
    return policy.purposes[purpose].need_to_know or (bool(roles) and all(r.needs_case(purpose) for r in roles))


def mine(actor: Any) -> Any:
    """Active assignments to the actor or the team their account carries; ended ones open nothing."""
    from django.db.models import Q

    who = Q(user_id=actor.pk)
    if getattr(actor, "team", ""):
        who |= Q(team=actor.team)
    return Assignment.objects.filter(who, ended_at__isnull=True)


def assigned(actor: Any, subject: Any, purpose: str) -> bool:
    if getattr(actor, "pk", None) is None:
        return False
    return mine(actor).filter(subject_id=getattr(subject, "pk", subject), purpose=purpose).exists()


def assigned_subjects(actor: Any, purpose: str) -> Any:
    """Subject ids assigned to the actor or their team for `purpose` (a queryset of ids)."""
    return mine(actor).filter(purpose=purpose).values("subject_id")


def staff_only(ctx: AccessContext) -> Refusal | None:
    actor = ctx.actor
    if is_system(actor):
        return None
    if actor is None or not getattr(actor, "is_authenticated", False) or not getattr(actor, "is_active", False):
        return Refusal("not_authenticated", "Log eerst in. (Authentication is required.)")
    if getattr(actor, "kind", "") not in ("staff", "service"):
        return Refusal("staff_only", "Alleen medewerkers en koppelingen hebben toegang. (Staff and services only.)")
    return None


def confidentiality(ctx: AccessContext) -> Refusal | None:
    if is_system(ctx.actor) or getattr(ctx.actor, "confidentiality_signed_at", None) is not None:
        return None
    return Refusal("confidentiality_not_signed",
                   "Er is nog geen ondertekende geheimhoudingsverklaring vastgelegd. "
                   "(No signed confidentiality declaration is on file.)")


def registered_purpose(ctx: AccessContext) -> Refusal | None:
    purpose = ctx.policy.purposes.get(ctx.purpose)
    if purpose is None:
        return Refusal("unknown_purpose", f"Het doel '{ctx.purpose}' staat niet in het actieve privacybeleid. "
                                          f"(Purpose '{ctx.purpose}' is not in the active policy.)")
    if not purpose.basis:
        return Refusal("no_legal_basis", f"Het doel '{ctx.purpose}' heeft geen grondslag. "
                                         f"(Purpose '{ctx.purpose}' has no legal basis.)")
    return None


def role_grants(ctx: AccessContext) -> Refusal | None:
    if is_system(ctx.actor):
        return None
    if ctx.action == "decide" and getattr(ctx.actor, "kind", "") == "service":
        return Refusal("role_not_granted", "Een koppeling neemt nooit een besluit over een persoon; dat doet een "
                                           "medewerker. (A service never makes a decision about a person.)")
    if not ctx.policy.grants(ctx.actor, ctx.action, ctx.purpose):
        return Refusal("role_not_granted", f"Je rol geeft geen recht op '{ctx.action}' voor doel '{ctx.purpose}'. "
                                           f"(Your roles do not grant {ctx.action} on purpose {ctx.purpose}.)")
    return None


def same_purpose(ctx: AccessContext) -> Refusal | None:
    record_purpose = getattr(ctx.record, "purpose", None)
    if record_purpose is not None and record_purpose != ctx.purpose and not (
            ctx.action == "read" and ctx.policy.further_grant(ctx.purpose, record_purpose) is not None):
        return Refusal("purpose_mismatch", f"Deze gegevens zijn verzameld voor doel '{record_purpose}', niet voor "
                                           f"'{ctx.purpose}'. (Collected for another purpose.)")
    if ctx.record_type:
        record_type = ctx.policy.record_types.get(ctx.record_type)
        if record_type is None or record_type.purpose != ctx.purpose:
            return Refusal("purpose_mismatch", f"Soort gegevens '{ctx.record_type}' hoort niet bij doel "
                                               f"'{ctx.purpose}'. (Record type belongs to another purpose.)")
    return None


def group_refusal(policy: Policy, group: str, purpose: str) -> Refusal | None:
    """Does the subject's group (`group`; "" before groups: the default group) have `purpose`? A policy
    without groups lets every subject have every purpose."""
    if not policy.subject_groups:
        return None
    group = group or policy.default_group
    spec = policy.subject_groups.get(group)
    if spec is None:
        return Refusal("unknown_group", f"De groep '{group}' staat niet in het actieve privacybeleid. "
                                        f"(Group '{group}' is not in the active policy.)")
    if purpose not in spec.purposes:
        known = policy.purposes.get(purpose)
        doel = known.label.get("nl") if known else purpose
        aim = known.label.get("en") if known else purpose
        return Refusal("group_purpose_mismatch", f"Het doel ‘{doel}’ hoort niet bij de groep ‘{spec.label.get('nl')}’. "
                                                 f"(The purpose ‘{aim}’ is not one of the group ‘{spec.label.get('en')}’.)")
    return None


def subject_group(ctx: AccessContext) -> Refusal | None:
    if ctx.action != "write" or ctx.subject is None or not ctx.record_type:
        return None
    return group_refusal(ctx.policy, getattr(ctx.subject, "group", ""), ctx.purpose)


def need_to_know(ctx: AccessContext) -> Refusal | None:
    if is_system(ctx.actor) or ctx.subject is None:
        return None
    if not needs_assignment(ctx.policy, ctx.actor, ctx.action, ctx.purpose):
        return None
    if assigned(ctx.actor, ctx.subject, ctx.purpose):
        return None
    return Refusal("not_assigned", "Deze persoon is niet aan u of uw team toegewezen. "
                                   "(This subject is not assigned to you or your team.)")


def register_all() -> None:
    for order, gate in ((10, staff_only), (20, confidentiality), (30, registered_purpose), (40, role_grants),
                        (50, same_purpose), (55, subject_group), (60, need_to_know)):
        register(gate, order)
