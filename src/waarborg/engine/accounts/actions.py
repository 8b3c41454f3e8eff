"""The only writers of accounts: create staff and service accounts, issue tokens, record the confidentiality
declaration (S4-08: no personal data until it is on file), and staff's second factor: enrol an authenticator
app with its recovery codes, check a code at login, reset a lost device (`accounts.twofactor` says who must)."""

from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from waarborg.core.errors import Conflict, Invalid
from waarborg.engine.accounts import twofactor
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


def sso_login(username: str, groups: list[str], *, second_factor: bool) -> tuple[User | None, str]:
    """A staff member the identity provider logged in (`accounts.sso` says what the claims mean): the existing,
    active staff account named `username`, its roles set to those the provider's `groups` map to, on record
    as `backoffice.login` with `method: sso`. Returns (the account, "") or (None, why): `unknown_account`
    (no such staff account here; never created), `inactive`, `no_roles` (no group maps to a role of the
    policy), `no_policy`; a refusal is on record too, without the name the provider sent."""
    from waarborg.engine.accounts import sso

    user = (User.objects.filter(username__iexact=username.strip(), kind=User.Kind.STAFF).first()
            if username.strip() else None)
    detail: dict[str, Any] = {"method": "sso", "user_id": user.pk if user else None}
    reason = ""
    roles: list[str] = []
    try:
        policy = current()
    except NoActivePolicy:
        reason = "no_policy"
    else:
        if user is None:
            reason = "unknown_account"
        elif not user.is_active:
            reason = "inactive"
        else:
            roles = sso.roles_from(groups, policy.roles, sso.role_map(str(settings.WAARBORG_OIDC_ROLES)))
            reason = "" if roles else "no_roles"
    with transaction.atomic():
        if reason or user is None:
            append(Entry(action="backoffice.login", outcome="refused", reason=f"sso_{reason}", detail=detail))
            return None, reason
        old = list(user.roles or [])
        if old != roles:
            user.roles = roles
            user.save(update_fields=["roles"])
            append(action="staff.roles", actor="system:sso", detail={"user_id": user.pk, "old": old, "new": roles})
        append(Entry(action="backoffice.login", actor=user,
                     detail={**detail, "second_factor": "provider" if second_factor else None}))
    return user, ""


def sso_refused(reason: str) -> None:
    """A single sign-on that failed before an account was in question (`state`: the answer belongs to no login
    this browser started; `provider_error`: the provider's answer did not hold up; `provider_said_no`;
    `provider_unavailable`; `locked_out`), on record like a failed password login."""
    with transaction.atomic():
        append(Entry(action="backoffice.login", outcome="refused", reason=f"sso_{reason}", detail={"method": "sso"}))


def token_used(key: str, *, stamp: bool = True) -> ApiToken | None:
    """The live token with this key, of an active account, stamped as used now (`stamp=False`: the caller
    stamps it later with `token_stamp`); None for any other key."""
    token = ApiToken.objects.select_related("user").filter(key_hash=hash_token(key), revoked_at=None).first()
    if token is None or not token.user.is_active:
        return None
    if stamp:
        token_stamp(token.pk)
    return token


def token_stamp(token_id: Any) -> None:
    """Note that the token was used now. Inside a transaction it commits with it: the API stamps inside an
    audited read's transaction, so that request makes one durable commit, not two (docs/benchmarks.md)."""
    ApiToken.objects.filter(pk=token_id).update(last_used_at=timezone.now())


