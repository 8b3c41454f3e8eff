"""The second factor's pages: entering a code after the password, enrolling an authenticator app, and new
recovery codes.

- `/backoffice/tweede-factor`: the code from the app (or a recovery code). A wrong code is refused on the
  page, audited, and counts towards the lockout like a wrong password; once locked, the page answers 429.
- `/backoffice/tweede-factor/instellen`: for an account without a second factor: the secret as a QR code
  and as text, confirmed with one code from the app; then ten recovery codes, shown this once.
- `/backoffice/tweede-factor/herstelcodes` (POST): ten new recovery codes for an account that has a second
  factor and entered it; the old ones stop working.
Who must enter one is `waarborg.engine.accounts.twofactor`; the middleware that keeps every other staff page
shut until then is `waarborg.audiences.web.twofactor`. Every write is an action of `accounts.actions`.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

import segno
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext, ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from waarborg.audiences.backoffice.landing import landing
from waarborg.audiences.backoffice.views import LOGIN_URL
from waarborg.audiences.web import twofactor as gate
from waarborg.audiences.web.lockout import locked_message
from waarborg.core.errors import Conflict, Invalid
from waarborg.engine.accounts import actions, twofactor

SECRET = "waarborg_2fa_secret"  # noqa: S105 - a session key: the secret being enrolled, until a code confirms it


def _login(request: HttpRequest) -> HttpResponse:
    return redirect(f"{LOGIN_URL}?next={quote(request.get_full_path())}")


def status(user: Any) -> dict[str, Any]:
    """For the start page: has this staff member a second factor, and may they set one up?"""
    if not twofactor.applies_to(user) or twofactor.mode() == "off":
        return {}
    has = twofactor.enrolled(user)
    return {"enrolled": has, "offer": not has, "passkey": has and not twofactor.has_passkey(user)
            and bool(getattr(user, "is_verified", lambda: False)())}


@never_cache
@require_http_methods(["GET", "POST"])
def second_factor(request: HttpRequest) -> HttpResponse:
    user = request.user
    if not user.is_authenticated:
        return _login(request)
    target = gate.next_page(request, landing(user))
    state = getattr(request, "second_factor", "")
    if state == "enrol":
        return redirect(f"{reverse('backoffice:second_factor_enrol')}?next={quote(target)}")
    if state != "verify":
        return redirect(target)  # nothing (more) to enter
    # the app's wording only for an account that has the app (or has no passkey either: an old account)
    passkey = twofactor.has_passkey(user)
    app = not passkey or twofactor.has_app(user)
    error = ""
    if request.method == "POST":
        code = request.POST.get("code", "")
        if gate.locked(request, user):
            actions.second_factor_check(user, code, door=gate.door(target), locked=True)
            error = locked_message()
        else:
            checked = actions.second_factor_check(user, code, door=gate.door(target))
            if checked.device is not None:
                gate.log_in(request, checked.device)
                if checked.method == "recovery":
                    left = checked.recovery_left or 0
                    messages.warning(request, ngettext(
                        "U heeft een herstelcode gebruikt. U heeft nog %(left)d herstelcode over.",
                        "U heeft een herstelcode gebruikt. U heeft nog %(left)d herstelcodes over.", left)
                        % {"left": left})
                return redirect(target)
            if gate.count_failure(request, user):
                error = locked_message()
            elif checked.reason == "throttled":
                error = gettext("U heeft een paar keer een verkeerde code getypt. Wacht even en probeer het "
                                "dan opnieuw.")
            elif app:
                error = gettext("Deze code klopt niet. Typ de code die de app nu toont, of een herstelcode.")
            else:
                error = gettext("Deze herstelcode klopt niet. Typ een van uw herstelcodes.")
    return render(request, "backoffice/second_factor.html",
                  {"error": error, "next": target, "passkey": passkey, "app": app})


@never_cache
@require_http_methods(["GET", "POST"])
def enrol(request: HttpRequest) -> HttpResponse:
    user = request.user
    if not user.is_authenticated:
        return _login(request)
    target = gate.next_page(request, landing(user))
    if not twofactor.applies_to(user) or twofactor.mode() == "off":
        return redirect(target)
    if twofactor.enrolled(user):
        # A second factor is replaced only by an operator's reset, never by whoever holds the password.
        if getattr(request, "second_factor", "") == "verify":
            return redirect(f"{reverse('backoffice:second_factor')}?next={quote(target)}")
        return redirect(target)
    key = request.session.get(SECRET, "")
    if not twofactor.valid_secret(key):
        key = twofactor.new_secret()
        request.session[SECRET] = key
    error = ""
    if request.method == "POST":
        try:
            device, codes = actions.second_factor_enrol(user, key, request.POST.get("code", ""))
        except Invalid as exc:
            error = " ".join(exc.errors.get("code", [])) or str(exc)
        except Conflict:
            return redirect(target)
        else:
            del request.session[SECRET]
            gate.log_in(request, device)
            return _codes_page(request, codes, target, first=True)
    uri = twofactor.provisioning_uri(user, key)
    return render(request, "backoffice/second_factor_enrol.html", {
        "secret": twofactor.secret_for_typing(key), "qr": segno.make(uri, error="m").svg_data_uri(scale=4),
        "next": target, "error": error, "required": getattr(request, "second_factor", "") == "enrol",
    }, status=422 if error else 200)


@never_cache
@require_POST
def recovery_codes(request: HttpRequest) -> HttpResponse:
    user = request.user
    if not user.is_authenticated:
        return _login(request)
    try:
        codes = actions.second_factor_recovery_codes(user)
    except Conflict as exc:
        messages.error(request, exc.detail)
        return redirect("backoffice:home")
    return _codes_page(request, codes, reverse("backoffice:home"), first=False)


def _codes_page(request: HttpRequest, codes: list[str], target: str, *, first: bool) -> HttpResponse:
    """The recovery codes, this once (the page is not cached; nothing shows them again)."""
    return render(request, "backoffice/second_factor_codes.html",
                  {"codes": [twofactor.shown(c) for c in codes], "next": target, "first": first})
