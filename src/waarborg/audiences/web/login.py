"""The password login form every door shares (portal, back office, Django admin): audited, lockout-aware.

Each door names its audit action (`portal.login`, `backoffice.login`, `admin.login`). A failed attempt is
audited without the name typed; one refused because the account or address is locked out
(`waarborg.audiences.web.lockout`) says so, in the form's words and in the audit reason (`locked_out`).
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext

from waarborg.audiences.web.lockout import locked_message
from waarborg.engine.accounts.actions import login_recorded
from waarborg.engine.accounts.sso import password_login_allowed


class AuditedLogin:
    """Mixed into an AuthenticationForm: audit the outcome, name a lockout."""

    action = "login"
    staff_door = False  # with single sign-on, staff passwords can be switched off (WAARBORG_STAFF_PASSWORD_LOGIN)
    request: Any

    def clean(self) -> dict[str, Any]:
        if self.staff_door and not password_login_allowed():
            login_recorded(self.action, None, refused="password_login_off")
            raise forms.ValidationError(
                gettext("Inloggen met een wachtwoord staat uit. Log in via de inlogdienst van uw organisatie."),
                code="password_login_off")
        try:
            cleaned: dict[str, Any] = super().clean()  # type: ignore[misc]
        except forms.ValidationError:
            locked = bool(getattr(self.request, "axes_locked_out", False))
            login_recorded(self.action, None, refused="locked_out" if locked else "wrong_credentials")
            if locked:
                raise forms.ValidationError(locked_message(), code="locked") from None
            raise
        login_recorded(self.action, self.get_user())  # type: ignore[attr-defined]
        return cleaned


class AdminLoginForm(AuditedLogin, AdminAuthenticationForm):
    action = "admin.login"
    staff_door = True


class LoginForm(AuditedLogin, AuthenticationForm):
    pass
