"""The only writers of accounts: create staff and service accounts, issue tokens."""

from __future__ import annotations

import secrets

from django.db import transaction
from django.utils import timezone

from waarborg.accounts.models import ApiToken, User
from waarborg.audit.log import append
from waarborg.policy.active import NoActivePolicy, current


class StaffError(Exception):
    pass


def known_teams(policy: object) -> list[str]:
    """The teams of the policy, then those administrators made (carried by an active staff account)."""
    declared = list(getattr(policy, "teams", {}) or {})
    carried = (User.objects.filter(is_active=True).exclude(team="").exclude(team__in=declared)
               .values_list("team", flat=True).distinct().order_by("team"))
    return declared + list(carried)


def staff_create(
    username: str, roles: list[str], *, team: str = "", email: str = "", service: bool = False,
    with_token: bool = False, by: object = None, confidentiality_signed: bool = True, known_team_only: bool = False,
) -> tuple[User, str | None, str | None]:
    """Create a staff (or service) account; returns (user, one-time password, token key).

    `known_team_only` (the CLI's default): the team must be one the policy declares or an active account
    carries already, so a typo never starts a team of one; an administrator starts a new team on purpose."""
    try:
        policy = current()
    except NoActivePolicy as exc:
        raise StaffError(str(exc)) from None
    unknown = [r for r in roles if r not in policy.roles]
    if unknown:
        raise StaffError(f"unknown role(s) {', '.join(unknown)}; the active policy has: {', '.join(policy.roles)}")
    team = team.strip()
    if team and known_team_only and team not in known_teams(policy):
        raise StaffError(f"unknown team {team!r}; known teams: {', '.join(known_teams(policy)) or '-'} "
                         "(to start a new team on purpose: --new-team)")
    if User.objects.filter(username__iexact=username).exists():
        raise StaffError(f"an account named {username!r} already exists")
    password = None if service else secrets.token_urlsafe(15)
    with transaction.atomic():
        user = User(username=username, email=email, roles=list(dict.fromkeys(roles)), team=team,
                    kind=User.Kind.SERVICE if service else User.Kind.STAFF, is_staff=not service,
                    confidentiality_signed_at=timezone.now() if confidentiality_signed else None)
        if password:
            user.set_password(password)
        else:
            user.set_unusable_password()
        user.save()
        key = None
        if with_token or service:
            _, key = ApiToken.issue(user, name="cli")
        append(action="staff.create", actor=by or "system:cli",
               detail={"user_id": user.pk, "roles": user.roles, "kind": user.kind, "token": bool(key)})
    return user, password, key
