"""The back office for data-subject requests: staff log in with a session, see the queue by due date
(overdue first and marked), verify the requester's identity (the four blacked-out parts of an ID
copy, S1-26), review the export with one click, send it to the requester (a letter to print and post,
or secure mail where the policy offers it), and answer with a letter from a template in Dutch and
English that names the Autoriteit Persoonsgegevens. The pages speak the staff member's language
(`audiences.web.language`); refusals keep their wording, Dutch first, as the audit log holds it.

Only roles that handle requests (privacy officer, FG/DPO, `manages: requests`) get in; anyone else
is refused and the refusal is audited. Separation of duties (`rights.duties`): whoever registered a
request is not offered the steps that are a colleague's (verify, review, send), and a forged POST or
download is refused with a 403 page, audited. Every change goes through the rights action layer.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from functools import wraps
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.translation import get_language, gettext, gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from waarborg.audiences.backoffice.hold_words import hold_row
from waarborg.audiences.backoffice.landing import landing
from waarborg.audiences.backoffice.sweep_words import run_row
from waarborg.audiences.web.downloads import as_response
from waarborg.audiences.web.headers import allow_own_styles
from waarborg.audiences.web.language import offered, reader_half
from waarborg.audiences.web.lockout import address_locked, locked_message
from waarborg.audiences.web.login import LoginForm
from waarborg.audiences.web.sso import end_session_url
from waarborg.core.errors import DomainError, Invalid, Refused
from waarborg.engine.accounts import sso
from waarborg.engine.audit.refusals import refused
from waarborg.engine.jobs.models import JobRun
from waarborg.engine.policy.active import current
from waarborg.engine.retention.models import Hold
from waarborg.engine.retention.reading import preview_read
from waarborg.engine.retention.sweep import preview
from waarborg.engine.rights import actions, delivery, duties, erasure, letters, matching
from waarborg.engine.rights.deadlines import Due, days_between
from waarborg.engine.rights.handlers import require_handler
from waarborg.engine.rights.models import Request
from waarborg.engine.vault.access import ensure_logged

LOGIN_URL = reverse_lazy("backoffice:login")
REDACTION_LABELS = {"photo": gettext_lazy("Pasfoto"), "mrz": gettext_lazy("MRZ (machineleesbare strook)"),
                    "document_number": gettext_lazy("Documentnummer"), "bsn": gettext_lazy("BSN (burgerservicenummer)")}


class StaffLoginForm(LoginForm):
    """Staff only; a failed attempt is audited (without the username typed); the shared lockout applies."""

    action = "backoffice.login"
    staff_door = True

    def confirm_login_allowed(self, user: Any) -> None:
        super().confirm_login_allowed(user)
        if getattr(user, "kind", "") != "staff":
            raise forms.ValidationError(gettext("De backoffice is voor medewerkers."), code="not_staff")


class LoginView(auth_views.LoginView):
    template_name = "backoffice/login.html"
    authentication_form = StaffLoginForm
    redirect_authenticated_user = True

    def get_default_redirect_url(self) -> str:
        return landing(self.request.user)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        # With single sign-on: a button to the provider; with passwords switched off, only that.
        locked = self.request.method == "GET" and address_locked(self.request)
        return {**super().get_context_data(**kwargs), "sso": sso.enabled(),
                "password_login": sso.password_login_allowed(), "locked": locked_message() if locked else ""}


ID_TOKEN = "oidc_id_token"  # noqa: S105 - a session key: mozilla-django-oidc keeps the ID token there (OIDC_STORE_ID_TOKEN)


class LogoutView(auth_views.LogoutView):
    """Log out; a staff member who came in through the organisation's provider is sent there to end that
    session too, so "Inloggen via ..." asks again (waarborg.audiences.web.sso.end_session_url)."""

    next_page = "backoffice:login"

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        id_token = request.session.get(ID_TOKEN)
        response = super().post(request, *args, **kwargs)
        ending = end_session_url(request, id_token) if isinstance(id_token, str) and id_token else None
        return HttpResponseRedirect(ending) if ending else response


Page = Callable[..., HttpResponse]


def staff_page(require: Callable[[Any, str, dict[str, Any]], None]) -> Callable[[Page], Page]:
    """A page for logged-in staff that `require(user, action, kwargs)` lets in: visitors are sent to log in,
    and whoever it refuses (it raises `Refused`, which wrote the audit entry) gets a 403 with the reason."""

    def decorate(view: Page) -> Page:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            user = request.user
            if not user.is_authenticated:
                return redirect(f"{LOGIN_URL}?next={request.path}")
            try:
                require(user, f"backoffice.{view.__name__}", kwargs)
            except Refused as exc:  # a page in the back office's look, in words, with the reason for a test to read
                return render(request, "backoffice/refused.html", {"detail": str(exc.detail), "reason": exc.reason},
                              status=403)
            return view(request, *args, **kwargs)

        return wrapped

    return decorate


def _handles_requests(user: Any, action: str, kwargs: dict[str, Any]) -> None:
    require_handler(user, current(), action, request_id=kwargs.get("pk"))


# Staff whose role handles requests (privacy officer, FG/DPO, `manages: requests`).
handler_only = staff_page(_handles_requests)


@handler_only
def queue(request: HttpRequest) -> HttpResponse:
    """Open requests by due date, the earliest (and overdue) first; `?alle=1` shows finished ones too."""
    now = timezone.now()
    rows = Request.objects.order_by("due_at")
    show_all = request.GET.get("alle") == "1"
    if not show_all:
        rows = rows.filter(status__in=Request.OPEN)
    items = [{"request": r, "overdue": r.is_open and r.due_at < now,
              "due": Due(r, days_between(now, r.due_at), r.is_open and r.due_at < now)} for r in rows]
    return render(request, "backoffice/queue.html", {"items": items, "show_all": show_all,
                                                     "overdue": sum(1 for i in items if i["overdue"])})


def _letter(req: Request, policy: Any) -> dict[str, str]:
    """The answer as sent, or the template's draft for this kind of request (with the AP named)."""
    return req.answer if req.answer else letters.for_type(policy, req.type)


