"""The day's work in the back office: the start page per role, the search for a person, the assessor's queue
with its decision buttons, matching a contact-form request to its subject, and the privacy officer's charts
and accountability report (PDF).

Pages parse and render only: what waits is asked of `engine.oversight.dayswork`, the search of
`engine.vault.search`, the queue of `engine.decisions.queue`, the figures of `engine.oversight`; every step
is an action of the engine (`decision_set`, `flag_raise`, `flag_clear`, `request_match`), whose refusals
come back as the 403 page, on record.
"""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language, gettext
from django.views.decorators.http import require_GET, require_POST

from waarborg.audiences.backoffice.landing import pages_for
from waarborg.audiences.backoffice.views import LOGIN_URL, handler_only, refused_page, staff_page
from waarborg.audiences.backoffice.views_twofactor import status as second_factor_status
from waarborg.audiences.web.downloads import as_response
from waarborg.core.errors import Conflict, DomainError, Invalid, Refused
from waarborg.engine.audit.refusals import refused
from waarborg.engine.decisions import actions as decisions
from waarborg.engine.decisions.models import Decision, Flag
from waarborg.engine.decisions.queue import decides, queue
from waarborg.engine.oversight import dayswork, figures, report
from waarborg.engine.policy.active import current
from waarborg.engine.rights.delivery import Export
from waarborg.engine.rights.matching import request_match
from waarborg.engine.rights.models import Request
from waarborg.engine.vault.models import Record
from waarborg.engine.vault.search import subjects_search


def home(request: HttpRequest) -> HttpResponse:
    if not request.user.is_authenticated:
        return redirect(f"{LOGIN_URL}?next={request.path}")
    policy = current()
    day = dayswork.for_user(request.user, policy) if getattr(request.user, "kind", "") == "staff" else None
    lang = get_language()
    rules = {r: policy.rule_words(r, lang) for r in policy.retention}
    return render(request, "backoffice/home.html", {
        "pages": pages_for(request.user), "organisation": policy.organisation, "day": day,
        "sweep": sorted(((rules.get(r, r), n) for r, n in (day.sweep or {}).items()), key=lambda p: -p[1])
        if day else [], "second_factor": second_factor_status(request.user)})


# --- Zoeken: a person by name, external number or BSN --------------------------------------------------

def _staff(user: Any, action: str, kwargs: dict[str, Any]) -> None:
    if getattr(user, "kind", "") != "staff":
        raise refused(user, action, "role_not_granted", "De backoffice is voor medewerkers. / The back office is for "
                                                        "staff.")


staff_only = staff_page(_staff)


@require_GET
@staff_only
def search(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()
    result, problem = None, ""
    if query:
        try:
            result = subjects_search(request.user, query)
        except Refused as exc:
            return refused_page(request, exc)
        except Invalid as exc:
            problem = " ".join(m for msgs in exc.errors.values() for m in msgs)
    return render(request, "backoffice/search.html", {"query": query, "result": result, "problem": problem})


# --- Beoordelen: the assessor's queue ------------------------------------------------------------------

def _decider(user: Any, action: str, kwargs: dict[str, Any]) -> None:
    if not decides(user, current()):
        raise refused(user, action, "role_not_granted", "Uw rol beslist niet over aanvragen. / Your role decides on "
                                                        "no applications.")


decider_only = staff_page(_decider)


@require_GET
@decider_only
def assessments(request: HttpRequest) -> HttpResponse:
    policy = current()
    lang = get_language()
    cases, total = queue(request.user, policy)
    labels = {p: spec.label.get(lang) for p, spec in policy.purposes.items()}
    types = {t: spec.label.get(lang) for t, spec in policy.record_types.items()}
    return render(request, "backoffice/assessments.html", {
        "cases": [{"case": c, "purpose": labels.get(c.record.purpose, c.record.purpose),
                   "type": types.get(c.record.type, c.record.type)} for c in cases],
        "total": total, "kinds": Flag.Kind.choices, "outcomes": Decision.Outcome.choices})


def _case_step(request: HttpRequest, pk: Any, run: Any, done: str) -> HttpResponse:
    record = get_object_or_404(Record, pk=pk)
    try:
        run(record)
    except Refused as exc:
        return refused_page(request, exc)
    except Invalid as exc:
        messages.error(request, "; ".join(f"{' '.join(v)}" for v in exc.errors.values()))
    except DomainError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, done)
    return redirect("backoffice:assessments")


