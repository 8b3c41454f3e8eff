"""A made export as a download, the same for the API, the portal, the back office and the secure-mail pick-up:
an attachment with its file name; an HTML document may use its own inline styles (it must look the same when
saved as a file), nothing else is widened."""

from __future__ import annotations

from django.http import HttpResponse

from waarborg.audiences.web.headers import allow_own_styles
from waarborg.engine.rights.delivery import Export


def as_response(made: Export) -> HttpResponse:
    response = HttpResponse(made.content, content_type=made.content_type)
    response["Content-Disposition"] = f'attachment; filename="{made.filename}"'
    if made.content_type.startswith("text/html"):
        allow_own_styles(response)
    return response
