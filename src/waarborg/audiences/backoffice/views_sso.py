"""Logging in to the back office through the organisation's identity provider (single sign-on, OpenID Connect).

`/backoffice/sso` sends the browser to the provider (mozilla-django-oidc's request view: state, nonce and PKCE
in the session); the provider sends it back to `/backoffice/sso/terug` with a code, which `web.sso.Backend`
exchanges and checks, and `accounts.actions.sso_login` decides on: an existing staff account with a mapped role
is logged in and lands where a password login would (or first on the second-factor page, when the provider's
own second factor does not count: `accounts.sso`). Anyone else gets a page that says why, with a 403, and
the attempt is on record. Both pages answer 404 while single sign-on is off.
"""

from __future__ import annotations

import json
from typing import Any

import requests
from axes.handlers.proxy import AxesProxyHandler
from django.contrib import auth
from django.core.exceptions import SuspiciousOperation
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils.translation import gettext
from django.views.generic import View
from mozilla_django_oidc.views import OIDCAuthenticationRequestView

from waarborg.audiences.backoffice.landing import landing
from waarborg.audiences.web.sso import SECOND_FACTOR_BY_PROVIDER, Backend, ProviderUnavailable, provider_config
from waarborg.engine.accounts import sso
from waarborg.engine.accounts.actions import sso_refused


def _explanation(reason: str) -> str:
    texts = {
        "unknown_account": gettext("U bent bij de inlogdienst van uw organisatie ingelogd, maar u heeft geen "
                                   "account in Waarborg. Vraag de beheerder van Waarborg om een account."),
        "inactive": gettext("Uw account in Waarborg is uitgeschakeld. Neem contact op met de beheerder."),
        "no_roles": gettext("U heeft geen rol in Waarborg: geen van uw groepen bij de inlogdienst geeft toegang. "
                            "Vraag de beheerder om u aan de juiste groep toe te voegen."),
        "locked_out": gettext("Te veel mislukte inlogpogingen vanaf dit adres. Probeer het later opnieuw."),
        "provider_unavailable": gettext("De inlogdienst van uw organisatie is nu niet bereikbaar. "
                                        "Probeer het later opnieuw."),
        "no_policy": gettext("Waarborg is nog niet ingericht: er is geen actief beleid."),
    }
    return texts.get(reason, gettext("Inloggen via de inlogdienst is niet gelukt. Probeer het opnieuw."))


def refused_page(request: HttpRequest, reason: str) -> HttpResponse:
    return render(request, "backoffice/sso_refused.html",
                  {"reason": reason, "detail": _explanation(reason)},
                  status=503 if reason == "provider_unavailable" else 403)


def _require_sso() -> None:
    if not sso.enabled():
        raise Http404


class Start(OIDCAuthenticationRequestView):
    """Off to the provider, with `?next=` kept for after the login."""

    def __init__(self, **kwargs: Any) -> None:  # the endpoints come from discovery, in get()
        View.__init__(self, **kwargs)

    def get(self, request: HttpRequest) -> HttpResponse:
        _require_sso()
        try:
            config = provider_config()
        except ProviderUnavailable:
            sso_refused("provider_unavailable")
            return refused_page(request, "provider_unavailable")
        self.OIDC_OP_AUTH_ENDPOINT = config["authorization_endpoint"]
        self.OIDC_RP_CLIENT_ID = self.get_settings("OIDC_RP_CLIENT_ID")
        self.claims_parameter = bool(config.get("claims_parameter_supported"))
        return super().get(request)

    def get_extra_params(self, request: HttpRequest) -> dict[str, str]:
        # Ask for `amr` and `acr` in the ID token (whether the provider used a second factor), where the provider
        # takes a claims request; others put them there by themselves or not at all.
        if self.claims_parameter:
            return {"claims": json.dumps({"id_token": {"amr": None, "acr": None}})}
        return {}


def callback(request: HttpRequest) -> HttpResponse:
    """The provider's answer: a code to exchange (or an error), for a login this browser started."""
    _require_sso()
    states = dict(request.session.get("oidc_states") or {})
    started = states.pop(request.GET.get("state", ""), None)  # each state opens one login, once
    request.session["oidc_states"] = states
    if request.GET.get("error"):
        return _refuse(request, "provider_said_no")
    if not isinstance(started, dict) or not request.GET.get("code"):
        return _refuse(request, "state")
    if AxesProxyHandler.is_locked(request, {}):
        return _refuse(request, "locked_out")
    try:
        backend = Backend()
        user = backend.authenticate(request, nonce=started.get("nonce"), code_verifier=started.get("code_verifier"))
    except ProviderUnavailable:
        return _refuse(request, "provider_unavailable")
    except (requests.RequestException, SuspiciousOperation, ValueError, KeyError):
        return _refuse(request, "provider_error")
    if user is None:
        if backend.reason == "provider_error":
            sso_refused(backend.reason)  # the other reasons sso_login put on record itself
        return refused_page(request, backend.reason)
    following = request.session.get("oidc_login_next")
    auth.login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    if backend.second_factor:
        request.session[SECOND_FACTOR_BY_PROVIDER] = True
    return HttpResponseRedirect(following or landing(user))


def _refuse(request: HttpRequest, reason: str) -> HttpResponse:
    sso_refused(reason)
    return refused_page(request, reason)