def refused_page(request: HttpRequest, exc: Refused, req: Request | None = None) -> HttpResponse:
    """A refusal as a page (403), Dutch first; the refusal was audited where it was raised."""
    ensure_logged(exc)
    detail, detail_lang = reader_half(str(exc.detail))
    return render(request, "backoffice/refused.html", {"detail": detail, "detail_lang": detail_lang,
                                                       "reason": exc.reason, "req": req}, status=403)


@handler_only
def detail(request: HttpRequest, pk: Any) -> HttpResponse:
    req = get_object_or_404(Request.objects.select_related("subject", "created_by", "identity_verified_by"), pk=pk)
    policy = current()
    actions.request_read(request.user, req, via="backoffice")  # the details may hold personal data
    redactions = actions.required_redactions(policy)
    own_words = {str(w): w.in_lang(get_language()) for w in policy.rights.id_copy_redaction}
    draft_nl, draft_en = letters.default_body(req.type)
    steps = list(req.steps.select_related("by"))
    requester = duties.requester_of(req)
    return render(request, "backoffice/request.html", {
        "req": req, "details": actions.details_of(req), "steps": steps,
        "overdue": req.is_open and req.due_at < timezone.now(),
        # answering releases data: only once the identity is established (actions.require_identity says so too)
        "answer_waits": not req.identity_verified and req.type not in actions.NO_IDENTITY_NEEDED,
        # portal_login is the subject's own step, in the portal; staff choose among the others
        "methods": [str(m) for m in policy.rights.identity_verification if m != "portal_login"],
        "redactions": [(r, REDACTION_LABELS.get(r) or own_words.get(r, r)) for r in redactions],
        "formats": delivery.formats_for(req.type), "draft_nl": draft_nl, "draft_en": draft_en,
        "letter": _letter(req, policy), "authority": policy.organisation.authority,
        "requester": requester, "requester_kind": duties.KIND_WORDS[requester.kind], "letter_languages": offered(),
        "registered_by": req.created_by, "verified_by": req.identity_verified_by,
        "reviewers": list(dict.fromkeys(s.by for s in steps if s.action == "reviewed" and s.by)),
        "deliveries": req.deliveries.select_related("by"),
        "mine": not duties.may_take_step(request.user, req), "awaits_match": matching.awaits_match(req),
        "channels": [c for c in delivery.sending_channels(policy) if c != "letter"],
        "letter_formats": [f for f in ("pdf", "html") if f in delivery.formats_for(req.type)]})


