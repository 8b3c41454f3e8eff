"""Looking after staff accounts once they exist: list (with who set up a second factor), deactivate, new
password, new token, roles.

Why it exists: people leave, forget passwords, lose tokens and change jobs. Each of these is one action,
audited in the same transaction (the audit entry names the account by id and the roles, never a password
or token). Deactivating ends every way in at once: the account cannot log in and all its tokens are
revoked; its cases stay assigned until a caseload manager hands them over (`assignments/handover`).
A new token revokes the old ones, so a lost token stops working the moment a new one is made.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone

from waarborg.engine.accounts.actions import StaffError
from waarborg.engine.accounts.models import ApiToken, User
from waarborg.engine.audit.log import append
from waarborg.engine.policy.active import NoActivePolicy, current
from waarborg.engine.policy.schema import Policy

ACTOR = "system:cli"


def _policy() -> Policy:
    try:
        return current()
    except NoActivePolicy as exc:
        raise StaffError(str(exc)) from None


def check_roles(policy: Policy, roles: list[str]) -> list[str]:
    unknown = [r for r in roles if r not in policy.roles]
    if unknown or not roles:
        raise StaffError(f"unknown role(s) {', '.join(unknown) or '-'}; the active policy has: "
                         f"{', '.join(policy.roles)}")
    return list(dict.fromkeys(roles))


def staff_account(username: str) -> User:
    user = User.objects.filter(username__iexact=username, kind__in=(User.Kind.STAFF, User.Kind.SERVICE)).first()
    if user is None:
        raise StaffError(f"no staff or service account named {username!r}; see `waarborg staff list`")
    return user


@dataclass(frozen=True)
class Row:
    username: str
    kind: str
    roles: tuple[str, ...]
    team: str
    active: bool
    tokens: int
    last_login: Any
    second_factor: str = ""  # "app", "passkey", "app+passkey", or "" (none set up; engine.accounts.twofactor)


def staff_list() -> list[Row]:
    """Every staff and service account (citizens' portal accounts are not staff), with its live token count."""
    from django.db.models import Count, Exists, OuterRef, Q
    from django_otp.plugins.otp_totp.models import TOTPDevice
    from django_otp_webauthn.models import WebAuthnCredential

    app = TOTPDevice.objects.filter(user=OuterRef("pk"), confirmed=True)
    passkey = WebAuthnCredential.objects.filter(user=OuterRef("pk"), confirmed=True)
    users = (User.objects.filter(kind__in=(User.Kind.STAFF, User.Kind.SERVICE))
             .annotate(live=Count("tokens", filter=Q(tokens__revoked_at__isnull=True)),
                       app=Exists(app), passkey=Exists(passkey))
             .order_by("username"))
    return [Row(u.username, u.kind, tuple(u.roles or ()), u.team, u.is_active, u.live, u.last_login,
                "+".join(kind for kind, has in (("app", u.app), ("passkey", u.passkey)) if has))
            for u in users]


def _revoke(user: User) -> int:
    return ApiToken.objects.filter(user=user, revoked_at__isnull=True).update(revoked_at=timezone.now())


def staff_deactivate(username: str, *, by: Any = ACTOR) -> tuple[User, int]:
    """No more logins, every token revoked: (the account, tokens revoked)."""
    user = staff_account(username)
    if not user.is_active:
        raise StaffError(f"{user.username} is already deactivated")
    with transaction.atomic():
        user.is_active = False
        user.save(update_fields=["is_active"])
        revoked = _revoke(user)
        append(action="staff.deactivate", actor=by, detail={"user_id": user.pk, "tokens_revoked": revoked})
    return user, revoked


def staff_password(username: str, *, by: Any = ACTOR) -> tuple[User, str]:
    """A new one-time password (shown once; only its argon2 hash is kept)."""
    user = staff_account(username)
    if user.kind == User.Kind.SERVICE:
        raise StaffError(f"{user.username} is a service account: it signs in with a token, not a password")
    if not user.is_active:
        raise StaffError(f"{user.username} is deactivated")
    password = secrets.token_urlsafe(15)
    with transaction.atomic():
        user.set_password(password)
        user.save(update_fields=["password"])
        append(action="staff.password", actor=by, detail={"user_id": user.pk})
    return user, password


def staff_token(username: str, *, by: Any = ACTOR) -> tuple[User, str, int]:
    """A new API token; every older one is revoked: (the account, the key shown once, tokens revoked)."""
    user = staff_account(username)
    if not user.is_active:
        raise StaffError(f"{user.username} is deactivated")
    with transaction.atomic():
        revoked = _revoke(user)
        _, key = ApiToken.issue(user, name="cli")
        append(action="staff.token", actor=by, detail={"user_id": user.pk, "tokens_revoked": revoked})
    return user, key, revoked


def staff_set_roles(username: str, roles: list[str], *, by: Any = ACTOR) -> tuple[User, list[str]]:
    """Replace the account's roles with roles of the active policy: (the account, its old roles)."""
    policy = _policy()
    roles = check_roles(policy, roles)
    user = staff_account(username)
    old = list(user.roles or [])
    with transaction.atomic():
        user.roles = roles
        user.save(update_fields=["roles"])
        append(action="staff.roles", actor=by, detail={"user_id": user.pk, "old": old, "new": roles})
    return user, old
