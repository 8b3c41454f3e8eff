"""Disclosures over HTTP: disclose (POST) and the per-subject overview (S2-15)."""

from __future__ import annotations

from typing import Any

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from waarborg.audiences.api import times
from waarborg.engine.audit.refusals import refused
from waarborg.engine.disclosures import actions
from waarborg.engine.disclosures.models import Disclosure
from waarborg.engine.vault.models import Subject


class DisclosureIn(serializers.Serializer):
    subject = serializers.UUIDField()
    recipient = serializers.CharField(max_length=64)
    purpose = serializers.CharField(max_length=64)
    reason = serializers.CharField(max_length=32)
    records = serializers.ListField(child=serializers.UUIDField(), required=False, default=list)
    categories = serializers.ListField(child=serializers.CharField(max_length=64), required=False, default=list)
    at = times.DateTimeField(required=False, allow_null=True, default=None)
    authority = serializers.CharField(max_length=200, required=False, default="", allow_blank=True)
    legal_ground = serializers.CharField(max_length=300, required=False, default="", allow_blank=True)


class DisclosureOut(serializers.ModelSerializer):
    when = times.DateTimeField(source="at")

    class Meta:
        model = Disclosure
        fields = ("id", "recipient", "recipient_label", "when", "purpose", "reason", "categories", "fields",
                  "records", "authority", "legal_ground", "agreement")

    def to_representation(self, instance: Disclosure) -> dict[str, Any]:
        answer = dict(super().to_representation(instance))
        answer["data"] = {"categories": instance.categories, "fields": instance.fields}  # "which data"
        return answer


class DisclosureList(APIView):
    @extend_schema(operation_id="disclosures_create", request=DisclosureIn,
                   responses={201: DisclosureOut, 403: OpenApiResponse(description='{"reason", "detail"}')})
    def post(self, request: Request) -> Response:
        body = DisclosureIn(data=request.data)
        body.is_valid(raise_exception=True)
        data = body.validated_data
        named = request.headers.get("X-Purpose", "").strip()
        if named and named != data["purpose"]:
            raise refused(request.user, "disclosure", "purpose_mismatch", "X-Purpose wijkt af van het doel van de "
                          "verstrekking. / X-Purpose differs from the disclosure's purpose.", purpose=named,
                          detail={"recipient": data["recipient"]})
        subject = get_object_or_404(Subject, pk=data.pop("subject"))
        req = actions.Request(subject=subject, records=tuple(data.pop("records")),
                              categories=tuple(data.pop("categories")), **data)
        disclosure = actions.disclosure_create(request.user, req)
        return Response(DisclosureOut(disclosure).data, status=status.HTTP_201_CREATED)


class SubjectDisclosures(APIView):
    @extend_schema(operation_id="subject_disclosures", responses=DisclosureOut(many=True))
    def get(self, request: Request, pk: Any) -> Response:
        rows = actions.disclosures_read(request.user, get_object_or_404(Subject, pk=pk))
        return Response(DisclosureOut(rows, many=True).data)
