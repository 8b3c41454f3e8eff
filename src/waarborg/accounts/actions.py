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


def staff_create(
    username: str, roles: list[str], *, team: str = "", email: str = "", service: bool = False,
    with_token: bool = False, by: object = None, confidentiality_signed: bool = True,
) -> tuple[User, str | None, str | None]:
    """Create a staff (or service) account; returns (user, one-time password, token key)."""
    try:
        policy = current()
    except NoActivePolicy as exc:
        raise StaffError(str(exc)) from None
    unknown = [r for r in roles if r not in policy.roles]
    if unknown:
        raise StaffError(f"unknown role(s) {', '.join(unknown)}; the active policy has: {', '.join(policy.roles)}")
    team = team.strip()
    if team and policy.teams and team not in policy.teams:  # no teams in the policy: the administrator names them
        raise StaffError(f"unknown team {team!r}; the active policy has: {', '.join(policy.teams)}")
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
