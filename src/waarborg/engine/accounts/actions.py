"""The only writers of accounts: create staff and service accounts, issue tokens, record the confidentiality
declaration (S4-08: no personal data until it is on file)."""

from __future__ import annotations

import secrets
from datetime import datetime

from django.db import transaction
from django.utils import timezone

from waarborg.engine.accounts.models import ApiToken, User, hash_token
from waarborg.engine.audit.log import Entry, append
from waarborg.engine.policy.active import NoActivePolicy, current


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


def confidentiality_sign(username: str, *, signed_at: datetime | None = None, by: object = None) -> User:
    """Record that this staff member signed the confidentiality declaration; from then on the vault opens.

    `signed_at` is the date on the signed paper (not in the future); without it, now. Audited, never undone:
    a declaration that was signed stays signed (an account that must lose access is deactivated instead).
    """
    now = timezone.now()
    user = User.objects.filter(username__iexact=username, kind__in=(User.Kind.STAFF, User.Kind.SERVICE)).first()
    if user is None:
        raise StaffError(f"no staff account named {username!r}")
    if user.confidentiality_signed_at is not None:
        raise StaffError(f"the confidentiality declaration of {user.username} is on file since "
                         f"{timezone.localtime(user.confidentiality_signed_at):%Y-%m-%d}")
    signed_at = signed_at or now
    if signed_at > now:
        raise StaffError("a declaration cannot be signed in the future")
    with transaction.atomic():
        user.confidentiality_signed_at = signed_at
        user.save(update_fields=["confidentiality_signed_at"])
        append(action="staff.confidentiality_signed", actor=by or "system:cli",
               detail={"user_id": user.pk, "signed_at": signed_at.isoformat()})
    return user


def login_recorded(action: str, user: object, *, refused: str = "") -> None:
    """A password login at one of the doors (`portal.login`, `backoffice.login`, `admin.login`), on record: who
    logged in, or why an attempt failed (`wrong_credentials`, `locked_out`) without the name that was typed."""
    with transaction.atomic():
        if refused:
            append(Entry(action=action, outcome="refused", reason=refused))
        else:
            append(Entry(action=action, actor=user))


def token_used(key: str) -> ApiToken | None:
    """The live token with this key, of an active account, stamped as used now; None for any other key."""
    token = ApiToken.objects.select_related("user").filter(key_hash=hash_token(key), revoked_at=None).first()
    if token is None or not token.user.is_active:
        return None
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
    return token
