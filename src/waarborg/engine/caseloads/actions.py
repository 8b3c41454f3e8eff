"""The only writers of assignments: assign, end, hand over, and the intake's own assignment.

Each checks who acts (`caseloads.access`), validates, writes and appends the audit entry in one
transaction. Audit entries name the subject (pseudonymised by the log), the purpose and to whom (a
staff user id and username, or a team); never anything about the person in the case.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.utils import timezone

from waarborg.core.errors import Conflict, Invalid
from waarborg.engine.accounts.models import User
from waarborg.engine.audit.log import Entry, append, append_many
from waarborg.engine.caseloads.access import require_manager
from waarborg.engine.policy.active import active
from waarborg.engine.policy.schema import Action, Policy
from waarborg.engine.vault.authorisation import needs_assignment
from waarborg.engine.vault.models import Assignment, Subject


class AlreadyAssigned(Conflict):
    """409: this subject is already in that caseload for that purpose; `existing` is the active assignment."""

    def __init__(self, existing: Assignment) -> None:
        self.existing = existing
        super().__init__("Deze cliënt is al toegewezen voor dit doel. (Already assigned for this purpose.)")


def actor_name(actor: Any) -> str:
    return actor if isinstance(actor, str) else actor.get_username()


def find_subject(ref: str) -> Subject | None:
    """A subject by its id, or else by its external id (the number in the organisation's own system), or else
    by the short reference the back office shows (the id's first 8 digits) when exactly one id begins so."""
    ref = ref.strip()
    try:
        found = Subject.objects.filter(pk=uuid.UUID(ref)).first()
    except ValueError:
        found = None
    found = found or (Subject.objects.filter(external_id=ref).first() if ref else None)
    if found is None and len(ref) == 8 and all(c in "0123456789abcdef" for c in ref.lower()):
        low, high = uuid.UUID(ref.lower() + "0" * 24), uuid.UUID(ref.lower() + "f" * 24)
        candidates = list(Subject.objects.filter(pk__gte=low, pk__lte=high)[:2])
        found = candidates[0] if len(candidates) == 1 else None
    return found


def find_staff(username: str) -> User | None:
    return User.objects.filter(username__iexact=username.strip()).first() if username.strip() else None


def _check_purpose(policy: Policy, purpose: str, field: str = "purpose") -> None:
    if purpose not in policy.need_to_know_purposes():
        choices = ", ".join(sorted(policy.need_to_know_purposes())) or "-"
        raise Invalid({field: [f"Geen doel met need-to-know; kies uit {choices}. "
                               f"(Not a need-to-know purpose; choose from {choices}.)"]})


def _check_target(policy: Policy, purposes: Iterable[str], user: User | None, team: str, field: str) -> None:
    """A staff member who may work on every purpose (an active staff account whose roles grant something
    on it), or a team the policy declares or an active staff account carries."""
    if (user is None) == (not team):
        raise Invalid({field: ["Noem een medewerker of een team. (Name a staff member or a team.)"]})
    if user is not None:
        if not (user.is_active and user.kind == User.Kind.STAFF):
            raise Invalid({field: ["Geen actief account van een medewerker. (Not an active staff account.)"]})
        missing = sorted({p for p in purposes if not policy.grants_any(user, Action, p)})
        if missing:
            raise Invalid({field: [f"De rollen van deze medewerker geven geen recht op {', '.join(missing)}. "
                                   f"(This staff member's roles grant nothing on {', '.join(missing)}.)"]})
    elif team not in policy.teams and not User.objects.filter(team=team, is_active=True,
                                                             kind=User.Kind.STAFF).exists():
        teams = ", ".join(policy.teams) or "-"
        raise Invalid({"team": [f"Onbekend team; het beleid kent: {teams}. (Unknown team; the policy has: {teams}.)"]})


def _active(subject: Any, purpose: str, user: User | None, team: str) -> QuerySet[Assignment]:
    rows = Assignment.objects.filter(subject_id=getattr(subject, "pk", subject), purpose=purpose,
                                     ended_at__isnull=True)
    return rows.filter(user=user) if user is not None else rows.filter(user__isnull=True, team=team)


def _to(assignment: Assignment) -> dict[str, Any]:
    """To whom, for the audit detail: a staff user id and username, or a team."""
    if assignment.user_id:
        return {"user_id": assignment.user_id, "staff": assignment.user.get_username() if assignment.user else ""}
    return {"team": assignment.team}


def _create(actor: Any, subject: Any, purpose: str, user: User | None, team: str, via: str) -> Assignment:
    """Insert an active assignment (inside the caller's transaction); a twin, even a concurrent one, is 409."""
    existing = _active(subject, purpose, user, team).first()
    if existing is not None:
        raise AlreadyAssigned(existing)
    try:
        with transaction.atomic():  # a savepoint: the unique constraint catches a concurrent twin
            return Assignment.objects.create(subject_id=getattr(subject, "pk", subject), purpose=purpose,
                                             user=user, team=team if user is None else "", via=via,
                                             created_by=actor_name(actor), created_at=timezone.now())
    except IntegrityError:
        raise AlreadyAssigned(_active(subject, purpose, user, team).get()) from None


def assign(actor: Any, subject: Subject, purpose: str, *, user: User | None = None, team: str = "") -> Assignment:
    """Put `subject` in the caseload of `user` or `team` for the need-to-know `purpose`."""
    current = active()
    policy = current.policy
    require_manager(actor, policy, "subject.assign", purpose=purpose, subject=subject)
    _check_purpose(policy, purpose)
    _check_target(policy, [purpose], user, team, "staff")
    if subject.erased_at is not None:
        raise Conflict("Deze betrokkene is gewist. (This subject has been erased.)")
    with transaction.atomic():
        assignment = _create(actor, subject, purpose, user, team, Assignment.Via.ASSIGN)
        append(Entry(action="subject.assign", actor=actor, purpose=purpose, subject=subject,
                     policy_version=current.number, detail={"assignment": assignment.pk, **_to(assignment)}))
    return assignment


def unassign(actor: Any, assignment: Assignment) -> Assignment:
    """End an assignment: access ends at once, the row stays as history."""
    require_manager(actor, active().policy, "subject.unassign", purpose=assignment.purpose,
                    subject=assignment.subject_id)
    with transaction.atomic():
        # of=self: PostgreSQL locks no row on the nullable side of the outer join to the user
        locked = Assignment.objects.select_for_update(of=("self",)).select_related("user").get(pk=assignment.pk)
        if locked.ended_at is not None:
            raise Conflict("Deze toewijzing is al beëindigd. (This assignment has already ended.)")
        locked.ended_at, locked.ended_by = timezone.now(), actor_name(actor)
        locked.save(update_fields=["ended_at", "ended_by"])
        append(Entry(action="subject.unassign", actor=actor, purpose=locked.purpose, subject=locked.subject_id,
                     detail={"assignment": locked.pk, **_to(locked)}))
    return locked


def handover(actor: Any, leaver: User, *, user: User | None = None, team: str = "",
             purpose: str = "") -> list[Assignment]:
    """Move every active assignment of `leaver` (of one purpose, if given) to `user` or `team`, in one
    transaction: the leaver's end and lose access at once, the new ones start. Where the receiver already
    has the case, only the leaver's ends. Assignments to the leaver's team stay with the team."""
    current = active()
    policy = current.policy
    require_manager(actor, policy, "caseload.handover", purpose=purpose)
    if purpose:
        _check_purpose(policy, purpose)
    if user is not None and user.pk == leaver.pk:
        raise Invalid({"to": ["Draag over aan iemand anders. (Hand over to someone else.)"]})
    now = timezone.now()
    with transaction.atomic():
        rows = Assignment.objects.select_for_update().filter(user=leaver, ended_at__isnull=True)
        moving = list((rows.filter(purpose=purpose) if purpose else rows).order_by("created_at", "id"))
        _check_target(policy, {a.purpose for a in moving}, user, team, "to")
        received: list[Assignment] = []
        entries = []
        for old in moving:
            old.ended_at, old.ended_by = now, actor_name(actor)
            old.save(update_fields=["ended_at", "ended_by"])
            new = _active(old.subject_id, old.purpose, user, team).first() or _create(
                actor, old.subject_id, old.purpose, user, team, Assignment.Via.HANDOVER)
            received.append(new)
            entries.append(Entry(action="subject.handover", actor=actor, purpose=old.purpose, subject=old.subject_id,
                                 policy_version=current.number,
                                 detail={"ended": old.pk, "from": leaver.get_username(), "assignment": new.pk,
                                         **_to(new)}))
        entries.append(Entry(action="caseload.handover", actor=actor, purpose=purpose, policy_version=current.number,
                             detail={"from": leaver.get_username(), "count": len(moving),
                                     **({"to": user.get_username()} if user is not None else {"team": team})}))
        append_many(entries)
    return received


def intake(actor: Any, subject: Subject, purpose: str, policy: Policy, version: int) -> list[Assignment]:
    """Whoever registers a new subject on need-to-know work gets the case at once: for the purpose named
    (X-Purpose), or without one for every need-to-know purpose their roles write. Not on purposes with
    `intake_assigns: false` (there a caseload manager assigns), and never for the platform's own jobs.
    Called by `vault.actions.subject_create` inside its transaction."""
    if isinstance(actor, str) or getattr(actor, "pk", None) is None:
        return []
    candidates = [purpose] if purpose else list(policy.purposes)
    made = []
    for p in candidates:
        spec = policy.purposes.get(p)
        if (spec is None or not spec.intake_assigns or not policy.grants(actor, "write", p)
                or not needs_assignment(policy, actor, "write", p)):
            continue
        assignment = _create(actor, subject, p, actor, "", Assignment.Via.INTAKE)
        append(Entry(action="subject.assign", actor=actor, purpose=p, subject=subject, policy_version=version,
                     detail={"assignment": assignment.pk, "via": "intake", **_to(assignment)}))
        made.append(assignment)
    return made


def end_for_subject(actor: Any, subject: Subject, why: str) -> int:
    """End every active assignment of an erased subject: nobody keeps a case whose data is gone or kept only on
    a legal ground. Called inside the erasure's transaction (by whoever carries it out, who need not manage
    caseloads: the erasure decides this). One audit entry per ended assignment. Returns how many ended."""
    now = timezone.now()
    rows = list(Assignment.objects.select_for_update(of=("self",)).select_related("user")
                .filter(subject=subject, ended_at__isnull=True).order_by("id"))
    for row in rows:
        row.ended_at, row.ended_by = now, actor_name(actor)
    Assignment.objects.bulk_update(rows, ["ended_at", "ended_by"])
    append_many([Entry(action="subject.unassign", actor=actor, purpose=row.purpose, subject=row.subject_id,
                       detail={"assignment": row.pk, "why": why, **_to(row)}) for row in rows])
    return len(rows)
