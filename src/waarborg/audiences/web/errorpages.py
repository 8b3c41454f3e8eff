"""The error pages (400, 403, 404, 500 and a refused form post), in the page's language (language.py) and the
organisation's look, with a way on: the start page, and where to ask.

The 500 page is drawn without the database where it can: the error may be the database. Its template gets only
what `_context` could gather; an error while drawing it gives a plain Dutch and English text, never Django's.
"""

from __future__ import annotations

import logging
from typing import Any

from django.http import HttpRequest, HttpResponse, HttpResponseServerError
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

log = logging.getLogger(__name__)

PLAIN_500 = ("<!doctype html><html lang=\"nl\"><head><meta charset=\"utf-8\"><title>Er ging iets mis</title></head>"
             "<body><main><h1>Er ging iets mis</h1><p>Probeer het later opnieuw.</p>"
             "<p lang=\"en\">Something went wrong. Please try again later.</p></main></body></html>")


def _texts(status: int) -> tuple[str, str]:
    return {
        400: (_("Dit verzoek kunnen wij niet lezen"),
              _("De pagina kreeg iets dat zij niet begrijpt. Ga terug en probeer het opnieuw.")),
        403: (_("U heeft geen toegang tot deze pagina"),
              _("Deze pagina is er niet voor u, of u bent niet (meer) ingelogd. Log in en probeer het opnieuw.")),
        404: (_("Deze pagina bestaat niet"),
              _("Misschien is de pagina verhuisd of verwijderd, of zit er een typefout in het adres.")),
        500: (_("Er ging iets mis"),
              _("Dat ligt aan ons, niet aan u. Probeer het later opnieuw; blijft het misgaan, neem dan contact met ons op.")),
    }[status]


def render_error(request: HttpRequest, status: int, extra: str = "") -> HttpResponse:
    title, text = _texts(status)
    try:
        html = render_to_string("errors/error.html", {"status": status, "title": title, "text": text,
                                                        "extra": extra}, request=request)
    except Exception:  # an error page must not fail in turn
        log.exception("error page %s not drawn", status)
        return HttpResponseServerError(PLAIN_500)
    return HttpResponse(html, status=status)


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render_error(request, 400)


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render_error(request, 403)


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render_error(request, 404)


def server_error(request: HttpRequest) -> HttpResponse:
    return render_error(request, 500)


def csrf_failure(request: HttpRequest, reason: str = "", **kwargs: Any) -> HttpResponse:
    """A form sent without (or with an old) security token: usually a page left open too long."""
    return render_error(request, 403, _("Het formulier was verlopen of kwam niet van deze website. Ga terug, "
                                        "vernieuw de pagina en verstuur het formulier opnieuw."))
