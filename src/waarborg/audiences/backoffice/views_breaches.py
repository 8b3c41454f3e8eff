"""The breach register in the back office (datalekken): the privacy officer's 72-hour clock.

The register lists open breaches first, running clocks by their AP deadline, with the time left or
"te laat" (overdue); it shows no descriptions, reporters or people, only kinds, counts and dates.
One breach's page shows what the API shows (description, categories, counts, the append-only trail,
the AP notifications) and offers its steps as forms. Every change goes through
`waarborg.engine.breaches.actions`, parsed by the API's own serializers, so page and API refuse the same
things; problems come back as messages. Reading a breach page is audited (it holds free text).

Who gets in is what the breach API allows (`waarborg.engine.breaches.permissions`): the privacy officer, a role
that manages breaches, and the DPO (read only). Anyone else is refused, and the refusal audited.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from django.contrib import messages
from django.db.models import Count, Q, Sum
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import get_language, gettext, gettext_lazy, pgettext_lazy
from django.views.decorators.http import require_GET, require_POST

from waarborg.audiences.api.breaches import serializers
from waarborg.audiences.backoffice.views import staff_page
from waarborg.core.errors import DomainError, Invalid
from waarborg.core.times import rfc3339
from waarborg.engine.breaches import actions, clock, exports, reading
from waarborg.engine.breaches.models import Breach, Kind, Risk, Status
from waarborg.engine.breaches.selection import Selection
from waarborg.engine.policy.active import current
from waarborg.engine.policy.schema import Policy

DATETIME_LOCAL = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?")  # <input type="datetime-local">
RUNNING = ("due", "warning", "overdue")  # clock states in which the AP still has to be notified
EVENTS = {
    "create": pgettext_lazy("breach trail", "Geregistreerd"),
    "reported": pgettext_lazy("breach trail", "Gemeld via het formulier"),
    "assess": pgettext_lazy("breach trail", "Beoordeeld"),
    "subjects_added": pgettext_lazy("breach trail", "Betrokkenen gezocht"),
    "authority_initial": pgettext_lazy("breach trail", "Gemeld aan de AP"),
    "authority_supplement": pgettext_lazy("breach trail", "Aanvullende melding aan de AP"),
    "subject_notified": pgettext_lazy("breach trail", "Betrokkene geïnformeerd"),
    "close": pgettext_lazy("breach trail", "Afgesloten"),
    "close_reasoning": pgettext_lazy("breach trail", "Motivering bij afsluiten"),
    "note": pgettext_lazy("breach trail", "Notitie"),
}
FORM_SECTIONS = {
    "report": gettext_lazy("0. Over deze melding"),
    "organisation": gettext_lazy("1. Organisatie"),
    "timeline": gettext_lazy("2. Tijdlijn"),
    "breach": gettext_lazy("3. Het datalek"),
    "personal_data": gettext_lazy("4. Persoonsgegevens"),
    "people": gettext_lazy("5. Betrokkenen"),
    "prior_measures": gettext_lazy("6. Maatregelen vooraf"),
    "consequences": gettext_lazy("7. Gevolgen"),
    "follow_up": gettext_lazy("8. Vervolg"),
}
TEXT_FIELDS = ("cause", "consequences", "prior_measures", "measures_taken", "measures_subject_can_take",
               "follow_up")


def _viewer(user: Any, action: str, kwargs: dict[str, Any]) -> None:
    actions.require_viewer(user, action, current())


def _manager(user: Any, action: str, kwargs: dict[str, Any]) -> None:
    actions.require_manager(user, action, current())


breach_viewer_only = staff_page(_viewer)  # privacy officer, `manages: breaches`, DPO
breach_manager_only = staff_page(_manager)  # the same without the read-only DPO


def _duration(delta: timedelta) -> dict[str, str]:
    """Hours and minutes: a 72-hour clock reads best in hours."""
    minutes = max(int(delta.total_seconds() // 60), 0)
    return {"h": str(minutes // 60), "m": f"{minutes % 60:02d}"}


def _row(breach: Any, policy: Policy, now: datetime) -> dict[str, Any]:
    state = clock.state(breach, policy, now)
    return {"breach": breach, "state": state, "overdue": state == "overdue",
            "left": _duration(breach.authority_due_at - now) if state in ("due", "warning") else None,
            "late_by": _duration(now - breach.authority_due_at) if state == "overdue" else None,
            "notified_late": state == "notified_late", "must_tell": actions.must_tell(breach, policy),
            "people": breach.people, "told": breach.told}


def _with_counts(breaches: Any) -> Any:
    return breaches.annotate(people=Count("affected"),
                             told=Count("affected", filter=Q(affected__notified_at__isnull=False)))


@require_GET
@breach_viewer_only
def breaches(request: HttpRequest) -> HttpResponse:
    """Open breaches first (running clocks by deadline, overdue on top); `?alle=1` adds the closed ones."""
    policy, now = current(), timezone.now()
    show_all = request.GET.get("alle") == "1"
    rows = _with_counts(Breach.objects.all() if show_all else Breach.objects.exclude(status=Status.CLOSED))
    items = [_row(b, policy, now) for b in rows]
    # open before closed; among open ones a running clock before a stopped one, the earliest deadline first;
    # closed ones the most recent first
    open_ = sorted((i for i in items if i["breach"].status != Status.CLOSED),
                   key=lambda i: (i["state"] not in RUNNING, i["breach"].authority_due_at, i["breach"].created_at))
    closed = sorted((i for i in items if i["breach"].status == Status.CLOSED),
                    key=lambda i: i["breach"].aware_at, reverse=True)
    items = open_ + closed
    return render(request, "backoffice/breaches.html", {
        "items": items, "show_all": show_all, "overdue": sum(1 for i in items if i["overdue"]),
        "can_manage": policy.manages(request.user, "breaches"), "kinds": Kind.choices,
        "categories": _categories(policy), "deadline": policy.breaches.authority_deadline.words(get_language())})


def _categories(policy: Policy, chosen: Any = ()) -> list[dict[str, Any]]:
    lang = get_language()
    return [{"id": c, "label": spec.label.get(lang), "special": spec.special, "chosen": c in chosen}
            for c, spec in policy.categories.items()]


def _plain(value: Any) -> str:
    """A trail or form value as text: lists joined, small objects as their values."""
    if isinstance(value, dict):
        return ", ".join(_plain(v) for v in value.values() if v not in (None, ""))
    if isinstance(value, list | tuple):
        return "; ".join(_plain(v) for v in value)
    if isinstance(value, bool):
        return gettext("ja") if value else gettext("nee")
    return "" if value is None else str(value)


@require_GET
@breach_viewer_only
def breach(request: HttpRequest, pk: Any) -> HttpResponse:
    policy, now = current(), timezone.now()
    # the description and the trail may hold personal data: reading is on record
    found = reading.breach_read(request.user, get_object_or_404(_with_counts(Breach.objects.all()), pk=pk),
                                via="backoffice")
    records = found.record_count if found.record_count is not None else (
        found.affected.aggregate(n=Sum("record_count"))["n"] or 0)
    trail = [{"entry": e, "event": str(EVENTS.get(e.event, e.event)),
              "detail": [(k, _plain(v)) for k, v in e.detail.items()]} for e in found.trail.order_by("at", "id")]
    notifications = [{"n": n, "late": n.at > found.authority_due_at}
                     for n in found.authority_notifications.select_related("by")]
    return render(request, "backoffice/breach.html", {
        **_row(found, policy, now), "records": records, "trail": trail, "notifications": notifications,
        "categories": [c for c in _categories(policy, found.categories) if c["chosen"]],
        "unknown_categories": [c for c in found.categories if c not in policy.categories],
        "can_manage": policy.manages(request.user, "breaches") and found.status != Status.CLOSED,
        "can_note": policy.manages(request.user, "breaches"), "has_initial": found.authority_notified_at is not None,
        "form": _assessment_form(found, policy), "risks": Risk.choices, "kinds": Kind.choices,
        "natures": actions.NATURES, "channels": actions.NOTICE_CHANNELS,
        "purposes": [(p, spec.label.get(get_language())) for p, spec in policy.purposes.items()],
        "record_types": [(t, spec.label.get(get_language())) for t, spec in policy.record_types.items()]})


def _local(moment: datetime | None) -> str:
    """A moment as a datetime-local input value (the organisation's time zone, to the minute)."""
    return timezone.localtime(moment).strftime("%Y-%m-%dT%H:%M") if moment else ""


def _assessment_form(found: Breach, policy: Policy) -> dict[str, Any]:
    return {"categories": _categories(policy, found.categories), "started_at": _local(found.started_at),
            "ended_at": _local(found.ended_at),
            "encrypted": "" if found.encrypted is None else ("yes" if found.encrypted else "no")}


@require_GET
@breach_viewer_only
def breach_form(request: HttpRequest, pk: Any) -> HttpResponse:
    """The AP meldformulier, section by section, to copy into the meldloket (JSON: the API's export)."""
    policy = current()
    found = reading.authority_form_read(request.user, get_object_or_404(Breach, pk=pk), via="backoffice",
                                        format="html")
    form = exports.authority_form(found, policy, local=True)  # to copy into the meldloket: Dutch clock
    sections = [(str(FORM_SECTIONS.get(name, name)), _fields(values)) for name, values in form.items()]
    return render(request, "backoffice/breach_form.html", {"breach": found, "sections": sections})


def _fields(values: dict[str, Any], prefix: str = "") -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for key, value in values.items():
        if isinstance(value, dict):
            out.extend(_fields(value, f"{prefix}{key}."))
        else:
            out.append((f"{prefix}{key}", _plain(value)))
    return out


# --- Changes: each through the action layer; problems become messages -----------------------------------

def _problems(errors: Any) -> str:
    if isinstance(errors, dict):
        return "; ".join(f"{k}: {' '.join(str(m) for m in (v if isinstance(v, list) else [v]))}"
                         for k, v in errors.items())
    return " ".join(str(m) for m in errors) if isinstance(errors, list) else str(errors)


def _parsed(serializer_class: type[Any], data: dict[str, Any]) -> dict[str, Any]:
    """The form read by the API's serializer (one set of rules for both doors); its problems as `Invalid`."""
    body = serializer_class(data=data)
    if not body.is_valid():
        raise Invalid(dict(body.errors))
    return dict(body.validated_data)


def _act(request: HttpRequest, pk: Any, run: Callable[[Breach], Any], done: Callable[[Any], str]) -> HttpResponse:
    found = get_object_or_404(Breach, pk=pk)
    try:
        outcome = run(found)
    except Invalid as exc:
        messages.error(request, _problems(exc.errors))
    except DomainError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, done(outcome))
    return redirect("backoffice:breach", pk=pk)


