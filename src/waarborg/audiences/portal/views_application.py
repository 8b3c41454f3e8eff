"""The application form (S0-13): a first application creates the citizen's account; a later one, by
the logged-in citizen, comes pre-filled from what is stored and creates no second account.

The form is built from the policy's record type (the first one with `creates_account`), minus the
fields staff decide (the assessor sets the status: S0-40). Values are checked by the vault's own
validation; its errors are shown next to the fields. The portal acts as `system:portal`: the citizen
supplies their own data through it, the vault audits each write and each read for pre-filling.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import get_language
from django.views.decorators.http import require_http_methods

from waarborg.audiences.portal.texts import FIELD_LABELS, word
from waarborg.audiences.portal.views import _citizen, _context
from waarborg.core.errors import Invalid
from waarborg.engine.citizens.accounts import SYSTEM
from waarborg.engine.policy.active import current
from waarborg.engine.policy.schema import FieldType, Policy, RecordType
from waarborg.engine.records.actions import record_create, record_read, subject_create
from waarborg.engine.vault.models import Record

STAFF_FIELDS = ("status",)  # decided by an assessor, never by the applicant (S0-40)


def application_type(policy: Policy) -> tuple[str, RecordType] | None:
    return next(((name, rt) for name, rt in policy.record_types.items() if rt.creates_account), None)


# The input each field type asks for (a date picker, an e-mail keyboard) and what a browser may fill in for the
# applicant (WCAG 2.1 1.3.5, identify input purpose): by type, else by the field's usual name.
_INPUT_TYPE = {FieldType.EMAIL: "email", FieldType.DATE: "date", FieldType.DATETIME: "datetime-local",
               FieldType.PHONE: "tel", FieldType.URL: "url"}
_INPUT_MODE = {FieldType.INTEGER: "numeric", FieldType.DECIMAL: "decimal", FieldType.BSN: "numeric"}
_AUTOCOMPLETE = {FieldType.EMAIL: "email", FieldType.PHONE: "tel", FieldType.POSTCODE: "postal-code",
                 FieldType.BSN: "off", FieldType.IBAN: "off"}
_AUTOCOMPLETE_BY_NAME = {"name": "name", "address": "street-address", "city": "address-level2",
                         "birth_date": "bday", "postcode": "postal-code", "email": "email", "phone": "tel"}


def _widget_attrs(name: str, spec: Any) -> dict[str, str]:
    attrs = {}
    if spec.type in _INPUT_MODE:
        attrs["inputmode"] = _INPUT_MODE[spec.type]
    autocomplete = _AUTOCOMPLETE.get(spec.type) or _AUTOCOMPLETE_BY_NAME.get(name)
    if autocomplete:
        attrs["autocomplete"] = autocomplete
    return attrs


def application_form(record_type: RecordType, lang: str, data: Any = None, initial: Any = None) -> forms.Form:
    form = forms.Form(data, initial=initial)
    for name, spec in record_type.fields.items():
        if name in STAFF_FIELDS:
            continue
        label = spec.label.get(lang) if spec.label else word(FIELD_LABELS, name)
        field: forms.Field
        if spec.type is FieldType.CHOICE:
            field = forms.ChoiceField(choices=[("", "-"), *[(c, spec.choice_label(c, lang)) for c in spec.choices]],
                                      required=spec.required)
        elif spec.type is FieldType.LONGTEXT:
            field = forms.CharField(widget=forms.Textarea(attrs={"rows": 4}), required=spec.required)
        else:
            # still text to the record's own validation (a date input sends YYYY-MM-DD, as the API takes it)
            widget = forms.TextInput(attrs=_widget_attrs(name, spec))
            widget.input_type = _INPUT_TYPE.get(spec.type, "text")
            field = forms.CharField(required=spec.required, max_length=spec.max_length, widget=widget)
        field.label = label
        form.fields[name] = field
    return form


def _prefill(subject: Any, type_name: str, purpose: str) -> dict[str, Any]:
    latest = Record.objects.filter(subject=subject, type=type_name, anonymised_at=None).order_by("-collected_at").first()
    if latest is None:
        return {}
    data = record_read(SYSTEM, latest, purpose)
    data.pop("status", None)
    data["edition"] = timezone.localdate().year  # a new application is for this year's edition
    return data


@require_http_methods(["GET", "POST"])
def apply(request: HttpRequest) -> HttpResponse:
    ctx = _context(request)
    policy = current()
    found = application_type(policy)
    if found is None:
        return render(request, "portal/apply.html", {**ctx, "form": None}, status=404)
    type_name, record_type = found
    citizen = _citizen(request)
    initial = _prefill(citizen.subject, type_name, record_type.purpose) if citizen and request.method == "GET" else {}
    form = application_form(record_type, get_language(), request.POST if request.method == "POST" else None, initial)
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if v not in ("", None)}
        try:
            with transaction.atomic():
                subject = citizen.subject if citizen else subject_create(SYSTEM)
                record_create(SYSTEM, subject=subject, type=type_name, data=data, purpose=record_type.purpose,
                              source_kind="subject", channel="portal")
        except Invalid as exc:
            for key, problems in exc.errors.items():
                name = key.removeprefix("data.")
                form.add_error(name if name in form.fields else None, problems)
        else:
            return render(request, "portal/apply_done.html", {**ctx, "new_account": citizen is None})
    return render(request, "portal/apply.html", {**ctx, "form": form, "prefilled": bool(initial),
                                                 "label": record_type.label.get(get_language())})
