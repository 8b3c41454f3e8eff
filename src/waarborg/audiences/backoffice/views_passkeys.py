"""Passkeys as the second factor: the ceremony endpoints the pages' scripts call, and the recovery codes after.

django-otp-webauthn's views run the WebAuthn ceremonies; these subclasses put them behind the same rules as the
app's code (`views_twofactor`):
- adding a passkey is for a staff member who must or may have a second factor, and who has none yet or has
  entered theirs (the library refuses the rest); the new credential and the `staff.2fa.enrol` entry are stored
  together by `accounts.actions.second_factor_passkey_add`, with ten recovery codes for a first factor;
- a passkey opens the session only after the password (never instead of it), is on record as
  `staff.2fa.verify` with method `passkey`, and a failed one counts towards the lockout like a wrong code;
  while the account or address is locked out, no passkey opens anything.
The scripts are the library's (`render_otp_webauthn_*_scripts`, allowed by the Content Security Policy as
files of this site) and `backoffice/passkeys.js`, which goes on to the recovery codes once a passkey is added.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from django.views.i18n import JavaScriptCatalog
from django_otp_webauthn import exceptions, views
from django_otp_webauthn.utils import rewrite_exceptions

from waarborg.audiences.backoffice.landing import landing
from waarborg.audiences.backoffice.views import LOGIN_URL
from waarborg.audiences.web import twofactor as gate
from waarborg.engine.accounts import actions, twofactor

NEW_CODES = "waarborg_2fa_new_codes"  # the session's recovery codes of a first passkey, until shown (once)


class NotOffered(exceptions.OTPWebAuthnApiError):
    status_code = 403
    default_detail = "Een passkey instellen kan alleen voor medewerkers. (Passkeys are for staff only.)"
    default_code = "not_offered"


class LockedOut(exceptions.OTPWebAuthnApiError):
    status_code = 429
    default_code = "locked_out"


def _offered(user: Any) -> None:
    if not twofactor.applies_to(user) or twofactor.mode() == "off":
        raise NotOffered()


class RegisterBegin(views.BeginCredentialRegistrationView):
    def check_can_register(self) -> None:
        _offered(self.request.user)


class RegisterComplete(views.CompleteCredentialRegistrationView):
    def check_can_register(self) -> None:
        _offered(self.request.user)

    def post(self, *args: Any, **kwargs: Any) -> JsonResponse:
        request = self.request
        user, state, data, helper = self.get_user(), self.get_state(), request.data, self.get_helper()

        def register() -> Any:
            with rewrite_exceptions(logger=None):  # a refusal is on record in the audit log, not in the error log
                return helper.register_complete(user=user, state=state, data=data)

        device, codes = actions.second_factor_passkey_add(user, register)
        if not user.is_verified():
            gate.log_in(request, device)
        if codes:
            request.session[NEW_CODES] = codes
        return JsonResponse({"id": device.pk})


class AuthenticateBegin(views.BeginCredentialAuthenticationView):
    def check_can_authenticate(self) -> None:
        if not self.request.user.is_authenticated:  # after the password only
            raise exceptions.PasswordlessLoginDisabled()


class AuthenticateComplete(views.CompleteCredentialAuthenticationView):
    def check_can_authenticate(self) -> None:
        if not self.request.user.is_authenticated:
            raise exceptions.PasswordlessLoginDisabled()

    def post(self, *args: Any, **kwargs: Any) -> JsonResponse:
        request = self.request
        user = self.get_user()
        target = gate.next_page(request, landing(user))
        state, data, helper = self.get_state(), request.data, self.get_helper()

        def verify() -> Any:
            with rewrite_exceptions(logger=None):  # a refusal is on record in the audit log, not in the error log
                device = helper.authenticate_complete(user=user, state=state, data=data)
            self.check_device_usable(device)
            return device

        locked = gate.locked(request, user)
        checked, error = actions.second_factor_passkey_check(user, verify, door=gate.door(target), locked=locked)
        if checked.device is None:
            if locked or gate.count_failure(request, user):
                raise LockedOut(gettext("U heeft te vaak een verkeerde tweede factor gebruikt. Probeer het later "
                                        "opnieuw."))
            raise error if isinstance(error, exceptions.OTPWebAuthnApiError) else exceptions.UnprocessableEntity()
        gate.log_in(request, checked.device)
        return JsonResponse({"id": checked.device.pk, "redirect_url": target})


@never_cache
@require_GET
def add(request: HttpRequest) -> HttpResponse:
    """A passkey beside the app, for a staff member who has entered their second factor in this session."""
    user = request.user
    if not user.is_authenticated:
        return redirect(f"{LOGIN_URL}?next={quote(request.get_full_path())}")
    if not twofactor.applies_to(user) or twofactor.mode() == "off" or not twofactor.enrolled(user):
        return redirect("backoffice:second_factor_enrol")
    return render(request, "backoffice/passkey_add.html", {"next": reverse("backoffice:home")})


@never_cache
@require_GET
def new_codes(request: HttpRequest) -> HttpResponse:
    """The recovery codes of a first passkey, once (they leave the session as they are shown)."""
    if not request.user.is_authenticated:
        return redirect(f"{LOGIN_URL}?next={quote(request.get_full_path())}")
    target = gate.next_page(request, landing(request.user))
    codes = request.session.pop(NEW_CODES, None)
    if not codes:
        messages.success(request, gettext("Uw passkey is ingesteld."))
        return redirect(target)
    return render(request, "backoffice/second_factor_codes.html",
                  {"codes": [twofactor.shown(c) for c in codes], "next": target, "first": True, "passkey": True})


# Mounted as the library's `otp_webauthn` namespace, whose names its template tags reverse.
urlpatterns = [
    path("registration/begin/", RegisterBegin.as_view(), name="credential-registration-begin"),
    path("registration/complete/", RegisterComplete.as_view(), name="credential-registration-complete"),
    path("authentication/begin/", AuthenticateBegin.as_view(), name="credential-authentication-begin"),
    path("authentication/complete/", AuthenticateComplete.as_view(), name="credential-authentication-complete"),
    path("jsi18n/", JavaScriptCatalog.as_view(packages=["django_otp_webauthn"]), name="js-i18n-catalog"),
]
PATHS = tuple(f"otp_webauthn:{p.name}" for p in urlpatterns)
