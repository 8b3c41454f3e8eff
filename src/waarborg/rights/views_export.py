"""GET requests/{id}/export: the access or portability export, once identity is verified.

`format=json` (default) or `html` for access, `json` or `csv` for portability; `pdf` only where
WeasyPrint is installed (else 501 saying so). `recipient=` hands a portability export to an
organisation the subject named (art. 20(2)). Every export is a logged delivery and an audit entry
with action `export`.
"""

from __future__ import annotations

import importlib.util
import json
from typing import Any

from django.db import transaction
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework.exceptions import NotAcceptable
from rest_framework.renderers import BaseRenderer, JSONRenderer
from rest_framework.request import Request as HttpRequest
from rest_framework.views import APIView

from waarborg.accounts.models import User
from waarborg.api.errors import Conflict, Invalid, NotImplementedYet
from waarborg.audit.log import Entry, append
from waarborg.policy.active import current
from waarborg.rights import exports
from waarborg.rights.actions import mark_in_progress, require_identity
from waarborg.rights.models import Delivery, Request
from waarborg.rights.views_api import handled

FORMATS = {"access": ("json", "html", "pdf"), "disclosures": ("json", "html", "pdf"), "portability": ("json", "csv")}
PDF_MISSING = ("PDF-export vereist WeasyPrint, dat op deze server niet is geïnstalleerd; vraag format=html of json. / "
               "PDF export needs WeasyPrint, which is not installed on this server; ask for format=html or json.")


def has_pdf() -> bool:
    return importlib.util.find_spec("weasyprint") is not None


def pdf_from_html(html: str) -> bytes:
    try:
        from weasyprint import HTML  # type: ignore[import-not-found,unused-ignore]
    except ImportError:
        raise NotImplementedYet(PDF_MISSING) from None
    result: bytes = HTML(string=html).write_pdf()
    return result


class ExportView(APIView):
    def perform_content_negotiation(self, request: HttpRequest, force: bool = False) -> tuple[BaseRenderer, str]:
        # `format` names the export's format here, not DRF's renderer: errors are always JSON.
        return JSONRenderer(), "application/json"

    @extend_schema(
        operation_id="request_export", request=None,
        parameters=[OpenApiParameter("format", OpenApiTypes.STR, enum=["json", "html", "pdf", "csv"]),
                    OpenApiParameter("lang", OpenApiTypes.STR, enum=["nl", "en"]),
                    OpenApiParameter("recipient", OpenApiTypes.STR,
                                     description="Portability: the organisation the subject named.")],
        responses={200: OpenApiResponse(description="The export"),
                   409: OpenApiResponse(description="Identity not verified yet, or no export for this request"),
                   501: OpenApiResponse(description="PDF without WeasyPrint")},
    )
    def get(self, request: HttpRequest, pk: Any) -> HttpResponse:
        req = handled(request, pk, "export")
        return deliver(request.user, req, fmt=(request.query_params.get("format") or "json").lower(),
                       lang="en" if request.query_params.get("lang") == "en" else "nl",
                       recipient=(request.query_params.get("recipient") or "").strip())


def deliver(actor: Any, req: Request, *, fmt: str = "json", lang: str = "nl", recipient: str = "") -> HttpResponse:
    """Build, log and hand over the export of `req` (API and portal alike)."""
    allowed = FORMATS.get(req.type)
    if allowed is None:
        raise Conflict(f"Een {req.type}-verzoek heeft geen export. / A {req.type} request has no export.")
    if req.status == Request.Status.REJECTED:
        raise Conflict("Dit verzoek is afgewezen. / This request was refused.")
    require_identity(req)
    if fmt not in allowed:
        raise NotAcceptable(f"format={fmt}: kies uit / choose from {', '.join(allowed)}")
    if recipient and req.type != "portability":
        raise Invalid({"recipient": ["alleen bij overdraagbaarheid / only for portability"]})
    if len(recipient) > 200:
        raise Invalid({"recipient": ["te lang / too long"]})
    policy = current()
    with transaction.atomic():
        content = (exports.portability_export(policy, req) if req.type == "portability"
                   else exports.access_export(policy, req))
        response = _render(content, fmt, lang, policy)
        Delivery.objects.create(request=req, format=fmt, to="recipient" if recipient else "subject",
                                recipient=recipient, at=timezone.now(),
                                by=actor if isinstance(actor, User) else None)
        mark_in_progress(actor, req)
        append(Entry(action="export", actor=actor, subject=req.subject_id,
                     detail={"request": str(req.pk), "type": req.type, "format": fmt,
                             "to": "recipient" if recipient else "subject"}))
    response["Content-Disposition"] = f'attachment; filename="{req.type}-{req.pk}.{fmt}"'
    return response


def _render(content: dict[str, Any], fmt: str, lang: str, policy: Any) -> HttpResponse:
    if fmt == "json":
        return HttpResponse(json.dumps(content, ensure_ascii=False, indent=2, default=str),
                            content_type="application/json; charset=utf-8")
    if fmt == "csv":
        return HttpResponse(exports.portability_csv(content), content_type="text/csv; charset=utf-8")
    html = render_to_string("rights/export.html", {"export": exports.localise(content, lang), "lang": lang,
                                                   "organisation": policy.organisation})
    if fmt == "pdf":
        return HttpResponse(pdf_from_html(html), content_type="application/pdf")
    return HttpResponse(html, content_type="text/html; charset=utf-8")
