"""Caseloads in the back office (S4-11).

"Mijn cliënten" shows a staff member with need-to-know work their own active assignments and their team's:
which subject (id and external id, nothing from its records), for which purpose, since when and how. For
roles that manage `caseloads`, "Toewijzingen" lists the active assignments and offers the three steps as
forms: assign a subject (by id or external id), end an assignment, and hand over every case of a leaving
colleague in one step. Every read and change goes through `caseloads.reads` and `caseloads.actions`, as
the API and the CLI do, so the page refuses what they refuse; problems come back as messages.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language, gettext
from django.views.decorators.http import require_GET, require_POST

from waarborg.audiences.backoffice.views import staff_page
from waarborg.core.errors import DomainError, Invalid
from waarborg.engine.accounts.models import User
from waarborg.engine.audit.refusals import refused
from waarborg.engine.caseloads import actions, reads
from waarborg.engine.caseloads.access import caseload_purposes, require_caseload_view, require_manager
from waarborg.engine.policy.active import current
from waarborg.engine.policy.schema import Action, Policy
from waarborg.engine.vault.models import Assignment

SHOWN = 500  # rows on the managers' page; filters narrow it down


def _has_caseload(user: Any, action: str, kwargs: dict[str, Any]) -> None:
    policy = current()
    require_caseload_view(user, policy, action, others=False)
    if not caseload_purposes(user, policy) and not policy.manages(user, "caseloads"):
        raise refused(user, action, "role_not_granted", "Uw rol werkt niet met cliënten op naam (need-to-know). "
                                                         "(Your roles have no need-to-know cases.)")


def _manages(user: Any, action: str, kwargs: dict[str, Any]) -> None:
    require_manager(user, current(), action)


caseload_only = staff_page(_has_caseload)  # staff with need-to-know work, and caseload managers
manager_only = staff_page(_manages)  # roles that manage caseloads


def _purposes(policy: Policy) -> list[dict[str, str]]:
    return [{"id": p, "label": policy.purposes[p].label.get(get_language())}
            for p in policy.purposes if p in policy.need_to_know_purposes()]


def _rows(rows: list[Assignment], policy: Policy) -> list[dict[str, Any]]:
    labels = {p["id"]: p["label"] for p in _purposes(policy)}
    return [{**reads.describe(a), "purpose_label": labels.get(a.purpose, a.purpose)} for a in rows]


@require_GET
@caseload_only
def caseload(request: HttpRequest) -> HttpResponse:
    policy = current()
    user: Any = request.user
    rows = reads.caseload(user, user=user)
    team = policy.teams.get(user.team)
    return render(request, "backoffice/caseload.html", {
        "items": _rows(rows, policy), "team": user.team, "team_label": team.label.get(get_language()) if team else user.team,
        "manages": policy.manages(user, "caseloads")})


def _staff_choices(policy: Policy) -> list[User]:
    """Active staff whose roles grant something on a need-to-know purpose: who can take a case."""
    purposes = policy.need_to_know_purposes()
    return [u for u in User.objects.filter(kind=User.Kind.STAFF, is_active=True).order_by("username")
            if any(policy.grants_any(u, Action, p) for p in purposes)]


def _teams(policy: Policy) -> list[dict[str, str]]:
    carried = set(User.objects.filter(kind=User.Kind.STAFF, is_active=True).exclude(team="")
                  .values_list("team", flat=True))
    return ([{"id": t, "label": spec.label.get(get_language())} for t, spec in policy.teams.items()]
            + [{"id": t, "label": t} for t in sorted(carried - set(policy.teams))])


@require_GET
@manager_only
def assignments(request: HttpRequest) -> HttpResponse:
    """Active assignments (filtered by `?medewerker=`, `?team=`, `?doel=`) and the forms to change them."""
    policy = current()
    name, team, purpose = (request.GET.get(k, "").strip() for k in ("medewerker", "team", "doel"))
    user = actions.find_staff(name) if name else None
    rows: list[Assignment] = []
    if name and user is None:
        messages.error(request, gettext("Onbekende medewerker."))
    else:
        rows = reads.caseload(request.user, user=user, team=team, purpose=purpose, teams_of_user=False, limit=SHOWN)
    leavers = User.objects.filter(assignments__ended_at__isnull=True).distinct().order_by("username")
    return render(request, "backoffice/assignments.html", {
        "items": _rows(rows, policy), "more": len(rows) >= SHOWN, "purposes": _purposes(policy),
        "staff": _staff_choices(policy), "teams": _teams(policy), "leavers": leavers,
        "filters": {"medewerker": name, "team": team, "doel": purpose}})


def _change(request: HttpRequest, step: Callable[[], str]) -> HttpResponse:
    try:
        done = step()
    except actions.AlreadyAssigned as exc:
        messages.error(request, gettext("%(problem)s (toewijzing %(number)s)") % {"problem": exc.detail,
                                                                                    "number": exc.existing.pk})
    except Invalid as exc:
        messages.error(request, "; ".join(f"{field}: {' '.join(msgs)}" for field, msgs in exc.errors.items()))
    except DomainError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, done)
    return redirect("backoffice:assignments")


def _staff(username: str, field: str) -> User | None:
    if not username.strip():
        return None
    user = actions.find_staff(username)
    if user is None:
        raise Invalid({field: [gettext("Onbekende medewerker.")]})
    return user


@require_POST
@manager_only
def assign(request: HttpRequest) -> HttpResponse:
    def step() -> str:
        ref = request.POST.get("subject", "")
        subject = actions.find_subject(ref)
        if subject is None:
            raise Invalid({"subject": [gettext("Geen cliënt met dit nummer of extern nummer.")]})
        user = _staff(request.POST.get("staff", ""), "staff")
        made = actions.assign(request.user, subject, request.POST.get("purpose", ""), user=user,
                              team=request.POST.get("team", "").strip())
        whom = user.get_username() if user else gettext("team %(team)s") % {"team": made.team}
        return gettext("Toegewezen aan %(whom)s: %(client)s (%(purpose)s).") % {
            "whom": whom, "client": subject.external_id or subject.pk, "purpose": made.purpose}

    return _change(request, step)


@require_POST
@manager_only
def unassign(request: HttpRequest, pk: int) -> HttpResponse:
    assignment = get_object_or_404(Assignment, pk=pk)

    def step() -> str:
        actions.unassign(request.user, assignment)
        return gettext("Toewijzing %(number)s beëindigd.") % {"number": assignment.pk}

    return _change(request, step)


@require_POST
@manager_only
def handover(request: HttpRequest) -> HttpResponse:
    def step() -> str:
        leaver = _staff(request.POST.get("from", ""), "from")
        if leaver is None:
            raise Invalid({"from": [gettext("Kies de collega die vertrekt.")]})
        to, team = request.POST.get("to", "").strip(), request.POST.get("team", "").strip()
        if to and team:
            raise Invalid({"to": [gettext("Kies een collega of een team, niet allebei.")]})
        moved = actions.handover(request.user, leaver, user=_staff(to, "to"), team=team,
                                 purpose=request.POST.get("purpose", "").strip())
        return gettext("%(count)s cliënt(en) van %(leaver)s overgedragen aan %(to)s.") % {
            "count": len(moved), "leaver": leaver.get_username(),
            "to": to or gettext("team %(team)s") % {"team": team}}

    return _change(request, step)
