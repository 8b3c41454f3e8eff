"""The public pages of the sociale kaart: browse by theme, search, one listing with its feedback form,
and the page a verification link opens. Same read path and actions as the JSON endpoints."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import get_language
from django.views.decorators.http import require_http_methods

from waarborg.core.errors import Invalid, Refused
from waarborg.engine.vault.access import ensure_logged
from waarborg.modules.listings import feedback, public, verification


def _policy() -> Any:
    policy = public.policy_or_none()
    if policy is None:
        raise Http404("no sociale kaart in the active policy")
    return policy


def _page_url(policy: Any, request: HttpRequest) -> str:
    """The page as the public website names it (the platform may run under an internal host name)."""
    # Without a website of its own the platform's one public origin names it (WAARBORG_PUBLIC_URL), never the
    # host this request happened to use.
    base = (policy.organisation.website or settings.WAARBORG_PUBLIC_URL or "").rstrip("/")
    return f"{base}{request.path}" if base else request.build_absolute_uri(request.path)


def _guardian(request: HttpRequest) -> dict[str, str] | None:
    name = request.POST.get("guardian_name", "").strip()
    return {"role": "parent" if request.POST.get("guardian_role") != "guardian" else "guardian",
            "name": name} if name else None


def index(request: HttpRequest) -> HttpResponse:
    policy = _policy()
    lang = get_language()
    theme = request.GET.get("theme", "")
    try:
        rows = public.search(policy, theme=theme, q=request.GET.get("q", ""))
    except Invalid:
        rows, theme = public.published(), ""
    public.count("list")
    return render(request, "listings/index.html", {
        "organisation": policy.organisation, "theme": theme, "q": request.GET.get("q", ""),
        "themes": [(t, public.theme_label(t, lang)) for t in public.themes(policy)],
        "listings": [public.view(policy, listing, lang) for listing in rows]})


@require_http_methods(["GET", "POST"])
def listing(request: HttpRequest, pk: Any) -> HttpResponse:
    policy = _policy()
    item = get_object_or_404(public.published(), pk=pk)
    context: dict[str, Any] = {"organisation": policy.organisation,
                               "listing": public.view(policy, item, get_language())}
    if request.method == "POST":
        try:
            ticket = feedback.feedback_submit(comment=request.POST.get("comment", ""),
                                              page=_page_url(policy, request),
                                              email=request.POST.get("email", "").strip(), listing=item,
                                              under_age=request.POST.get("under_16") == "on",
                                              guardian=_guardian(request))
            context["ticket"] = ticket.pk
        except Invalid as exc:
            context["errors"] = exc.errors
        except Refused as exc:
            ensure_logged(exc)
            context["refused"] = str(exc.detail)
    else:
        public.count("listing")
    return render(request, "listings/listing.html", context)


@require_http_methods(["GET", "POST"])
def verify(request: HttpRequest, token: str) -> HttpResponse:
    policy = _policy()
    mail = verification.mail_of(token)
    if mail is None:
        return render(request, "listings/verify.html", {"invalid": True, "organisation": policy.organisation},
                      status=404)
    if request.method == "POST":
        verification.verification_confirm(mail)
    return render(request, "listings/verify.html", {"organisation": policy.organisation, "mail": mail,
                                                    "listing": public.view(policy, mail.listing, get_language())})
