"""The unsubscribe page behind every newsletter's link: no login, no cookies needed.

GET only asks for confirmation (mail scanners follow links; a GET must not unsubscribe anyone); the
button POSTs. Mail clients' one-click unsubscribe (RFC 8058) POSTs to the same address. The signed
token is the authorisation, so the CSRF cookie check does not apply here.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from waarborg.engine.policy.active import current
from waarborg.modules.mailings.actions import unsubscribe
from waarborg.modules.mailings.tokens import read_token


@csrf_exempt
@require_http_methods(["GET", "POST"])
def unsubscribe_page(request: HttpRequest, token: str) -> HttpResponse:
    policy = current()
    found = read_token(token)
    if found is None:
        return render(request, "mailings/unsubscribe.html", {"invalid": True, "organisation": policy.organisation},
                      status=404)
    subject_id, purpose = found
    spec = policy.purposes.get(purpose)
    label = spec.label.get(get_language()) if spec else purpose
    context = {"purpose": label, "organisation": policy.organisation}
    if request.method == "POST":
        unsubscribe(subject_id, purpose)
        return render(request, "mailings/unsubscribe.html", {**context, "done": True})
    return render(request, "mailings/unsubscribe.html", context)
