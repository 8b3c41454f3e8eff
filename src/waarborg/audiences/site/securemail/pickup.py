"""The page behind the link in a secure-mail answer: ask for an access code, then download the answer.

Two forms on one page, like the incoming secure-mail pages: the address (a code goes to it, and only if it
is the address the link was sent to; the page says the same either way), then address and code (the
download). A wrong address or code is a 403 page with the reason, audited; nothing personal goes into a URL.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from waarborg.audiences.site.securemail.pages import _context
from waarborg.audiences.site.securemail.texts import ERRORS, LABELS
from waarborg.audiences.web.downloads import as_response
from waarborg.audiences.web.errors import status_of
from waarborg.core.errors import DomainError, Invalid, Refused, TooMany
from waarborg.engine.vault.access import ensure_logged
from waarborg.modules.securemail import outbox

FETCH_IDS = "fetch_%s"


class AddressForm(forms.Form):
    email = forms.EmailField(max_length=254, error_messages={"required": ERRORS["email_required"]},
                             widget=forms.EmailInput(attrs={"autocomplete": "email"}))


class PickupForm(AddressForm):
    code = forms.CharField(max_length=16, error_messages={"required": ERRORS["code_required"]},
                           widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}))


def _labelled(form: forms.Form) -> forms.Form:
    for name, field in form.fields.items():
        field.label = str(LABELS[name])
    return form


@require_http_methods(["GET", "POST"])
def pickup(request: HttpRequest, pk: Any) -> HttpResponse:
    ctx = _context(request)
    try:
        found = outbox.waiting(pk)
    except DomainError as exc:
        return render(request, "securemail/pickup.html", {**ctx, "gone": str(exc)}, status=404)
    step = request.POST.get("step", "")
    address = _labelled(AddressForm(request.POST if step == "code" else None))
    # Two forms on one page: the second gets its own ids, or both e-mail labels would point at the first field.
    fetch = _labelled(PickupForm(request.POST if step == "fetch" else None, auto_id=FETCH_IDS))
    page = {**ctx, "address": address, "fetch": fetch, "until": found.expires_at}
    if step == "code" and address.is_valid():
        try:
            outbox.code_for(found, address.cleaned_data["email"])
        except TooMany:
            address.add_error("email", ERRORS["throttled"])
            return render(request, "securemail/pickup.html", page, status=429)
        fetch = _labelled(PickupForm(initial={"email": address.cleaned_data["email"]}, auto_id=FETCH_IDS))
        return render(request, "securemail/pickup.html", {**page, "fetch": fetch, "code_sent": True})
    if step == "fetch" and fetch.is_valid():
        try:
            return as_response(outbox.pick_up(found, email=fetch.cleaned_data["email"], code=fetch.cleaned_data["code"]))
        except Refused as exc:
            ensure_logged(exc)
            fetch.add_error("code", str(exc.detail))
            return render(request, "securemail/pickup.html", page, status=403)
        except Invalid as exc:
            fetch.add_error(None, "; ".join(" ".join(v) for v in exc.errors.values()))
        except DomainError as exc:  # the request was refused or erased meanwhile
            return render(request, "securemail/pickup.html", {**page, "gone": str(exc)}, status=status_of(exc))
    return render(request, "securemail/pickup.html", page, status=422 if step else 200)
