"""The citizen portal: "Mijn gegevens" (what is held and why, breach notices they were given), requests to file
and follow, requests staff registered for them to confirm, exports to download once staff have answered,
and a public contact form for people without an account. The portal and the contact form are offered only
where the policy lists them among its rights channels (`portal`, `contact_form`); elsewhere their pages say
how the organisation does take requests.

Pages call the rights action layer (`request_file`, `identity_verify`, `delivery.deliver_portal`); none writes
a model itself. A citizen logged in here has proven who they are (portal_login), so their own requests need
no ID copy, and a request staff registered for them (from a letter, a call) is verified once they confirm it
here, where the policy offers `portal_login`.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseBase, HttpResponseForbidden
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.translation import get_language, gettext
from django.views.decorators.http import require_http_methods

from waarborg.audiences.portal.forms import (
    SECURITY_CONCERN,
    STAFF_ONLY_CITIZENS,
    CitizenLoginForm,
    ContactForm,
    PortalRequestForm,
)
from waarborg.audiences.portal.texts import REQUEST_TYPES, STATUSES, word
from waarborg.audiences.web.downloads import as_response
from waarborg.audiences.web.errors import status_of
from waarborg.audiences.web.lockout import address_locked, locked_message
from waarborg.core.errors import DomainError, Refused
from waarborg.engine.audit.refusals import refused
from waarborg.engine.breaches.actions import breach_report_suspicion
from waarborg.engine.breaches.models import AffectedSubject
from waarborg.engine.consent.actions import consent_withdraw
from waarborg.engine.consent.models import Consent
from waarborg.engine.policy.active import current
from waarborg.engine.policy.render.channels import CHANNELS as CHANNEL_WORDS
from waarborg.engine.policy.render.groups import group_channel_lines
from waarborg.engine.records.actions import subject_create
from waarborg.engine.rights import actions, delivery, exports
from waarborg.engine.rights.duties import Requester
from waarborg.engine.rights.models import Request
from waarborg.engine.vault.models import Record

LOGIN_URL = reverse_lazy("portal:login")
DOWNLOADABLE = delivery.DOWNLOADABLE


def confirms_in_portal(policy: Any) -> bool:
    """May a citizen confirm a request staff registered for them? Only where the policy offers portal_login."""
    return "portal_login" in policy.rights.identity_verification


def offers(policy: Any, channel: str) -> bool:
    """Does the policy list `channel` (`portal`, `contact_form`) among its rights channels? Pages follow it."""
    return channel in {str(c) for c in policy.rights.channels}


def channels_page(request: HttpRequest, note: str) -> HttpResponse:
    """Where a channel is not offered: how this organisation does take requests, in the policy's words."""
    ctx = _context(request)
    policy = current()
    lang = get_language()
    names = [str(CHANNEL_WORDS[str(c)]) for c in policy.rights.channels if str(c) in CHANNEL_WORDS]
    address = policy.rights.request_address.get(lang) if policy.rights.request_address else ""
    channels = gettext("U kunt een verzoek indienen via: %(channels)s.") % {"channels": ", ".join(names)}
    # Where a group is held to fewer ways, each group reads its own ways and where, as in the statement (a
    # general line would tell some readers a way that is refused to them).
    groups = group_channel_lines(policy, lang or "nl")
    if groups:
        channels, address = "", ""
    return render(request, "portal/channels.html", {**ctx, "note": note, "address": address, "channels": channels,
                                                    "groups": groups})


def not_offered(request: HttpRequest, action: str) -> HttpResponse:
    """A form the policy does not offer, posted anyway: refused (403 `channel_not_offered`) and audited."""
    text = gettext("Deze organisatie biedt dit niet aan. Gebruik een van de manieren op deze pagina.")
    actor = request.user if request.user.is_authenticated else None
    refused(actor, action, "channel_not_offered", text, detail={"channel": action.split(".")[0]})
    return HttpResponseForbidden(text, content_type="text/plain; charset=utf-8")


def _context(request: HttpRequest, **extra: Any) -> dict[str, Any]:
    policy = current()
    return {"organisation": policy.organisation, "contact_form": offers(policy, "contact_form"), **extra}


class LoginView(auth_views.LoginView):
    template_name = "portal/login.html"
    authentication_form = CitizenLoginForm
    redirect_authenticated_user = True

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if not offers(current(), "portal"):  # no portal among the policy's channels: nothing to log in to
            return not_offered(request, "portal.login") if request.method == "POST" else channels_page(
                request, gettext("Deze organisatie heeft geen portaal waarop u kunt inloggen."))
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        locked = self.request.method == "GET" and address_locked(self.request)
        return {**super().get_context_data(**kwargs), **_context(self.request),
                "locked": locked_message() if locked else ""}

    def get_default_redirect_url(self) -> str:
        return reverse("portal:home")


