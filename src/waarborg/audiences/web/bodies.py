"""413 for request bodies above DATA_UPLOAD_MAX_MEMORY_SIZE, before anything reads them; 400 for a NUL
character in an API request's query or purpose header (PostgreSQL cannot store one, so it must never get
that far: it would be a 500 on PostgreSQL and a stored oddity on SQLite).

The check runs in `process_view`, before any other middleware's (CSRF's reads the body), once it is
known which view would answer: a page marked `@refuses_large_bodies_itself` (a citizen's form with an
attachment) gets the request and refuses it in its own words, keeping what the person typed. It must
not read the part of the body that is too large; everything else gets the bare 413 here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse

View = TypeVar("View", bound=Callable[..., Any])


def refuses_large_bodies_itself(view: View) -> View:
    """Let requests above the body limit reach `view`; it answers them (without reading the excess)."""
    view.refuses_large_bodies_itself = True  # type: ignore[attr-defined]
    return view


NUL_REFUSED = "Een NUL-teken (\\u0000) is niet toegestaan. / A NUL character (\\u0000) is not allowed."


def has_nul(request: HttpRequest) -> bool:
    if "\x00" in request.META.get("HTTP_X_PURPOSE", ""):
        return True
    return any("\x00" in key or any("\x00" in value for value in values) for key, values in request.GET.lists())


def body_too_large(request: HttpRequest) -> bool:
    return int(request.META.get("CONTENT_LENGTH") or 0) > settings.DATA_UPLOAD_MAX_MEMORY_SIZE


class BodySizeLimitMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(self, request: HttpRequest, view: Callable[..., Any], args: Any, kwargs: Any) -> HttpResponse | None:
        if request.path.startswith("/api/") and has_nul(request):
            return JsonResponse({"detail": NUL_REFUSED}, status=400)
        try:
            too_large = body_too_large(request)
        except ValueError:
            return JsonResponse({"detail": "invalid Content-Length"}, status=400)
        if too_large and not getattr(view, "refuses_large_bodies_itself", False):
            return JsonResponse(
                {"detail": f"request body larger than {settings.DATA_UPLOAD_MAX_MEMORY_SIZE} bytes"}, status=413
            )
        return None