def _filled(post: Any, *names: str) -> dict[str, str]:
    """Only the fields given: an empty date or number means "not given", as a missing JSON key does. A
    browser's date-time field sends Dutch clock time without an offset: it gets Amsterdam's, so the
    API's serializers (RFC 3339 with an offset only) read the moment the person meant."""
    return {name: _with_offset(post[name].strip()) for name in names if post.get(name, "").strip()}


def _with_offset(value: str) -> str:
    if not DATETIME_LOCAL.fullmatch(value):
        return value
    try:
        return rfc3339(timezone.make_aware(datetime.fromisoformat(value)))
    except ValueError:
        return value  # the serializer names the problem


@require_POST
@breach_manager_only
def breach_create(request: HttpRequest) -> HttpResponse:
    post = request.POST
    try:
        data = _parsed(serializers.BreachCreate, {
            **_filled(post, "aware_at", "kind"), "description": post.get("description", ""),
            "categories": post.getlist("categories")})
        found = actions.breach_register(request.user, **data)
    except Invalid as exc:
        messages.error(request, _problems(exc.errors))
    else:
        messages.success(request, gettext("Het datalek is geregistreerd; de klok loopt."))
        return redirect("backoffice:breach", pk=found.pk)
    return redirect("backoffice:breaches")


def _changed(found: Breach, data: dict[str, Any]) -> dict[str, Any]:
    """Leave out what the prefilled form sent back unchanged, so the trail names only real changes."""
    def same(name: str, value: Any) -> bool:
        old = getattr(found, name)
        if isinstance(value, datetime) and isinstance(old, datetime):
            return value.replace(second=0, microsecond=0) == old.replace(second=0, microsecond=0)
        if name in ("nature", "categories"):
            return sorted(value) == sorted(old)
        return bool(value == old)

    return {k: v for k, v in data.items() if k == "risk" or not same(k, v)}


