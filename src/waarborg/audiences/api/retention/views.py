"""GET `records/{id}/retention` and POST `events` (CONTRACT.md). Views only translate; the work is in
`reading`, `clock`, `posting` and `authz`."""

from __future__ import annotations

from typing import Any

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from waarborg.audiences.api import times
from waarborg.core.errors import Invalid
from waarborg.core.language import in_language
from waarborg.core.times import TimeFormatError, parse_date
from waarborg.engine.audit.refusals import refused
from waarborg.engine.policy.active import active
from waarborg.engine.retention.clock import day_start
from waarborg.engine.retention.posting import event_post
from waarborg.engine.retention.reading import clock_read
from waarborg.engine.retention.sweep import preview
from waarborg.engine.vault.models import Record, Subject


class RetentionSerializer(serializers.Serializer):
    expires_at = times.DateTimeField(allow_null=True)
    rule = serializers.CharField()
    explanation = serializers.CharField()


class EventInSerializer(serializers.Serializer):
    name = serializers.RegexField(r"^[a-z][a-z0-9_]*$", max_length=64)
    at = times.DateTimeField()
    subject = serializers.UUIDField(required=False, allow_null=True)
    record = serializers.UUIDField(required=False, allow_null=True)
    attributes = serializers.DictField(required=False, default=dict)


class EventOutSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    name = serializers.CharField()
    at = times.DateTimeField()
    subject = serializers.UUIDField(allow_null=True)
    record = serializers.UUIDField(allow_null=True)
    clocks_changed = serializers.IntegerField()


class PreviewSerializer(serializers.Serializer):
    before = serializers.DateField()
    rules = serializers.DictField(child=serializers.IntegerField())
    total = serializers.IntegerField()


class PreviewView(APIView):
    @extend_schema(operation_id="retention_preview", responses={200: PreviewSerializer},
                   parameters=[OpenApiParameter("before", OpenApiTypes.DATE, required=True)],
                   description="How many records each retention rule deletes or anonymises by this date "
                               "(before holds are applied). For whoever manages retention.")
    def get(self, request: Request) -> Response:
        current = active()
        if not current.policy.manages(request.user, "retention"):
            raise refused(request.user, "retention.preview", "role_not_granted",
                          "alleen wie bewaartermijnen beheert ziet de vooruitblik")
        try:
            before = parse_date(request.query_params.get("before", ""))
        except TimeFormatError as exc:
            raise Invalid({"before": [str(exc)]}) from None
        counts = preview(day_start(before))
        return Response({"before": before, "rules": counts, "total": sum(counts.values())})


class RecordRetentionView(APIView):
    @extend_schema(operation_id="record_retention", responses={200: RetentionSerializer},
                   parameters=[OpenApiParameter("lang", str, enum=["nl", "en"], required=False)],
                   description="When this record expires, under which rule, and why (plain Dutch; ?lang=en).")
    def get(self, request: Request, pk: Any) -> Response:
        record = get_object_or_404(Record, pk=pk)
        lang = "en" if request.query_params.get("lang") == "en" else "nl"
        clock = clock_read(request.user, record)
        explanation = clock.explanation(lang)
        if record.anonymised_at is not None:
            explanation = in_language(lang, lambda: gettext("Dit gegeven is geanonimiseerd."))
        return Response({"expires_at": record.expires_at, "rule": clock.rule_id, "explanation": explanation})


class EventsView(APIView):
    @extend_schema(operation_id="events_create", request=EventInSerializer, responses={201: EventOutSerializer},
                   description="Record an event the policy declares (edition closed, service ended, no agreement, "
                               "...); the retention clocks that depend on it are recomputed. An organisation-wide "
                               "event (it adds a calendar date) names no subject or record and is posted only by "
                               "the roles in its `posted_by`; any other event names a subject or record and is "
                               "posted by a role that writes the purpose concerned (need-to-know: for an assigned "
                               "subject). Unknown names and a missing subject are 422; a role that may not post "
                               "it gets 403, audited.")
    def post(self, request: Request) -> Response:
        actor = request.user
        incoming = EventInSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        data = incoming.validated_data
        errors: dict[str, list[str]] = {}
        subject = record = None
        if data.get("subject"):
            subject = Subject.objects.filter(pk=data["subject"]).first()
            if subject is None:
                errors["subject"] = ["onbekende betrokkene / unknown subject"]
        if data.get("record"):
            record = Record.objects.filter(pk=data["record"]).first()
            if record is None:
                errors["record"] = ["onbekend gegeven / unknown record"]
        if errors:
            raise Invalid(errors)
        event, changed = event_post(actor, name=data["name"], at=data["at"], subject=subject, record=record,
                                      attributes=data.get("attributes") or {})
        body = {"id": event.pk, "name": event.name, "at": event.at, "subject": event.subject_id,
                "record": event.record_id, "clocks_changed": changed}
        return Response(EventOutSerializer(body).data, status=201)
