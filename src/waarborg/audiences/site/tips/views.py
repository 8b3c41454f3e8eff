"""The public tip page (/tip/): an anonymous form built from the policy's tip record type.

The form asks exactly the fields the record type declares (minimal data), in the reader's language
(`audiences.web.language`), with the purpose in the statement's words, how long the tip is kept and a link to the
privacy statement at the point of collection. It stores through `actions.tip_receive`, the same action the
helpdesk's API call uses; a field the vault refuses is shown at its field with everything typed kept.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language, gettext
from django.views.decorators.http import require_http_methods

from waarborg.core.errors import Invalid, Refused
from waarborg.engine.policy.active import current
from waarborg.engine.policy.schema import FieldType, LegalBasis, Policy
from waarborg.engine.vault.access import ensure_logged
from waarborg.modules.tips import actions


def _widget(kind: FieldType) -> forms.Widget:
    if kind is FieldType.LONGTEXT:
        return forms.Textarea(attrs={"rows": 6})
    if kind is FieldType.EMAIL:
        return forms.EmailInput(attrs={"autocomplete": "email"})
    if kind is FieldType.PHONE:
        return forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"})
    return forms.TextInput()


def tip_form_class(form: actions.TipForm, lang: str) -> type[forms.Form]:
    """A form with one field per field of the tip record type, labelled in the policy's words."""
    fields: dict[str, forms.Field] = {}
    for name, spec in form.spec.fields.items():
        label = spec.label.get(lang) if spec.label else name
        if not spec.required:
            label = gettext("%(label)s (niet verplicht)") % {"label": label}
        fields[name] = forms.CharField(label=label, required=spec.required, max_length=spec.max_length,
                                       widget=_widget(spec.type),
                                       error_messages={"required": gettext("Vul dit in.")})
    return type("TipPageForm", (forms.Form,), fields)


def _context(request: HttpRequest, policy: Policy, form: actions.TipForm) -> dict[str, Any]:
    lang = get_language()
    purpose = policy.purposes[form.purpose]
    rule = policy.retention[form.spec.retention]
    if rule.period and rule.start == "collected" and rule.until is None:
        kept = gettext("Wij bewaren uw tip en uw e-mailadres maximaal %(period)s; daarna verwijderen wij ze.") % {
            "period": rule.period.words(lang)}
    else:  # a clock that waits for something: the rule's own words
        kept = rule.label.get(lang) if rule.label else ""
    return {"organisation": policy.organisation,
            "about": purpose.description.get(lang), "consent_based": purpose.basis is LegalBasis.CONSENT,
            "kept": kept, "purpose_id": form.purpose}


@require_http_methods(["GET", "POST"])
def tip(request: HttpRequest) -> HttpResponse:
    policy = current()
    form_spec = actions.tip_form(policy)
    if form_spec is None:
        raise Http404("the active policy has no tip form")
    ctx = _context(request, policy, form_spec)
    page_form = tip_form_class(form_spec, get_language())(request.POST or None)
    if request.method == "GET":
        return render(request, "tips/tip.html", {**ctx, "form": page_form})
    if not page_form.is_valid():
        return render(request, "tips/tip.html", {**ctx, "form": page_form}, status=422)
    try:
        record = actions.tip_receive(actions.PAGE_ACTOR, policy, form_spec, page_form.cleaned_data, channel="website")
    except Invalid as exc:  # the vault's own checks (e.g. an e-mail address it cannot use)
        for name, problems in exc.errors.items():
            field = name.removeprefix("data.")
            for problem in problems:
                page_form.add_error(field if field in page_form.fields else None, problem)
        return render(request, "tips/tip.html", {**ctx, "form": page_form}, status=422)
    except Refused as exc:
        ensure_logged(exc)
        page_form.add_error(None, str(exc.detail))
        return render(request, "tips/tip.html", {**ctx, "form": page_form}, status=403)
    with_email = any(spec.type is FieldType.EMAIL and page_form.cleaned_data.get(name)
                     for name, spec in form_spec.spec.fields.items())
    return render(request, "tips/sent.html", {**ctx, "reference": record.pk, "expires_at": record.expires_at,
                                              "with_email": with_email}, status=201)
