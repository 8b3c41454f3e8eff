"""Reading caseloads: a subject's assignments, and a person's or team's caseload. Checked and audited.

A row says which subject (its id and external id, never anything from its records), for which purpose,
with whom, since when and how it came there (assigned, intake, hand-over), and when it ended.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models import Q, QuerySet

from waarborg.engine.accounts.models import User
from waarborg.engine.audit.log import Entry, append
from waarborg.engine.audit.refusals import refused
from waarborg.engine.caseloads.access import (
    caseload_purposes,
    require_caseload_view,
    require_subject_reader,
    sees_every_assignment,
)
from waarborg.engine.policy.active import active
from waarborg.engine.vault.authorisation import assigned
from waarborg.engine.vault.models import Assignment, Subject


def describe(a: Assignment) -> dict[str, Any]:
    return {"id": a.pk, "subject": a.subject_id, "external_id": a.subject.external_id, "purpose": a.purpose,
            "staff": a.user.get_username() if a.user else None, "team": a.team or None, "since": a.created_at,
            "via": a.via, "assigned_by": a.created_by, "ended_at": a.ended_at, "ended_by": a.ended_by or None}


def _rows(rows: QuerySet[Assignment], include_ended: bool) -> QuerySet[Assignment]:
    if not include_ended:
        rows = rows.filter(ended_at__isnull=True)
    return rows.select_related("subject", "user").order_by("created_at", "id")


def check_subject_reader(actor: Any) -> None:
    """Run before the subject is looked up, so that a stranger learns nothing from a 404."""
    require_subject_reader(actor, active().policy, "caseload.read")


def of_subject(actor: Any, subject: Subject, *, include_ended: bool = False) -> list[Assignment]:
    """The subject's assignments (with `include_ended`, its history): all of them for caseload managers, the
    privacy officer and the DPO; for staff who have the subject in their caseload, those of their purposes."""
    policy = active().policy
    require_subject_reader(actor, policy, "caseload.read")
    rows = Assignment.objects.filter(subject=subject)
    if not sees_every_assignment(actor, policy):
        mine = [p for p in caseload_purposes(actor, policy) if assigned(actor, subject, p)]
        if not mine:
            raise refused(actor, "caseload.read", "not_assigned", "Deze cliënt staat niet op uw naam of die van uw "
                          "team. (This subject is not assigned to you or your team.)", subject=subject)
        rows = rows.filter(purpose__in=mine)
    shown = list(_rows(rows, include_ended))
    with transaction.atomic():
        append(Entry(action="caseload.read", actor=actor, subject=subject,
                     detail={"count": len(shown), "history": include_ended}))
    return shown


def caseload(actor: Any, *, user: User | None = None, team: str = "", purpose: str = "",
             include_ended: bool = False, teams_of_user: bool = True, limit: int | None = None) -> list[Assignment]:
    """A caseload: `user`'s own assignments (and, with `teams_of_user`, their team's), or a `team`'s, or
    with neither every one; of one purpose if given. One's own and one's team's for anyone; others' and
    everyone's for caseload managers."""
    policy = active().policy
    everyone = user is None and not team
    others = everyone or (user is not None and user.pk != getattr(actor, "pk", None)) or bool(
        team and team != getattr(actor, "team", ""))
    require_caseload_view(actor, policy, "caseload.read", others=others)
    who = Q() if everyone else Q(pk__in=[])
    if user is not None:
        who |= Q(user=user)
        if teams_of_user and user.team:
            who |= Q(team=user.team)
    if team:
        who |= Q(team=team)
    rows = Assignment.objects.filter(who)
    if purpose:
        rows = rows.filter(purpose=purpose)
    shown = list(_rows(rows, include_ended)[:limit])
    with transaction.atomic():
        append(Entry(action="caseload.read", actor=actor, purpose=purpose,
                     detail={"count": len(shown), "history": include_ended,
                             **({"staff": user.get_username()} if user is not None else {}),
                             **({"team": team} if team else {})}))
    return shown