def _act(request: HttpRequest, pk: Any, run: Callable[[Request], Any], done: str) -> HttpResponse:
    req = get_object_or_404(Request.objects.select_related("subject"), pk=pk)
    try:
        run(req)
    except Refused as exc:
        return refused_page(request, exc, req)
    except Invalid as exc:
        problems = "; ".join(f"{k}: {' '.join(v)}" for k, v in exc.errors.items())
        messages.error(request, problems)
    except DomainError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, done)
    return redirect("backoffice:request", pk=pk)


@require_POST
@handler_only
def verify(request: HttpRequest, pk: Any) -> HttpResponse:
    method = request.POST.get("method", "")
    redactions = request.POST.getlist("redactions")
    return _act(request, pk, lambda req: actions.identity_verify(request.user, req, method=method,
                                                                 redactions=redactions),
                gettext("Identiteit vastgesteld; de kopie is vernietigd."))


@require_POST
@handler_only
def answer(request: HttpRequest, pk: Any) -> HttpResponse:
    nl, en = request.POST.get("nl", ""), request.POST.get("en", "")
    return _act(request, pk, lambda req: actions.request_answer(request.user, req, nl=nl, en=en),
                gettext("Het antwoord is vastgelegd."))


@require_POST
@handler_only
def reject(request: HttpRequest, pk: Any) -> HttpResponse:
    nl, en = request.POST.get("nl", ""), request.POST.get("en", "")

    def run(req: Request) -> Any:
        if not nl.strip():
            raise Invalid({"nl": [gettext("geef de reden van de afwijzing")]})
        return actions.request_answer(request.user, req, nl=nl, en=en, status=Request.Status.REJECTED)

    return _act(request, pk, run, gettext("Het verzoek is afgewezen."))


@require_POST
@handler_only
def erase(request: HttpRequest, pk: Any) -> HttpResponse:
    return _act(request, pk, lambda req: erasure.erase(request.user, req),
                gettext("Verwijderd, behalve wat de wet laat bewaren."))


@require_POST
@handler_only
def close(request: HttpRequest, pk: Any) -> HttpResponse:
    outcome = request.POST.get("outcome", "")
    return _act(request, pk, lambda req: actions.request_close(request.user, req, outcome=outcome),
                gettext("Het verzoek is gesloten."))


@require_http_methods(["GET"])
@handler_only
def export(request: HttpRequest, pk: Any) -> HttpResponse:
    """One click: the export in the chosen format, as a download (a review: never by the registrar)."""
    req = get_object_or_404(Request.objects.select_related("subject"), pk=pk)
    try:
        return as_response(delivery.review(request.user, req, fmt=(request.GET.get("format") or "json").lower(),
                                           lang="en" if request.GET.get("lang") == "en" else "nl"))
    except Refused as exc:
        return refused_page(request, exc, req)
    except DomainError as exc:
        messages.error(request, str(exc))
        return redirect("backoffice:request", pk=pk)


@require_http_methods(["GET"])
@handler_only
def review(request: HttpRequest, pk: Any) -> HttpResponse:
    """The reviewer's view of the export's free text: per field the original with each redaction marked, what the
    requester will see, and why (art. 15(4) GDPR). For staff only; audited as a review of the export."""
    req = get_object_or_404(Request.objects.select_related("subject"), pk=pk)
    try:
        view = delivery.review_redactions(request.user, req)
    except Refused as exc:
        return refused_page(request, exc, req)
    except DomainError as exc:
        messages.error(request, str(exc))
        return redirect("backoffice:request", pk=pk)
    lang = "en" if get_language() == "en" else "nl"
    fields = [{**f, "label": f["label"][lang], "parts": _marked(f["original"], f["spans"], lang)}
              for f in view["redactions"]]
    return render(request, "backoffice/review.html", {"req": req, "fields": fields, "count": view["count"],
                                                      "note": view["note"][lang]})