class LogoutView(auth_views.LogoutView):
    next_page = "portal:login"


def _citizen(request: HttpRequest) -> Any:
    user = request.user
    return user if getattr(user, "kind", "") == "citizen" and getattr(user, "subject_id", None) else None


def held(policy: Any, subject: Any, lang: str) -> list[dict[str, Any]]:
    """Per purpose: why, on which ground, which kinds of data and how long. Values are in the export."""
    out: dict[str, dict[str, Any]] = {}
    for record in Record.objects.filter(subject=subject).order_by("purpose", "collected_at"):
        purpose = policy.purposes.get(record.purpose)
        rt = policy.record_types.get(record.type)
        row = out.setdefault(record.purpose, {
            "label": purpose.label.get(lang) if purpose else record.purpose,
            "description": purpose.description.get(lang) if purpose else "",
            "basis": exports.basis_words(str(purpose.basis))[lang] if purpose else "",
            "kinds": [], "retention": exports.retention_words(exports.rule_of(policy, record))[lang],
        })
        label = rt.label.get(lang) if rt else record.type
        if label not in row["kinds"]:
            row["kinds"].append(label)
    return list(out.values())


def consents(policy: Any, subject: Any, lang: str) -> list[dict[str, Any]]:
    """The subject's consents (never refusals' details): purpose, since when, withdrawn or not."""
    rows = []
    for consent in Consent.objects.filter(subject=subject).exclude(status=Consent.Status.REFUSED).order_by("given_at"):
        purpose = policy.purposes.get(consent.purpose)
        rows.append({"id": consent.pk, "purpose": purpose.label.get(lang) if purpose else consent.purpose,
                     "given_at": consent.given_at, "withdrawn_at": consent.withdrawn_at,
                     "active": consent.status in (Consent.Status.ACTIVE, Consent.Status.PENDING)})
    return rows


def breach_notices(subject: Any, lang: str) -> list[dict[str, Any]]:
    """The breach notices the person was given (by any channel), newest first: only their own, as sent."""
    en = lang == "en"
    rows = AffectedSubject.objects.filter(subject=subject, notified_at__isnull=False).order_by("-notified_at", "-id")
    shown = []
    for row in rows:
        notice = row.notice or {}
        shown.append({
            "id": row.pk, "notified_at": row.notified_at,
            "kind": (notice.get("kind_label_en") if en else None) or notice.get("kind_label", ""),
            "what_happened": notice.get("what_happened", ""),
            "your_data": [(d.get("label_en") if en else None) or d.get("label") or d.get("category", "")
                          for d in notice.get("your_data", [])],
            "consequences": notice.get("consequences", ""), "measures_taken": notice.get("measures_taken", ""),
            "measures_you_can_take": notice.get("measures_you_can_take", ""), "contact": notice.get("contact", ""),
            "authority": notice.get("authority", ""), "authority_url": notice.get("authority_url", ""),
        })
    return shown


@login_required(login_url=LOGIN_URL)
@require_http_methods(["GET", "POST"])
def home(request: HttpRequest) -> HttpResponse:
    citizen = _citizen(request)
    ctx = _context(request)
    if citizen is None:
        return HttpResponseForbidden(str(STAFF_ONLY_CITIZENS))
    policy = current()
    lang = get_language()
    purposes = [(pid, p.label.get(lang)) for pid, p in policy.purposes.items()]
    form = PortalRequestForm(request.POST or None, available=policy.rights.available, purposes=purposes)
    if request.method == "POST" and form.is_valid():
        try:
            req = actions.request_file(citizen, subject=citizen.subject, type=form.cleaned_data["type"],
                                       channel="portal", details=form.cleaned_data["details"],
                                       purpose=form.cleaned_data["purpose"])
        except Refused as exc:  # the citizen's group does not use the portal (`group_channel_not_offered`): audited
            return HttpResponse(str(exc.detail), status=403, content_type="text/plain; charset=utf-8")
        messages.success(request, gettext("Uw verzoek is ontvangen. Kenmerk: %(reference)s") % {"reference": req.pk})
        return redirect(f"{reverse('portal:home')}?lang={lang}")
    confirmable = confirms_in_portal(policy)
    rows = [{"id": r.pk, "type": word(REQUEST_TYPES, r.type), "received_at": r.received_at,
             "answered_at": r.answered_at, "answer": (r.answer or {}).get(lang, ""),
             "due_at": r.due_at, "status": word(STATUSES, r.status), "channel": r.channel,
             "confirm": confirmable and r.is_open and not r.identity_verified and r.type not in actions.NO_IDENTITY_NEEDED,
             "download": r.status in DOWNLOADABLE and r.type in delivery.FORMATS,
             "formats": delivery.formats_for(r.type)}
            for r in Request.objects.filter(subject=citizen.subject).order_by("-received_at")]
    return render(request, "portal/home.html", {**ctx, "held": held(policy, citizen.subject, lang),
                                                "requests": rows, "form": form,
                                                "downloads": [r for r in rows if r["download"]],
                                                "to_confirm": [r for r in rows if r["confirm"]],
                                                "consents": consents(policy, citizen.subject, lang),
                                                "breaches": breach_notices(citizen.subject, lang)})


