"""Account pages: set the password from the activation (or reset) link, ask for a reset link, close
the account. Django's own auth views with our templates and words; every write goes through
`portal.accounts` (the set-password form's `save` is `password_set`)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import PasswordResetForm, SetPasswordForm
from django.core.mail import EmailMultiAlternatives
from django.http import HttpRequest, HttpResponse, HttpResponseForbidden
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse, reverse_lazy
from django.utils.translation import get_language, gettext
from django.views.decorators.http import require_http_methods

from waarborg.audiences.portal.forms import STAFF_ONLY_CITIZENS
from waarborg.audiences.portal.views import LOGIN_URL, _citizen, _context
from waarborg.core.language import MAIL_HALVES, joined
from waarborg.engine.citizens.accounts import account_deactivate, accounts_for, address_of, password_set, public_url
from waarborg.engine.policy.active import current


class PortalPages:
    """Our words and language on Django's auth views."""

    request: HttpRequest

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {**super().get_context_data(**kwargs), **_context(self.request)}  # type: ignore[misc]

    def get_success_url(self) -> str:
        """The page after the form ("sent", "password set") in the language the form was in."""
        url = str(super().get_success_url())  # type: ignore[misc]
        return f"{url}{'&' if '?' in url else '?'}lang={get_language()}"


class CitizenPasswordResetForm(PasswordResetForm):
    """Only citizens get a link here (staff have the back office); a citizen who never activated the
    account gets one too: the reset link is then their activation link. Accounts are found by the
    keyed hash of their sealed address; the mail goes to that sealed address, opened."""

    def get_users(self, email: str) -> Any:
        return iter(accounts_for(email))

    def send_mail(self, subject_template_name: str, email_template_name: str, context: dict[str, Any],
                  from_email: str | None, to_email: str, html_email_template_name: str | None = None) -> None:
        """Django's mail, in each of the policy's languages (Dutch, then English): the link may be asked for
        in one language and read in another."""
        to = address_of(context["user"]) or self.cleaned_data["email"].strip()
        context = {**context, "public_url": public_url()}  # one host in every link, not the request's
        languages = current().languages
        subject = joined(lambda: "".join(render_to_string(subject_template_name, context).splitlines()), languages)
        body = joined(lambda: render_to_string(email_template_name, context), languages, MAIL_HALVES) + "\n"
        EmailMultiAlternatives(subject, body, from_email, [to]).send()


class CitizenSetPasswordForm(SetPasswordForm):
    """Django's checks of the new password (both fields, the validators); saving is the portal's action."""

    def save(self, commit: bool = True) -> Any:
        return password_set(self.user, self.cleaned_data["new_password1"])


class SetPasswordView(PortalPages, auth_views.PasswordResetConfirmView):
    template_name = "portal/set_password.html"
    success_url = reverse_lazy("portal:password_set")
    form_class = CitizenSetPasswordForm


class PasswordSetView(PortalPages, auth_views.PasswordResetCompleteView):
    template_name = "portal/password_set.html"


class ResetView(PortalPages, auth_views.PasswordResetView):
    template_name = "portal/password_reset.html"
    form_class = CitizenPasswordResetForm
    email_template_name = "portal/email/password_reset.txt"
    subject_template_name = "portal/email/password_reset_subject.txt"
    success_url = reverse_lazy("portal:reset_sent")


class ResetSentView(PortalPages, auth_views.PasswordResetDoneView):
    template_name = "portal/password_reset_sent.html"


@login_required(login_url=LOGIN_URL)
@require_http_methods(["GET", "POST"])
def close_account(request: HttpRequest) -> HttpResponse:
    """The citizen closes their account: logged out at once; the data keeps its retention date."""
    citizen = _citizen(request)
    ctx = _context(request)
    if citizen is None:
        return HttpResponseForbidden(str(STAFF_ONLY_CITIZENS))
    if request.method == "POST":
        account_deactivate(citizen, citizen)
        logout(request)
        messages.success(request, gettext("Uw account is opgeheven."))
        return redirect(f"{reverse('portal:login')}?lang={get_language()}")
    return render(request, "portal/close_account.html", ctx)
