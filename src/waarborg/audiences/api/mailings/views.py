"""/api/v1/mailings: send a mailing (201 with counts) and list what was sent. Never any addresses."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from waarborg.core.times import rfc3339, rfc3339_or_none
from waarborg.engine.policy.active import current
from waarborg.engine.vault.access import check
from waarborg.modules.mailings.actions import mailing_send
from waarborg.modules.mailings.models import Mailing


class MailingSendIn(serializers.Serializer):
    purpose = serializers.CharField(max_length=64)
    message_type = serializers.CharField(max_length=64)
    title = serializers.CharField(max_length=200)
    body = serializers.CharField(max_length=100_000)
    html = serializers.CharField(max_length=200_000, required=False, allow_blank=True)
    filters = serializers.DictField(child=serializers.CharField(max_length=200), required=False)
    subjects = serializers.ListField(child=serializers.UUIDField(), required=False, max_length=100_000)


def mailing_row(mailing: Mailing) -> dict[str, Any]:
    return {"id": str(mailing.pk), "purpose": mailing.purpose, "message_type": mailing.message_type,
            "title": mailing.title, "created_at": rfc3339(mailing.created_at),
            "sent_at": rfc3339_or_none(mailing.sent_at), "sent": mailing.sent,
            "failed": mailing.failed, "excluded": mailing.excluded}


class MailingsView(APIView):
    @extend_schema(operation_id="mailings_send", request=MailingSendIn,
                   responses={201: OpenApiResponse(description='{"id", "sent", "failed", "excluded": {reason: n}}'),
                              403: OpenApiResponse(description="role_not_granted, message_type_not_allowed, "
                                                               "special_category_forbidden")})
    def post(self, request: Request) -> Response:
        serializer = MailingSendIn(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        subjects = [str(s) for s in data["subjects"]] if "subjects" in data else None
        mailing = mailing_send(request.user, purpose=data["purpose"], message_type=data["message_type"],
                               title=data["title"], body=data["body"], html=data.get("html", ""),
                               filters=dict(data.get("filters") or {}), subjects=subjects)
        return Response(mailing_row(mailing), status=201)

    @extend_schema(operation_id="mailings_list", responses={200: OpenApiResponse(description="mailings sent")},
                   parameters=[OpenApiParameter("purpose", str, required=True,
                                                description="the purpose whose mailings to list (read on it)")])
    def get(self, request: Request) -> Response:
        purpose = (request.query_params.get("purpose") or "").strip()
        check(request.user, "read", purpose)
        mailings = Mailing.objects.filter(purpose=purpose) if purpose in current().purposes else Mailing.objects.none()
        return Response([mailing_row(m) for m in mailings])