@require_POST
@decider_only
def decide(request: HttpRequest, pk: Any) -> HttpResponse:
    outcome, reasoning = request.POST.get("outcome", ""), request.POST.get("reasoning", "")
    return _case_step(request, pk, lambda r: decisions.decision_set(request.user, r, outcome=outcome,
                                                                    reasoning=reasoning),
                      gettext("De beslissing is vastgelegd."))


@require_POST
@decider_only
def flag(request: HttpRequest, pk: Any) -> HttpResponse:
    kind, reason = request.POST.get("kind", ""), request.POST.get("reason", "")
    return _case_step(request, pk, lambda r: decisions.flag_raise(request.user, r, kind=kind, reason=reason),
                      gettext("De signalering is vastgelegd; een collega beoordeelt haar."))


@require_POST
@decider_only
def flag_clear(request: HttpRequest, pk: Any) -> HttpResponse:
    found = get_object_or_404(Flag, pk=pk)
    reasoning = request.POST.get("reasoning", "")
    return _case_step(request, found.record_id,
                      lambda r: decisions.flag_clear(request.user, found, reasoning=reasoning),
                      gettext("De signalering is opgeheven."))


# --- Koppelen: a contact-form request to the subject it is about ----------------------------------------

def _subject_ref(user: Any, ref: str) -> Any:
    """The subject id typed, or the one subject the number or BSN finds (audited as a look-up)."""
    try:
        return uuid.UUID(ref)
    except ValueError:
        pass
    found = subjects_search(user, ref) if ref else None
    if found is None or found.by == "name":
        raise Invalid({"subject": [gettext("Geef het nummer, het externe nummer of het BSN van de betrokkene.")]})
    if len(found.found) != 1:
        raise Invalid({"subject": [gettext("Geen betrokkene gevonden met dit nummer of BSN.")]})
    return found.found[0].subject.pk


@require_POST
@handler_only
def match(request: HttpRequest, pk: Any) -> HttpResponse:
    """The subject by its id, external number or BSN (looked up as `GET subjects?bsn=` does, audited)."""
    req = get_object_or_404(Request, pk=pk)
    ref = request.POST.get("subject", "").strip()
    try:
        target = _subject_ref(request.user, ref)
        request_match(request.user, req, subject_id=target)
    except Refused as exc:
        return refused_page(request, exc, req)
    except Invalid as exc:
        messages.error(request, "; ".join(f"{' '.join(v)}" for v in exc.errors.values()))
    except (Conflict, DomainError) as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, gettext("Het verzoek is gekoppeld aan de betrokkene."))
    return redirect("backoffice:request", pk=pk)


# --- Verantwoording: the privacy officer's charts and report -------------------------------------------

def _officer(user: Any, action: str, kwargs: dict[str, Any]) -> None:
    report.require_officer(user, current(), action)


officer_only = staff_page(_officer)


def _period(request: HttpRequest) -> tuple[date, date, str]:
    start, end = figures.default_period()
    try:
        if request.GET.get("van"):
            start = date.fromisoformat(request.GET["van"])
        if request.GET.get("tot"):
            end = date.fromisoformat(request.GET["tot"])
    except ValueError:
        return (*figures.default_period(), gettext("Geef een datum als 2027-01-31."))
    if end <= start:
        return (*figures.default_period(), gettext("De einddatum ligt na de begindatum."))
    return start, end, ""


@require_GET
@officer_only
def accountability(request: HttpRequest) -> HttpResponse:
    start, end, problem = _period(request)
    fig = report.accountability(request.user, start, end, lang=get_language(), fmt="html")
    return render(request, "backoffice/accountability.html", {
        "figures": fig, "charts": report.charts_of(fig), "start": start, "end": end, "problem": problem,
        "overdue_requests": sum(m.open_late for m in fig.months)})


@require_GET
@officer_only
def accountability_pdf(request: HttpRequest) -> HttpResponse:
    start, end, _ = _period(request)
    lang = "en" if get_language() == "en" else "nl"
    try:
        content = report.pdf(request.user, start, end, lang=lang)
    except DomainError as exc:
        messages.error(request, str(exc))
        return redirect("backoffice:accountability")
    return as_response(Export(content, "application/pdf", f"verantwoording-{start}-{end}.pdf", "pdf"))