@login_required(login_url=LOGIN_URL)
@require_http_methods(["POST"])
def withdraw(request: HttpRequest, pk: Any) -> HttpResponse:
    """Withdrawing is as easy as giving (art. 7(3) AVG): one button, effective at once."""
    citizen = _citizen(request)
    if citizen is None:
        return HttpResponseForbidden(str(STAFF_ONLY_CITIZENS))
    consent = get_object_or_404(Consent, pk=pk, subject_id=citizen.subject_id)  # never another person's consent
    consent_withdraw(citizen, consent, channel="portal")
    messages.success(request, gettext("Uw toestemming is ingetrokken."))
    return redirect(f"{reverse('portal:home')}?lang={get_language()}#consents")


@login_required(login_url=LOGIN_URL)
@require_http_methods(["POST"])
def confirm(request: HttpRequest, pk: Any) -> HttpResponse:
    """The citizen confirms a request registered for them: logged in, they have shown who they are."""
    citizen = _citizen(request)
    if citizen is None:
        return HttpResponseForbidden(str(STAFF_ONLY_CITIZENS))
    req = get_object_or_404(Request, pk=pk, subject_id=citizen.subject_id)  # never another person's request
    if not confirms_in_portal(current()):  # no button is offered; a forged POST is refused and audited
        text = gettext("Deze organisatie stelt uw identiteit op een andere manier vast dan via het portaal.")
        refusal = refused(citizen, "request.verify", "method_not_offered", text,
                          subject=req.subject_id, detail={"request": str(req.pk)})
        return HttpResponseForbidden(str(refusal.detail), content_type="text/plain; charset=utf-8")
    try:
        actions.identity_verify(citizen, req, method="portal_login")
    except DomainError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, gettext("Dank u. Uw verzoek is bevestigd."))
    return redirect(f"{reverse('portal:home')}?lang={get_language()}#requests")


@login_required(login_url=LOGIN_URL)
def download(request: HttpRequest, pk: Any) -> HttpResponse:
    """The citizen's own export, once staff have answered the request."""
    citizen = _citizen(request)
    if citizen is None:
        return HttpResponseForbidden(str(STAFF_ONLY_CITIZENS))
    req = get_object_or_404(Request, pk=pk, subject_id=citizen.subject_id)  # never another person's request
    try:
        return as_response(delivery.deliver_portal(citizen, req, fmt=request.GET.get("format") or "html",
                                                   lang=get_language()))
    except DomainError as exc:
        return HttpResponse(str(exc), status=status_of(exc), content_type="text/plain; charset=utf-8")


@require_http_methods(["GET", "POST"])
def contact(request: HttpRequest) -> HttpResponse:
    """Requests without an account (S1-24): the sender becomes a subject of their own; staff match it to the person
    and verify later. Offered only where the policy lists `contact_form`; elsewhere the page says which channels
    the organisation does take requests through. A security concern (S1-30) opens a possible breach instead, its
    72-hour clock running from receipt."""
    ctx = _context(request)
    policy = current()
    if not offers(policy, "contact_form"):
        return not_offered(request, "contact_form.request") if request.method == "POST" else channels_page(
            request, gettext("Deze organisatie neemt privacyverzoeken niet via een formulier op deze website aan."))
    form = ContactForm(request.POST or None, available=policy.rights.available)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if data["type"] == SECURITY_CONCERN:
            breach = breach_report_suspicion(description=data["details"], reporter_name=data["name"],
                                             reporter_contact=data["email"])
            return render(request, "portal/contact_done.html", {**ctx, "reference": breach.pk, "breach": True})
        subject = subject_create("system:contact_form")
        req = actions.request_file(None, subject=subject, type=data["type"], channel="contact_form",
                                   details=data["details"],
                                   requester=Requester(kind="subject", name=data["name"], contact=data["email"]))
        return render(request, "portal/contact_done.html", {**ctx, "reference": req.pk, "due_at": req.due_at})
    return render(request, "portal/contact.html", {**ctx, "form": form})