@require_POST
@breach_manager_only
def breach_assess(request: HttpRequest, pk: Any) -> HttpResponse:
    post = request.POST
    encrypted = {"yes": True, "no": False}.get(post.get("encrypted", ""))

    def run(found: Breach) -> Any:
        data = _parsed(serializers.Assessment, {
            **{name: post.get(name, "") for name in TEXT_FIELDS}, "risk": post.get("risk", ""),
            "nature": post.getlist("nature"), "categories": post.getlist("categories"),
            "ongoing": post.get("ongoing") == "on",
            **_filled(post, "kind", "record_count", "started_at", "ended_at"),
            **({"encrypted": encrypted} if encrypted is not None else {})})
        return actions.breach_assess(request.user, found, **_changed(found, data))

    return _act(request, pk, run, lambda _: gettext("De beoordeling is vastgelegd."))


@require_POST
@breach_manager_only
def breach_subjects(request: HttpRequest, pk: Any) -> HttpResponse:
    post = request.POST

    def run(found: Breach) -> int:
        data = _parsed(serializers.SubjectQuery, {
            "categories": post.getlist("categories"), "purpose": post.get("purpose", ""),
            "record_type": post.get("record_type", ""), **_filled(post, "collected_from", "collected_until")})
        selection = Selection(categories=tuple(data["categories"]), purpose=data["purpose"],
                              record_type=data["record_type"], collected_from=data["collected_from"],
                              collected_until=data["collected_until"])
        return actions.breach_add_subjects(request.user, found, selection)

    return _act(request, pk, run, lambda added: gettext("%(count)s betrokkene(n) toegevoegd.") % {"count": added})


