"""The second factor at the door: until a staff member who needs one has entered it, the session opens nothing
but the pages that ask for it (who needs one: `waarborg.engine.accounts.twofactor`).

`SecondFactorMiddleware` runs after django-otp's `OTPMiddleware` (which knows whether this session entered a
code, `request.user.is_verified()`). For a logged-in staff member who still needs a second factor:
- every back-office and admin page redirects to the code page, or to the enrolment page for an account that
  has none yet, with `?next=` the page that was asked for; only those two pages and logging out answer;
- every other path (the API's session login, the portal) sees an anonymous visitor, so half a login is no
  login anywhere. API tokens are not affected: they are for services, and only an operator issues them.
The page's templates read `request.second_factor` ("enrol", "verify" or "") to leave out the navigation.

Lockout: a wrong code counts like a wrong password, into axes' one table (`waarborg.audiences.web.lockout`),
with the same per-account and per-address limits. The account's code failures have their own key there: a
right password forgives the owner's password typos, and must not forgive wrong codes, or password-then-guess
would never lock. Entering the right code forgives this account's code failures from this address.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import quote

from axes.handlers.proxy import AxesProxyHandler
from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest, HttpResponseRedirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django_otp import login as otp_login

from waarborg.audiences.web.lockout import SECOND_FACTOR
from waarborg.audiences.web.sso import SECOND_FACTOR_BY_PROVIDER
from waarborg.engine.accounts.twofactor import needed

PAGES = {"verify": "backoffice:second_factor", "enrol": "backoffice:second_factor_enrol"}
FREE = ("backoffice:second_factor", "backoffice:second_factor_enrol", "backoffice:logout", "admin:logout",
        "backoffice:second_factor_passkey_codes",
        # the passkey ceremonies of those two pages (audiences.backoffice.views_passkeys)
        "otp_webauthn:credential-registration-begin", "otp_webauthn:credential-registration-complete",
        "otp_webauthn:credential-authentication-begin", "otp_webauthn:credential-authentication-complete",
        "otp_webauthn:js-i18n-catalog")


def _paths(names: tuple[str, ...]) -> set[str]:
    return {reverse(name) for name in names}


class SecondFactorMiddleware:
    def __init__(self, get_response: Callable[[Any], Any]) -> None:
        self.get_response = get_response

    def __call__(self, request: Any) -> Any:
        request.second_factor = ""
        user = getattr(request, "user", None)
        if user is not None and getattr(user, "is_authenticated", False):
            # entered here (django-otp), or at the identity provider where that counts (waarborg.engine.accounts.sso)
            verified = (bool(getattr(user, "is_verified", lambda: False)())
                        or bool(request.session.get(SECOND_FACTOR_BY_PROVIDER)))
            state = needed(user, verified=verified)
            if state:
                request.second_factor = state
                path = request.path
                if path in _paths(FREE):
                    pass
                elif path.startswith((reverse("backoffice:home"), reverse("admin:index"))):
                    return HttpResponseRedirect(f"{reverse(PAGES[state])}?next={quote(request.get_full_path())}")
                else:
                    request.user = AnonymousUser()
        return self.get_response(request)


def next_page(request: HttpRequest, default: str) -> str:
    """Where to go once the second factor is in: `?next=` when it is a page of this site, else `default`."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()},
                                                  require_https=request.is_secure()):
        return target
    return default


def door(target: str) -> str:
    """Which door the code was entered for, for the audit entry: the admin or the back office."""
    return "admin" if target.startswith(reverse("admin:index")) else "backoffice"


def _credentials(user: Any) -> dict[str, Any]:
    return {"username": user.get_username(), SECOND_FACTOR: True}


def locked(request: HttpRequest, user: Any) -> bool:
    """Is this account's second factor, or this address, locked out now?"""
    if AxesProxyHandler.is_locked(request, _credentials(user)):
        request.axes_locked_out = True  # type: ignore[attr-defined]  # AxesMiddleware answers 429
        return True
    return False


def count_failure(request: HttpRequest, user: Any) -> bool:
    """Count a wrong code like a wrong password; True when this one locked the account or the address."""
    AxesProxyHandler.user_login_failed(sender=SecondFactorMiddleware, credentials=_credentials(user),
                                       request=request)
    return bool(getattr(request, "axes_locked_out", False))


def log_in(request: HttpRequest, device: Any) -> None:
    """The session has entered its second factor: a new session key (the one before the code was only half a
    login), the device on it, and this account's code failures from this address forgiven."""
    request.session.cycle_key()
    otp_login(request, device)
    AxesProxyHandler.update_request(request)
    AxesProxyHandler.get_implementation().reset_user_attempts(request, _credentials(request.user))
