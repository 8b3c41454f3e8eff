"""The export of a verified request through the API: a staff review, or a delivery to the requester.

- GET `requests/{id}/export`: the reviewer (never the registrar: 403 `separation_of_duties`) sees the
  export. `format=json` (default), `html`, `pdf` or `csv` for access and disclosures; `json` or `csv` for
  portability; `pdf` only where WeasyPrint is installed (else 501). `recipient=` hands a portability
  export to an organisation the subject named (art. 20(2)).
- GET `requests/{id}/export?view=review`: the reviewer's view of what the export redacts from free text
  (other people: art. 15(4) GDPR), with the original values and why; JSON, audited as a review.
- POST `requests/{id}/deliver`: `{"channel": "letter"}` answers the letter to print and post to the
  requester (PDF or HTML); `{"channel": "secure_mail"}` sends it where the policy offers secure mail.
Every export is a step of the request and an audit entry (`request.review`, `request.deliver`).
"""

from __future__ import annotations

import json
from typing import Any

from django.http import HttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.renderers import BaseRenderer, JSONRenderer
from rest_framework.request import Request as HttpRequest
from rest_framework.response import Response
from rest_framework.views import APIView

from waarborg.audiences.api.bodies import valid as _valid
from waarborg.audiences.api.rights.views import handled
from waarborg.audiences.web.downloads import as_response
from waarborg.core.errors import Invalid
from waarborg.engine.rights import delivery
from waarborg.engine.rights.delivery import FORMATS, Export, has_pdf  # noqa: F401 - re-exported for the pages


def _lang(value: Any) -> str:
    return "en" if value == "en" else "nl"


class _JsonErrors(APIView):
    def perform_content_negotiation(self, request: HttpRequest, force: bool = False) -> tuple[BaseRenderer, str]:
        # `format` names the export's format here, not DRF's renderer: errors are always JSON.
        return JSONRenderer(), "application/json"


class ExportView(_JsonErrors):
    @extend_schema(
        operation_id="request_export", request=None,
        description="The export, seen by a staff member who did not register the request (a review). Formats: "
                    "access and disclosures json, html, pdf, csv; portability json, csv.",
        parameters=[OpenApiParameter("format", OpenApiTypes.STR, enum=["json", "html", "pdf", "csv"]),
                    OpenApiParameter("lang", OpenApiTypes.STR, enum=["nl", "en"]),
                    OpenApiParameter("view", OpenApiTypes.STR, enum=["review"],
                                     description="`review`: for the reviewer only, what the export redacts from "
                                                 "free text (other people), with the original and why (JSON)."),
                    OpenApiParameter("recipient", OpenApiTypes.STR,
                                     description="Portability: the organisation the subject named.")],
        responses={200: OpenApiResponse(description="The export"),
                   403: OpenApiResponse(description="Not a request handler, or the registrar "
                                                    "(`separation_of_duties`)"),
                   406: OpenApiResponse(description="A format this kind of request does not offer"),
                   409: OpenApiResponse(description="Identity not verified yet, or no export for this request"),
                   501: OpenApiResponse(description="PDF without WeasyPrint")},
    )
    def get(self, request: HttpRequest, pk: Any) -> HttpResponse:
        req = handled(request, pk, "request.review")
        view = request.query_params.get("view") or ""
        if view not in ("", "review"):
            raise Invalid({"view": ["kies / choose review"]})
        if view:
            if (request.query_params.get("format") or "json").lower() != "json":
                raise Invalid({"format": ["view=review is JSON"]})
            return HttpResponse(json.dumps(delivery.review_redactions(request.user, req), ensure_ascii=False,
                                           indent=2).encode(), content_type="application/json; charset=utf-8")
        return as_response(delivery.review(request.user, req,
                                           fmt=(request.query_params.get("format") or "json").lower(),
                                           lang=_lang(request.query_params.get("lang")),
                                           recipient=(request.query_params.get("recipient") or "").strip()))


class DeliverIn(serializers.Serializer[Any]):
    channel = serializers.CharField(max_length=16, help_text="`letter`, or `secure_mail` where the policy offers it")
    format = serializers.CharField(max_length=8, required=False, allow_blank=True, default="",
                                   help_text="The export's format (default: pdf where WeasyPrint is installed, "
                                             "else html; portability: json)")
    lang = serializers.ChoiceField(choices=["nl", "en"], required=False, default="nl")


class DeliverView(_JsonErrors):
    @extend_schema(
        operation_id="request_deliver", request=DeliverIn,
        description="Send the export to the requester: `letter` answers the letter to print and post (the sender "
                    "sees it); `secure_mail` mails a pick-up link to the requester's e-mail address. Never by "
                    "the staff member who registered the request.",
        responses={200: OpenApiResponse(description="The letter (PDF or HTML), or for secure_mail "
                                                    "`{\"delivery\", \"channel\", \"to\", \"expires_at\"}`"),
                   403: OpenApiResponse(description="Not a request handler, or the registrar "
                                                    "(`separation_of_duties`)"),
                   409: OpenApiResponse(description="Identity not verified yet, or no export for this request"),
                   422: OpenApiResponse(description="Unknown channel, or no e-mail address for secure mail")},
    )
    def post(self, request: HttpRequest, pk: Any) -> HttpResponse:
        req = handled(request, pk, "request.deliver")
        data = _valid(DeliverIn, request.data)
        fmt, lang = (data["format"] or "").lower(), data["lang"]
        if data["channel"] == "letter":
            return as_response(delivery.deliver_letter(request.user, req, fmt=fmt or delivery.default_format(req),
                                                       lang=lang))
        return Response(delivery.send(request.user, req, channel=data["channel"], fmt=fmt, lang=lang))