@require_POST
@breach_manager_only
def breach_notify_authority(request: HttpRequest, pk: Any) -> HttpResponse:
    post = request.POST

    def run(found: Breach) -> Any:
        data = _parsed(serializers.AuthorityNotificationIn, {
            "kind": post.get("kind", "initial"), "reference": post.get("reference", ""), **_filled(post, "at")})
        return actions.authority_notify(request.user, found, **data)

    def done(notification: Any) -> str:
        late = notification.at > notification.breach.authority_due_at
        if late:
            return gettext("De melding aan de AP is vastgelegd, na de termijn.")
        return gettext("De melding aan de AP is vastgelegd.")

    return _act(request, pk, run, done)


@require_POST
@breach_manager_only
def breach_notify_subjects(request: HttpRequest, pk: Any) -> HttpResponse:
    channel = request.POST.get("channel", "portal")
    def done(run: Any) -> str:
        if run.shortfall():
            messages.warning(request, run.shortfall())
        return gettext("%(count)s betrokkene(n) geïnformeerd.") % {"count": run.sent}

    return _act(request, pk, lambda found: actions.subject_notices_send(request.user, found, channel=channel), done)


@require_POST
@breach_manager_only
def breach_close(request: HttpRequest, pk: Any) -> HttpResponse:
    reasoning = request.POST.get("reasoning", "")
    return _act(request, pk, lambda found: actions.breach_close(request.user, found, reasoning=reasoning),
                lambda _: gettext("Het datalek is afgesloten."))


@require_POST
@breach_manager_only
def breach_note(request: HttpRequest, pk: Any) -> HttpResponse:
    def run(found: Breach) -> Any:
        text = _parsed(serializers.Note, {"text": request.POST.get("text", "")})["text"]
        return actions.breach_note(request.user, found, text)

    return _act(request, pk, run, lambda _: gettext("De notitie staat in het verloop."))
