"""The consent register over HTTP: give, verify, withdraw, refuse, export (JSON or CSV); notices.

Views only parse, authorise and call the action functions; every write happens in `actions.py`.
"""

from __future__ import annotations

import json
import uuid
from typing import Any

from django.http import HttpResponse
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework.exceptions import NotFound
from rest_framework.renderers import BaseRenderer, JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from waarborg.audiences.api import params
from waarborg.audiences.api.bodies import valid
from waarborg.audiences.api.consent.serializers import (
    ConsentIn,
    NoticeSentIn,
    RefusalIn,
    VerifyIn,
    WithdrawIn,
    consent_row,
    notice_row,
    register_csv,
)
from waarborg.core.errors import Invalid
from waarborg.engine.audit.refusals import refused
from waarborg.engine.consent import actions, notices, register
from waarborg.engine.consent.models import Consent, Notice
from waarborg.engine.consent.permissions import require
from waarborg.engine.policy.active import current
from waarborg.engine.vault.models import Subject


class CSVRenderer(BaseRenderer):
    """Lets `?format=csv` through DRF's content negotiation; the view writes the CSV itself."""

    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    def render(self, data: Any, accepted_media_type: str | None = None, renderer_context: Any = None) -> bytes:
        return json.dumps(data, default=str).encode()  # only errors reach this renderer


def subject_of(subject_id: Any) -> Subject:
    subject = Subject.objects.filter(pk=subject_id, erased_at__isnull=True).first()
    if subject is None:
        raise Invalid({"subject": ["onbekende betrokkene / unknown subject"]})
    return subject


def _consent(pk: Any, request: Request, action: str) -> Consent:
    consent = Consent.objects.select_related("subject").filter(pk=pk).first()
    if consent is None:
        raise NotFound()
    require(current(), request.user, action, consent.purpose, subject=consent.subject_id)
    return consent


class ConsentsView(APIView):
    renderer_classes = [JSONRenderer, CSVRenderer]

    @extend_schema(operation_id="consents_create", request=ConsentIn,
                   parameters=[OpenApiParameter("format", exclude=True)],  # the answer is always JSON
                   responses={201: OpenApiResponse(description='{"id", "status"} and the register row'),
                              403: OpenApiResponse(description="role_not_granted, unknown_purpose, "
                                                               "parental_consent_required"),
                              409: OpenApiResponse(description='{"detail", "id"}: this consent (same subject, '
                                                               'purpose and signatories) is already active or '
                                                               'pending; `id` is that consent'),
                              422: OpenApiResponse(description="malformed, e.g. a parent without a name")})
    def post(self, request: Request) -> Response:
        data = valid(ConsentIn, request.data)
        require(current(), request.user, "consent.give", data["purpose"], subject=data["subject"])
        consent = actions.consent_give(request.user, subject=subject_of(data["subject"]), purpose=data["purpose"],
                                       given_at=data.get("given_at"), channel=data.get("channel", ""),
                                       signatories=data.get("signatories"), evidence=data.get("evidence"))
        return Response(consent_row(consent), status=201)

    @extend_schema(operation_id="consents_export", parameters=[
        OpenApiParameter("subject", str, description="only this subject's consents"),
        OpenApiParameter("purpose", str, description="only this purpose (required unless you manage consents)"),
        OpenApiParameter("status", str, enum=[s.value for s in Consent.Status]),
        OpenApiParameter("format", str, enum=["json", "csv"])],
        responses={200: OpenApiResponse(description="the consent register (JSON list or CSV)")})
    def get(self, request: Request) -> Any:
        # The register is the accountability record itself (art. 7(1), 30): see `consent.register`.
        purpose = (request.query_params.get("purpose") or "").strip()
        subject = (request.query_params.get("subject") or "").strip()
        if subject:
            try:
                uuid.UUID(subject)
            except ValueError:
                raise Invalid({"subject": ["geen geldig id / not a valid id"]}) from None
        register.require_exporter(request.user, purpose=purpose, subject=subject or None)  # before the parameters
        status = params.choice(request, "status", Consent.Status.values)
        fmt = params.choice(request, "format", ("json", "csv"), "json")
        rows = [consent_row(c) for c in register.register_export(request.user, purpose=purpose, subject=subject or None,
                                                                 status=status, fmt=fmt)]
        if fmt == "csv":
            response = HttpResponse(register_csv(rows), content_type="text/csv; charset=utf-8")
            response["Content-Disposition"] = 'attachment; filename="toestemmingsregister.csv"'
            return response
        return Response(rows)