def second_factor_enrol(user: User, key: str, code: str) -> tuple[Any, list[str]]:
    """Confirm a new authenticator app by one of its codes, and give the account ten one-time recovery codes.

    `key` is the secret the enrolment page showed (kept in the session until now); the code proves the app
    holds it. Returns the app's device and the recovery codes, to be shown once.
    An account that has a second factor already gets `Conflict`: a lost device is reset by an operator
    (`second_factor_reset`), never replaced by whoever holds the password."""
    from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
    from django_otp.plugins.otp_totp.models import TOTPDevice

    step = twofactor.code_step(key, twofactor.clean_code(code)) if twofactor.valid_secret(key) else None
    if step is None:
        raise Invalid({"code": [gettext("Deze code klopt niet. Typ de code die de app nu toont.")]})
    codes = twofactor.new_recovery_codes()
    with transaction.atomic():
        User.objects.select_for_update().filter(pk=user.pk).first()  # two enrolments at once: one wins
        if twofactor.enrolled(user):
            raise Conflict(gettext("U heeft al een tweede factor ingesteld."))
        # last_t: the code just typed is spent, so it cannot open a login a moment later
        device = TOTPDevice.objects.create(user=user, name="app", key=key, confirmed=True, step=twofactor.STEP,
                                           digits=twofactor.DIGITS, tolerance=twofactor.TOLERANCE, last_t=step)
        recovery = StaticDevice.objects.create(user=user, name="herstelcodes", confirmed=True)
        StaticToken.objects.bulk_create([StaticToken(device=recovery, token=c) for c in codes])
        append(action="staff.2fa.enrol", actor=user,
               detail={"user_id": user.pk, "device": "totp", "recovery_codes": len(codes)})
    return device, codes


@dataclass(frozen=True)
class Checked:
    """The outcome of a second-factor code: the device that accepted it, or why none did."""

    device: Any = None
    method: str = "app"  # "app" (six digits) or "recovery"
    reason: str = ""  # "wrong_code", "throttled" (the device waits after wrong codes), "locked_out"
    recovery_left: int | None = None


def second_factor_check(user: User, code: str, *, door: str = "backoffice", locked: bool = False) -> Checked:
    """Check a code typed after the password, and put the outcome on record.

    Six digits are tried against the account's app, anything else as a recovery code (which is then used up),
    so a recovery code never counts as a wrong app code. Each device waits longer after every wrong code
    (django-otp's throttle: 1, 2, 4... seconds); `locked` (the login lockout holds this account or address)
    refuses without looking at the code. On record: `staff.2fa.verify` (ok, or refused with the reason),
    `staff.2fa.recovery` when a recovery code was used, with how many are left; never the code."""
    from django_otp.plugins.otp_static.models import StaticDevice
    from django_otp.plugins.otp_totp.models import TOTPDevice

    cleaned = twofactor.clean_code(code)
    method = "app" if twofactor.is_app_code(cleaned) else "recovery"
    with transaction.atomic():
        if locked:
            outcome = Checked(method=method, reason="locked_out")
        else:
            model: Any = TOTPDevice if method == "app" else StaticDevice
            devices = list(model.objects.devices_for_user(user, confirmed=True).select_for_update())
            waiting = [d for d in devices if not d.verify_is_allowed()[0]]
            accepted = next((d for d in devices if d not in waiting and d.verify_token(cleaned)), None)
            if accepted is not None:
                left = accepted.token_set.count() if method == "recovery" else None
                outcome = Checked(device=accepted, method=method, recovery_left=left)
            else:
                outcome = Checked(method=method, reason="throttled" if devices and len(waiting) == len(devices)
                                  else "wrong_code")
        detail: dict[str, Any] = {"user_id": user.pk, "door": door, "method": method}
        if outcome.device is None:
            append(Entry(action="staff.2fa.verify", actor=user, outcome="refused", reason=outcome.reason,
                         detail=detail))
        elif method == "recovery":
            append(Entry(action="staff.2fa.recovery", actor=user, detail={**detail, "left": outcome.recovery_left}))
        else:
            append(Entry(action="staff.2fa.verify", actor=user, detail=detail))
    return outcome


