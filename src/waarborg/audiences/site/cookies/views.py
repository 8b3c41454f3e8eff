"""The cookie page (the cookie statement from the policy) and the visitor's choice: accept, decline, withdraw.

The choice form is exempt from Django's CSRF cookie check so it works for a visitor who blocks cookies
and before any cookie exists (S1-32). A forged cross-site "accept" is still refused: browsers name the
posting site (Origin, Sec-Fetch-Site), and only this site may post the choice.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse, HttpResponseForbidden, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language, gettext
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from waarborg.engine.policy.active import current
from waarborg.modules.statistics.cookies import (
    ACCEPTED,
    CHOICE_COOKIE,
    CHOICE_MAX_AGE,
    DECLINED,
    choice_of,
    needs_consent,
)

CHOICES = (ACCEPTED, DECLINED, "withdraw")


def _next(request: HttpRequest, value: str) -> str:
    if value and url_has_allowed_host_and_scheme(value, allowed_hosts={request.get_host()},
                                                 require_https=request.is_secure()):
        return value
    return reverse("cookies")


def _same_site(request: HttpRequest) -> bool:
    if request.headers.get("Sec-Fetch-Site", "same-origin") not in ("same-origin", "none"):
        return False
    origin = request.headers.get("Origin")
    return origin in (None, "null") or origin.split("://", 1)[-1] == request.get_host()


@csrf_exempt
@require_http_methods(["GET", "POST"])
def cookies(request: HttpRequest) -> HttpResponse:
    policy = current()
    lang = get_language()
    if request.method == "POST":
        choice = request.POST.get("choice", "")
        if choice not in CHOICES:
            return HttpResponse("choice: accepted, declined of withdraw", status=400, content_type="text/plain")
        if not _same_site(request):
            return HttpResponseForbidden(gettext("Alleen deze website kan uw cookiekeuze vastleggen."))
        response = HttpResponseRedirect(_next(request, request.POST.get("next", "")))
        if choice == "withdraw":
            response.delete_cookie(CHOICE_COOKIE, samesite="Lax")
        else:
            response.set_cookie(CHOICE_COOKIE, choice, max_age=CHOICE_MAX_AGE, httponly=True, samesite="Lax",
                                secure=request.is_secure())
        return response
    rows: list[dict[str, Any]] = [
        {"name": c.name, "kind": c.kind, "provider": c.provider, "purpose": c.purpose.get(lang),
         "retention": c.retention.in_lang(lang), "consent": needs_consent(c)} for c in policy.cookies]
    page = render(request, "statistics/cookies.html", {
        "cookies": rows, "needed": any(r["consent"] for r in rows), "choice": choice_of(request),
        "organisation": policy.organisation, "next": _next(request, request.GET.get("next", ""))})
    page.cookie_banner = False  # type: ignore[attr-defined]  # this page is the banner's long form
    return page