class ConsentView(APIView):
    @extend_schema(operation_id="consent_get", responses={200: OpenApiResponse(description="the register row")})
    def get(self, request: Request, pk: uuid.UUID) -> Response:
        consent = Consent.objects.filter(pk=pk).first()
        if consent is None:
            raise NotFound()
        require(current(), request.user, "consent.read", consent.purpose, subject=consent.subject_id,
                grants=("read", "write", "export"))
        return Response(consent_row(consent))


class ConsentWithdrawView(APIView):
    @extend_schema(operation_id="consent_withdraw", request=WithdrawIn,
                   responses={200: OpenApiResponse(description="withdrawn, effective at once")})
    def post(self, request: Request, pk: uuid.UUID) -> Response:
        consent = _consent(pk, request, "consent.withdraw")
        data = valid(WithdrawIn, request.data)
        consent = actions.consent_withdraw(request.user, consent, at=data.get("at"), channel=data.get("channel", ""))
        return Response(consent_row(consent))


class ConsentVerifyView(APIView):
    @extend_schema(operation_id="consent_verify", request=VerifyIn,
                   responses={200: OpenApiResponse(description="verified: the consent is active"),
                              409: OpenApiResponse(description="not pending verification")})
    def post(self, request: Request, pk: uuid.UUID) -> Response:
        consent = _consent(pk, request, "consent.verify")
        data = valid(VerifyIn, request.data)
        consent = actions.consent_verify(request.user, consent, method=data["method"], at=data.get("at"))
        return Response(consent_row(consent))


class RefusalsView(APIView):
    @extend_schema(operation_id="consent_refusals_create", request=RefusalIn,
                   responses={201: OpenApiResponse(description="the refusal and the consequences told")})
    def post(self, request: Request) -> Response:
        data = valid(RefusalIn, request.data)
        require(current(), request.user, "consent.refuse", data["purpose"], subject=data["subject"])
        consent = actions.consent_refuse(request.user, subject=subject_of(data["subject"]), purpose=data["purpose"],
                                         consequences=data.get("consequences", ""), at=data.get("at"),
                                         channel=data.get("channel", ""))
        return Response(consent_row(consent), status=201)


class NoticesView(APIView):
    @extend_schema(operation_id="notices_list", parameters=[
        OpenApiParameter("status", str, enum=["unsent", "overdue", "all"])],
        responses={200: OpenApiResponse(description="notices; by default those not sent yet")})
    def get(self, request: Request) -> Response:
        if not current().manages(request.user, "consents"):
            raise refused(request.user, "notice.list", "role_not_granted", "alleen wie toestemmingen beheert")
        status = params.choice(request, "status", ("unsent", "overdue", "all"), "unsent")
        if status == "all":
            found = Notice.objects.order_by("due_at")
        else:
            found = notices.uninformed(overdue_only=status == "overdue")
        return Response([notice_row(n) for n in found])


class NoticeSentView(APIView):
    @extend_schema(operation_id="notice_sent", request=NoticeSentIn,
                   responses={200: OpenApiResponse(description="recorded as sent")})
    def post(self, request: Request, pk: uuid.UUID) -> Response:
        notice = Notice.objects.filter(pk=pk).first()
        if notice is None:
            raise NotFound()
        require(current(), request.user, "notice.sent", notice.purpose, subject=notice.subject_id)
        data = valid(NoticeSentIn, request.data)
        notice = notices.notice_sent(request.user, notice, channel=data["channel"], sent_at=data.get("sent_at"))
        return Response(notice_row(notice))
