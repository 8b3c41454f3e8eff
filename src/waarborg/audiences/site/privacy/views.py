"""Public pages generated from the policy: statement (nl/en), version history, register."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from waarborg.engine.policy.active import NoActivePolicy, current, scheduled
from waarborg.engine.policy.loader import load_text
from waarborg.engine.policy.models import PolicyVersion
from waarborg.engine.policy.render.register import CONTENT_TYPES, render_register
from waarborg.engine.policy.render.statement import Notice, render_statement


def statement(request: HttpRequest, number: int | None = None) -> HttpResponse:
    lang = get_language()
    notice = None
    if number is None:
        try:
            policy = current()
        except NoActivePolicy as exc:
            raise Http404("no policy active") from exc
        coming = scheduled()  # asked after `current()`, which makes a version that is due current first
        if coming is not None and coming.effective_at is not None:
            notice = Notice("coming", timezone.localtime(coming.effective_at).date(),
                            f"{reverse('privacy-statement-version', args=[coming.number])}?lang={lang}")
    else:
        row = PolicyVersion.objects.filter(number=number).first()
        if row is None:
            raise Http404("no such version")
        policy = load_text(row.source, row.filename).policy
        if row.scheduled and row.effective_at is not None:
            notice = Notice("future", timezone.localtime(row.effective_at).date(),
                            f"{reverse('privacy-statement')}?lang={lang}")
    # The same HTML as `waarborg render statement`, inside the site's page (its look, header and footer).
    body = render_statement(policy, lang=lang, fmt="body", notice=notice)
    return render(request, "site/statement.html", {"body": mark_safe(body),  # noqa: S308 - escaped by its template
                                                   "title": f"{policy.organisation.name}"})


def versions(request: HttpRequest) -> HttpResponse:
    rows = PolicyVersion.objects.order_by("-number")
    return render(request, "policy/versions.html", {"versions": rows})


def register(request: HttpRequest, fmt: str) -> HttpResponse:
    if fmt not in CONTENT_TYPES:
        raise Http404("unknown format")
    try:
        policy = current()
    except NoActivePolicy as exc:
        raise Http404("no policy active") from exc
    return HttpResponse(render_register(policy, fmt=fmt), content_type=CONTENT_TYPES[fmt])


def home(request: HttpRequest) -> HttpResponse:
    """`/`: the organisation's start page: its name, and the way to the statement, the portal and the back office."""
    try:
        organisation = current().organisation
    except NoActivePolicy as exc:
        raise Http404("no policy active") from exc
    lang = get_language()
    return render(request, "policy/home.html", {"organisation": organisation, "description":
                                                organisation.description.get(lang) if organisation.description else ""})
