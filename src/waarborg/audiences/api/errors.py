"""Errors exactly as the contract says: the API's one mapper of the domain's errors (`waarborg.core.errors`)
and of DRF's own.

400 malformed · 401 unauthenticated · 403 `{"reason", "detail"}` · 404 · 409 · 413 ·
422 `{"errors": {"field": ["message", ...]}}`.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.utils import translation
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_handler

from waarborg.audiences.web.errorpages import page_not_found
from waarborg.core.errors import (
    NOT_FOUND,
    Conflict,
    DomainError,
    Invalid,
    NotFound,
    NotOffered,
    Refused,
    TooMany,
    Unavailable,
)


class _Conflict(exceptions.APIException):
    """409. Extra fields travel in the body next to `detail`, e.g. the id of what is already there."""

    status_code = status.HTTP_409_CONFLICT
    default_code = "conflict"


class NotImplementedYet(exceptions.APIException):
    status_code = status.HTTP_501_NOT_IMPLEMENTED
    default_code = "not_implemented"


def _as_drf(exc: DomainError) -> exceptions.APIException:
    """The domain's word as the DRF exception with the same status and body (Refused and Invalid are answered
    before this: they have bodies of their own)."""
    if isinstance(exc, Conflict):
        return _Conflict(detail={"detail": exc.detail, **exc.fields} if exc.fields else exc.detail)
    if isinstance(exc, NotFound):
        return exceptions.NotFound(exc.detail)
    if isinstance(exc, TooMany):
        return exceptions.Throttled(wait=exc.wait, detail=exc.detail)
    if isinstance(exc, NotOffered):
        return exceptions.NotAcceptable(exc.detail)
    if isinstance(exc, Unavailable):
        return NotImplementedYet(exc.detail)
    # Unreachable while tests/layers/test_domain_errors.py passes: it fails for a kind not mapped above.
    return exceptions.APIException(exc.detail)


def _flatten(detail: Any, prefix: str = "") -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    if isinstance(detail, dict):
        for key, value in detail.items():
            name = f"{prefix}.{key}" if prefix else str(key)
            for k, v in _flatten(value, name).items():
                out.setdefault(k, []).extend(v)
    elif isinstance(detail, list):
        if all(not isinstance(item, (dict, list)) for item in detail):
            out[prefix or "non_field_errors"] = [str(item) for item in detail]
        else:
            for i, item in enumerate(detail):
                for k, v in _flatten(item, f"{prefix}.{i}" if prefix else str(i)).items():
                    out.setdefault(k, []).extend(v)
    else:
        out[prefix or "non_field_errors"] = [str(detail)]
    return out


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """The site's 404 (`handler404`): JSON under /api/ (an id that is not a UUID never reaches a view there),
    the site's Dutch-first page elsewhere (waarborg.audiences.web.errorpages)."""
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": NOT_FOUND}, status=404)
    return page_not_found(request, exception or Http404())


def _in_both_languages(exc: exceptions.APIException, context: dict[str, Any]) -> None:
    """DRF's own messages (401, 404, 405, 406, 415...) in Dutch and English, like every message of ours."""
    if not isinstance(exc.detail, str) or isinstance(exc, _Conflict | exceptions.Throttled):
        return
    request = context.get("request")
    values = {"method": getattr(request, "method", ""), "media_type": getattr(request, "content_type", "")}
    texts = []
    for lang in ("nl", "en"):
        with translation.override(lang):
            try:
                texts.append(str(exc.default_detail).format(**values))
            except (KeyError, IndexError, ValueError):
                return
    if str(exc.detail) in texts and texts[0] != texts[1]:
        exc.detail = exceptions.ErrorDetail(" / ".join(texts), code=getattr(exc.detail, "code", None))


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    request = context.get("request")
    if request is not None and getattr(request, "accepted_renderer", None) is not None \
            and request.accepted_renderer.format != "json":
        # An error is JSON even where the answer would have been CSV (`breaches?format=csv&overdue=2`).
        from waarborg.audiences.api.renderers import JSONRenderer

        request.accepted_renderer, request.accepted_media_type = JSONRenderer(), "application/json"
    if isinstance(exc, Refused):
        from waarborg.engine.vault.access import ensure_logged

        ensure_logged(exc)  # the view's transaction may have rolled the refusal entry back
        return Response({"reason": exc.reason, "detail": str(exc.detail)}, status=403)
    if isinstance(exc, Invalid):
        return Response({"errors": exc.errors}, status=422)
    if isinstance(exc, DomainError):
        exc = _as_drf(exc)
    if isinstance(exc, exceptions.ValidationError):
        return Response({"errors": _flatten(exc.detail)}, status=422)
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    if isinstance(exc, DjangoPermissionDenied):
        exc = exceptions.PermissionDenied()
    wait = getattr(exc, "wait", None)
    if isinstance(exc, exceptions.Throttled) and wait is not None and getattr(exc.detail, "code", "") == "throttled":
        exc.detail = exceptions.ErrorDetail(f"Te veel verzoeken; probeer het over {wait} seconden opnieuw. / "
                                            f"Too many requests; try again in {wait} seconds.", code="throttled")
    if isinstance(exc, exceptions.APIException):
        _in_both_languages(exc, context)
    response = drf_handler(exc, context)
    if response is not None and response.status_code == 403 and "reason" not in (response.data or {}):
        response.data = {"reason": "forbidden", "detail": str((response.data or {}).get("detail", ""))}
    return response