def _marked(original: str, spans: list[dict[str, Any]], lang: str) -> list[dict[str, str]]:
    """The original text cut into plain parts and redacted parts, for the page to mark the latter."""
    parts: list[dict[str, str]] = []
    last = 0
    for s in spans:
        parts.append({"text": original[last : s["start"]]})
        parts.append({"text": s["value"], "replacement": s["replacement"], "category": s["category"],
                      "why": s["why"][lang]})
        last = s["end"]
    parts.append({"text": original[last:]})
    return [p for p in parts if p["text"]]


@require_POST
@handler_only
def send(request: HttpRequest, pk: Any) -> HttpResponse:
    """Send the export to the requester: the letter comes back to print and post; secure mail goes out."""
    req = get_object_or_404(Request.objects.select_related("subject"), pk=pk)
    channel = request.POST.get("channel", "")
    fmt = request.POST.get("format", "").lower()
    lang = "en" if request.POST.get("lang") == "en" else "nl"
    try:
        if channel == "letter":
            return as_response(delivery.deliver_letter(request.user, req, fmt=fmt or delivery.default_format(req),
                                                       lang=lang))
        delivery.send(request.user, req, channel=channel, fmt=fmt, lang=lang)
    except Refused as exc:
        return refused_page(request, exc, req)
    except Invalid as exc:
        messages.error(request, "; ".join(f"{k}: {' '.join(v)}" for k, v in exc.errors.items()))
    except DomainError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, gettext("Verstuurd naar de verzoeker."))
    return redirect("backoffice:request", pk=pk)


@require_http_methods(["GET"])
@handler_only
def letter(request: HttpRequest, pk: Any) -> HttpResponse:
    """The answer letter, printable, in the page's language (`?lang=en`: English, where the policy speaks it)."""
    req = get_object_or_404(Request, pk=pk)
    policy = current()
    lang = get_language()
    return allow_own_styles(render(request, "backoffice/letter.html", {
        "req": req, "lang": lang, "organisation": policy.organisation, "body": _letter(req, policy)[lang],
        "today": timezone.localdate(), "draft": not req.answer}))



# --- Bewaartermijnen: what the retention sweep will delete or anonymise, and what holds keep -----------

def _manages_retention(user: Any, action: str, kwargs: dict[str, Any]) -> None:
    if not current().manages(user, "retention"):
        raise refused(user, action, "role_not_granted", "Alleen wie bewaartermijnen beheert ziet deze pagina. / "
                      "Only whoever manages retention sees this page.")


# Staff who manage retention (privacy officer, `manages: retention`).
retention_manager_only = staff_page(_manages_retention)


PREVIEW_DAYS = 30


@retention_manager_only
def retention(request: HttpRequest) -> HttpResponse:
    """Per rule, how many records go by a date (`?voor=2027-01-31`, default 30 days ahead), the open holds
    with their reasons, and the sweep's last runs: the preview the CLI and the API give, for the officer."""
    policy = current()
    today = timezone.localdate()
    raw = request.GET.get("voor", "")
    problem = ""
    try:
        before = date.fromisoformat(raw) if raw else today + timedelta(days=PREVIEW_DAYS)
    except ValueError:
        before, problem = today + timedelta(days=PREVIEW_DAYS), gettext("Geef een datum als 2027-01-31.")
    counts = preview_read(request.user, before, via="backoffice")  # as `waarborg sweep --before` and the API count
    now_due = preview(timezone.now())
    rules: list[dict[str, Any]] = []
    lang = get_language()
    for rule_id, rule in policy.retention.items():
        rules.append({"id": rule_id, "label": policy.rule_words(rule_id, lang),
                      "action": rule.action, "count": counts.get(rule_id, 0), "due_now": now_due.get(rule_id, 0)})
    rules.sort(key=lambda r: (-r["count"], r["id"]))
    holds = [hold_row(hold, policy, lang)
             for hold in Hold.objects.filter(released_at__isnull=True).order_by("created_at")]
    runs = [run_row(run, policy, lang) for run in JobRun.objects.filter(name="retention_sweep").order_by("-started_at")[:5]]
    return render(request, "backoffice/retention.html", {
        "before": before, "problem": problem, "rules": rules, "total": sum(counts.values()),
        "due_now": sum(now_due.values()), "holds": holds, "runs": runs})
