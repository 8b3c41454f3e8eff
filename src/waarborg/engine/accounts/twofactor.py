"""Staff's second factor: who must enter one, the secret an authenticator app is given, and what a code is.

Why: staff hold special-category data of thousands of people, and a password alone is one phishing mail or
one reused password away. After the password, a staff member enters a six-digit code from an authenticator
app (TOTP, RFC 6238, kept in django-otp's `TOTPDevice`), or confirms with a passkey (WebAuthn: a security key,
the laptop's fingerprint reader or the phone; django-otp-webauthn's `WebAuthnCredential`), or uses one of ten
one-time recovery codes (django-otp's `StaticDevice`), at the back office and at the Django admin alike.

Who must: every staff account (not citizens; not service accounts, which use API tokens that only an
operator issues) when `WAARBORG_STAFF_2FA` is `required` or the active policy says `staff: {two_factor:
required}`. Every staff account, whatever its roles: nearly every back-office page shows personal data, and
roles change without a new login. With `optional`, those who enrolled enter a code and the others may
enrol; with `off`, nobody is asked (unless the policy requires it: the environment cannot undo a promise of
the policy).

This module reads and computes only. Enrolling, checking a code (which uses up a recovery code and moves a
device's throttle) and resetting are actions in `accounts.actions`, each audited there.
"""

from __future__ import annotations

import base64
import binascii
import re
from typing import Any
from urllib.parse import quote, urlencode

from django.conf import settings
from django_otp.oath import TOTP
from django_otp.util import random_hex

from waarborg.engine.policy.active import NoActivePolicy, current

RECOVERY_CODES = 10
DIGITS = 6
STEP = 30  # seconds: what every authenticator app assumes
TOLERANCE = 1  # one step either side: a phone's clock a little off, a code typed just as it changed


def mode() -> str:
    """`required`, `optional` or `off`: the setting, made `required` by a policy that says so."""
    setting = str(settings.WAARBORG_STAFF_2FA)
    try:
        if current().staff.two_factor == "required":
            return "required"
    except NoActivePolicy:
        pass
    return setting


def applies_to(user: Any) -> bool:
    """Is this a logged-in staff member (the only accounts a second factor is asked of)?"""
    return bool(getattr(user, "is_authenticated", False)) and getattr(user, "kind", "") == "staff"


def enrolled(user: Any) -> bool:
    """Has this account a confirmed second factor? (The two device kinds we make, asked directly: django-otp's
    `user_has_device` walks every model of every app, on each request of a staff member not verified yet.)"""
    return any(model.objects.filter(user=user, confirmed=True).exists() for model in device_models())


def device_models() -> tuple[Any, ...]:
    """The kinds of second factor we make: an authenticator app, a passkey, recovery codes."""
    from django_otp.plugins.otp_static.models import StaticDevice
    from django_otp.plugins.otp_totp.models import TOTPDevice
    from django_otp_webauthn.models import WebAuthnCredential

    return TOTPDevice, WebAuthnCredential, StaticDevice


# What each kind of device is, for an operator's message ("removed: the app, a passkey, the recovery codes").
DEVICE_WORDS = {"TOTPDevice": "the app", "WebAuthnCredential": "passkey(s)", "StaticDevice": "the recovery codes"}


def has_app(user: Any) -> bool:
    """Can this account enter its second factor with an authenticator app's code?"""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    return bool(getattr(user, "pk", None)) and TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def has_passkey(user: Any) -> bool:
    """Can this account enter its second factor with a passkey?"""
    from django_otp_webauthn.models import WebAuthnCredential

    return bool(getattr(user, "pk", None)) and WebAuthnCredential.objects.filter(user=user, confirmed=True).exists()


def needed(user: Any, *, verified: bool) -> str:
    """What this session still needs before it opens a staff page: `enrol`, `verify`, or "" (nothing)."""
    if verified or not applies_to(user):
        return ""
    current_mode = mode()
    if current_mode == "off":
        return ""
    if enrolled(user):
        return "verify"
    return "enrol" if current_mode == "required" else ""


def new_secret() -> str:
    """A fresh TOTP secret (20 random bytes, hex, as django-otp stores it)."""
    return str(random_hex(20))


def valid_secret(key: str) -> bool:
    try:
        return len(binascii.unhexlify(key)) == 20
    except (binascii.Error, ValueError):
        return False


def secret_for_typing(key: str) -> str:
    """The secret as an app asks for it when typed in by hand: base32, in groups of four."""
    text = base64.b32encode(binascii.unhexlify(key)).decode()
    return " ".join(text[i:i + 4] for i in range(0, len(text), 4))


def issuer() -> str:
    """The name an authenticator app shows above the code: the organisation's, else the platform's."""
    try:
        name = current().organisation.name
    except NoActivePolicy:
        name = ""
    return (name or "Waarborg").replace(":", "")


def provisioning_uri(user: Any, key: str) -> str:
    """The `otpauth://totp/...` address an app reads from the QR code (Google's Key URI format)."""
    label = f"{issuer()}:{user.get_username()}"
    params = urlencode({"secret": base64.b32encode(binascii.unhexlify(key)).decode().rstrip("="),
                        "algorithm": "SHA1", "digits": DIGITS, "period": STEP})
    return f"otpauth://totp/{quote(label)}?{params}&issuer={quote(issuer())}"


def code_step(key: str, code: str, *, after: int = -1) -> int | None:
    """The time step at which `code` is this secret's code (now, or one step either side), else None."""
    if not is_app_code(code):
        return None
    totp = TOTP(binascii.unhexlify(key), STEP, 0, DIGITS, 0)
    if not totp.verify(int(code), TOLERANCE, after + 1):
        return None
    return int(totp.t())


def clean_code(text: str) -> str:
    """What was typed, without the spaces and dashes people type or copy along, in lower case."""
    return re.sub(r"[\s-]", "", text or "").lower()


def is_app_code(code: str) -> bool:
    """Six digits: an app's code. Anything else is tried as a recovery code."""
    return len(code) == DIGITS and code.isascii() and code.isdigit()


def new_recovery_codes() -> list[str]:
    """Ten random codes of eight letters and digits (40 bits each), as django-otp makes them."""
    from django_otp.plugins.otp_static.models import StaticToken

    return [str(StaticToken.random_token()) for _ in range(RECOVERY_CODES)]


def shown(code: str) -> str:
    """A recovery code as the page shows it: two groups of four (`k7qm-3xda`)."""
    return f"{code[:4]}-{code[4:]}" if len(code) == 8 else code