def second_factor_passkey_add(user: User, register: Callable[[], Any]) -> tuple[Any, list[str]]:
    """Add a passkey (WebAuthn) as a second factor. `register` checks the browser's answer to the registration
    ceremony and stores the credential (django-otp-webauthn's helper); it runs here, in one transaction with the
    audit entry. An account without a second factor yet also gets ten recovery codes (returned, to be shown
    once), as with an app; the page lets only such an account, or one that entered its second factor, add one."""
    from django_otp.plugins.otp_static.models import StaticDevice, StaticToken

    with transaction.atomic():
        User.objects.select_for_update().filter(pk=user.pk).first()  # two enrolments at once: one wins
        first = not twofactor.enrolled(user)
        device = register()
        codes: list[str] = []
        if first:
            codes = twofactor.new_recovery_codes()
            recovery = StaticDevice.objects.create(user=user, name="herstelcodes", confirmed=True)
            StaticToken.objects.bulk_create([StaticToken(device=recovery, token=c) for c in codes])
        append(action="staff.2fa.enrol", actor=user,
               detail={"user_id": user.pk, "device": "passkey", "recovery_codes": len(codes)})
    return device, codes


def second_factor_passkey_check(user: User, verify: Callable[[], Any], *, door: str = "backoffice",
                                locked: bool = False) -> tuple[Checked, Exception | None]:
    """Check a passkey's answer to the login ceremony (`verify`: django-otp-webauthn's helper, which raises when
    the answer does not hold) and put the outcome on record as `staff.2fa.verify` with method `passkey`, like a
    code. Returns the outcome and, for a refusal, the library's error for the page's script."""
    error: Exception | None = None
    with transaction.atomic():
        if locked:
            outcome = Checked(method="passkey", reason="locked_out")
        else:
            try:
                with transaction.atomic():
                    device = verify()
                outcome = Checked(device=device, method="passkey")
            except Exception as exc:
                error, outcome = exc, Checked(method="passkey", reason="wrong_passkey")
        detail: dict[str, Any] = {"user_id": user.pk, "door": door, "method": "passkey"}
        append(Entry(action="staff.2fa.verify", actor=user, outcome="refused" if outcome.device is None else "ok",
                     reason=outcome.reason, detail=detail))
    return outcome, error


def second_factor_recovery_codes(user: User) -> list[str]:
    """Ten new recovery codes for an account that has a second factor; the old ones stop working. Audited."""
    from django_otp.plugins.otp_static.models import StaticDevice, StaticToken

    codes = twofactor.new_recovery_codes()
    with transaction.atomic():
        recovery = StaticDevice.objects.select_for_update().filter(user=user, confirmed=True).first()
        if recovery is None:
            raise Conflict(gettext("U heeft nog geen tweede factor ingesteld."))
        StaticToken.objects.filter(device=recovery).delete()
        StaticToken.objects.bulk_create([StaticToken(device=recovery, token=c) for c in codes])
        append(action="staff.2fa.recovery_codes", actor=user, detail={"user_id": user.pk, "recovery_codes": len(codes)})
    return codes


def second_factor_reset(username: str, *, by: object = None) -> tuple[User, int, list[str]]:
    """An operator removes a staff member's second factor (a lost or new phone): every device and recovery code,
    and every session of theirs ends, so whoever still sat in one cannot set up a device of their own. The next
    login with the password enrols afresh (where a second factor is required). Returns (account, devices
    removed, what they were in words). Audited, with the number of sessions ended."""
    user = User.objects.filter(username__iexact=username, kind=User.Kind.STAFF).first()
    if user is None:
        raise StaffError(f"no staff account named {username!r}; see `waarborg staff list`")
    with transaction.atomic():
        devices, kinds = 0, []
        for model in twofactor.device_models():
            mine = model.objects.filter(user=user)
            count = mine.count()
            if count:
                devices += count
                kinds.append(twofactor.DEVICE_WORDS[model.__name__])
            mine.delete()
        if not devices:
            raise StaffError(f"{user.username} has no second factor; nothing changed")
        sessions = _end_sessions(user)
        append(action="staff.2fa.reset", actor=by or "system:cli",
               detail={"user_id": user.pk, "devices": devices, "sessions": sessions})
    return user, devices, kinds


def _end_sessions(user: User) -> int:
    """Delete the live sessions of this account (sessions live in the database; a rare operator step reads
    them all, which is why nothing on a request's path does this)."""
    from django.contrib.sessions.models import Session

    mine = [session.pk for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator()
            if session.get_decoded().get("_auth_user_id") == str(user.pk)]
    Session.objects.filter(pk__in=mine).delete()
    return len(mine)
