"""Holds and extensions in the back office, for whoever manages retention (privacy officer, `manages: retention`).

"Bewaarplichten" lists the holds in force (those past their review date first and marked "te herzien"), with a
form to place one on a subject, a record or a whole purpose, and a button to release each. "Bewaartermijn van
een gegeven" shows one record's clock in words (nl and en, nothing from its content) with the button to record an
extension on the client's request. Every change goes through `retention.holds` and `retention.adjustments`, as
the API and the CLI do, so the pages refuse what they refuse; problems come back as messages. Anyone else is
refused (403) and the refusal is audited.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.html import strip_tags
from django.utils.translation import get_language, gettext, pgettext
from django.views.decorators.http import require_GET, require_POST

from waarborg.audiences.backoffice.hold_words import hold_row, scope_words
from waarborg.audiences.backoffice.views import retention_manager_only
from waarborg.core.errors import DomainError, Invalid
from waarborg.engine.caseloads.actions import find_subject
from waarborg.engine.policy.active import active
from waarborg.engine.retention.adjustments import record_extend
from waarborg.engine.retention.clock import day_start
from waarborg.engine.retention.holds import hold_place, hold_release, holds_list, review_due
from waarborg.engine.retention.models import Adjustment, Hold
from waarborg.engine.retention.reading import clock_read
from waarborg.engine.vault.models import Record

KINDS = [(k, label) for k, label in Hold.Reason.choices if k != Hold.Reason.RIGHTS_REQUEST]


def _change(request: HttpRequest, step: Callable[[], str], then: str, **kwargs: Any) -> HttpResponse:
    try:
        done = step()
    except Invalid as exc:
        messages.error(request, "; ".join(f"{field}: {' '.join(msgs)}" for field, msgs in exc.errors.items()))
    except DomainError as exc:  # a refusal (already audited) or a conflict
        messages.error(request, str(exc))
    else:
        messages.success(request, done)
    return redirect(then, **kwargs)


def _day(text: str, field: str) -> Any:
    if not text.strip():
        return None
    try:
        return day_start(date.fromisoformat(text.strip()))
    except ValueError:
        raise Invalid({field: [gettext("Geef een datum als 2027-06-01.")]}) from None


@require_GET
@retention_manager_only
def holds(request: HttpRequest) -> HttpResponse:
    policy = active().policy
    due_only = request.GET.get("te_herzien") == "1"
    rows = [{**hold_row(h, policy, get_language()), "due": review_due(h)} for h in holds_list(review_due_only=due_only)]
    rows.sort(key=lambda r: not r["due"])  # to review first, then oldest first
    purposes = [{"id": p, "label": spec.label.get(get_language())} for p, spec in policy.purposes.items()]
    return render(request, "backoffice/holds.html", {"rows": rows, "kinds": KINDS, "purposes": purposes,
                                                     "due_only": due_only,
                                                     "ref": (request.GET.get("gegeven") or request.GET.get("client", ""))[:64],
                                                     "target": "record" if request.GET.get("gegeven") else "subject"})


@require_POST
@retention_manager_only
def hold_add(request: HttpRequest) -> HttpResponse:
    def step() -> str:
        target, ref = request.POST.get("target", ""), request.POST.get("ref", "").strip()
        subject = record = None
        purpose = ""
        if target == "subject":
            subject = find_subject(ref)
            if subject is None:
                raise Invalid({"subject": [gettext("Geen cliënt met dit kenmerk of nummer.")]})
        elif target == "record":
            record = Record.objects.filter(pk=ref, anonymised_at__isnull=True).first() if _uuid(ref) else None
            if record is None:
                raise Invalid({"record": [gettext("Geen gegeven met dit nummer.")]})
        else:
            purpose = request.POST.get("purpose", "")
        hold = hold_place(request.user, reason=request.POST.get("kind", Hold.Reason.ORGANISATION),
                          justification=request.POST.get("reason", ""), subject=subject, record=record,
                          purpose=purpose, review_at=_day(request.POST.get("review_at", ""), "review_at"),
                          until=_day(request.POST.get("until", ""), "until"))
        scope = strip_tags(scope_words(hold, active().policy, get_language()))  # a message is plain text
        return gettext("Bewaarplicht %(number)s opgelegd: %(scope)s.") % {"number": hold.pk, "scope": scope}

    return _change(request, step, "backoffice:holds")


def _uuid(text: str) -> bool:
    import uuid

    try:
        uuid.UUID(text)
    except ValueError:
        return False
    return True


@require_POST
@retention_manager_only
def hold_end(request: HttpRequest, pk: int) -> HttpResponse:
    hold = get_object_or_404(Hold, pk=pk)

    def step() -> str:
        hold_release(request.user, hold)
        return gettext("Bewaarplicht %(number)s opgeheven.") % {"number": hold.pk}

    return _change(request, step, "backoffice:holds")


@require_GET
@retention_manager_only
def record_retention(request: HttpRequest, pk: Any) -> HttpResponse:
    """One record's clock in words, and the extension button (no content of the record is shown)."""
    record = get_object_or_404(Record, pk=pk)
    clock = clock_read(request.user, record, via="backoffice")
    rule = clock.rule
    return render(request, "backoffice/record_retention.html", {
        "record": record, "rule_id": clock.rule_id, "rule": rule, "expires_at": record.expires_at,
        "nl": clock.explanation("nl"), "en": clock.explanation("en"), "extendable": rule.extension is not None,
        "extension_words": _extension_words(rule),
        "bases": Adjustment.Basis.choices, "anonymised": record.anonymised_at is not None,
        "holds": [h for h in holds_list() if h.record_id == record.pk or h.subject_id == record.subject_id
                  or h.purpose == record.purpose]})


def _extension_words(rule: Any) -> str:
    """What the rule allows, in the page's language (its periods too)."""
    if rule.extension is None:
        return ""
    lang = get_language()
    values = {"times": rule.extension.times, "by": rule.extension.by.words(lang)}
    if rule.ceiling:
        return gettext("De regel staat %(times)s verlenging(en) van %(by)s toe, nooit voorbij %(ceiling)s na de "
                       "start.") % {**values, "ceiling": rule.ceiling.words(lang)}
    return gettext("De regel staat %(times)s verlenging(en) van %(by)s toe.") % values


@require_POST
@retention_manager_only
def record_extension(request: HttpRequest, pk: Any) -> HttpResponse:
    record = get_object_or_404(Record, pk=pk)

    def step() -> str:
        extended = record_extend(request.user, record, reason=request.POST.get("reason", ""),
                                 basis=request.POST.get("basis") or None)
        until = f"{extended.expires_at:%d-%m-%Y}" if extended.expires_at else pgettext("no end date yet", "open")
        return gettext("Verlengd; bewaren tot %(until)s.") % {"until": until}

    return _change(request, step, "backoffice:record_retention", pk=record.pk)
