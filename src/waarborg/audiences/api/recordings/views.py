"""REST endpoints of recordings. Thin: parse, call `recordings.actions`, answer.

There is no endpoint to publish a recording (S3-38), and PUT/PATCH of a recording answer 403
`recording_immutable` (S3-37).
"""

from __future__ import annotations

from typing import Any

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from waarborg.audiences.api import times
from waarborg.audiences.api.bodies import valid as _valid
from waarborg.audiences.api.purpose import checked_purpose as _purpose
from waarborg.core.errors import Invalid
from waarborg.core.times import rfc3339
from waarborg.engine.consent.models import Consent
from waarborg.engine.vault.models import Subject
from waarborg.modules.recordings import actions
from waarborg.modules.recordings.models import Party, Recording, RecordingRequest


class RecordingRequestIn(serializers.Serializer):
    subject = serializers.UUIDField()
    conversation_at = times.DateTimeField()


class RecordingRefusalIn(serializers.Serializer):
    reason = serializers.CharField(max_length=2000, required=False, allow_blank=True, default="")
    alternative = serializers.CharField(max_length=2000, required=False, allow_blank=True, default="")


class RecordingIn(serializers.Serializer):
    subject = serializers.UUIDField()
    made_by = serializers.ChoiceField(choices=Party.values)
    conversation_started_at = times.DateTimeField()
    announced_at = times.DateTimeField(required=False, allow_null=True, default=None)
    announced_before_start = serializers.BooleanField(required=False, default=False)
    request = serializers.UUIDField(required=False, allow_null=True, default=None)
    consent = serializers.UUIDField(required=False, allow_null=True, default=None)
    client_email = serializers.CharField(max_length=254, required=False, allow_blank=True, default="")
    file = serializers.FileField(required=False, allow_empty_file=False)


class RecordingFileIn(serializers.Serializer):
    file = serializers.FileField(allow_empty_file=False)
    client_email = serializers.CharField(max_length=254, required=False, allow_blank=True, default="")


class RecordingCopyIn(serializers.Serializer):
    # "client" or "staff", checked by the action (one enum per choice set keeps the schema unambiguous).
    requested_by = serializers.CharField(max_length=8)
    client_email = serializers.CharField(max_length=254, required=False, allow_blank=True, default="")


class RecordingShareConsentIn(serializers.Serializer):
    document = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    stated_at_start = serializers.BooleanField(required=False, default=False)


class RecordingShareIn(serializers.Serializer):
    recipient = serializers.CharField(max_length=200)


def _upload(file: Any) -> actions.Upload | None:
    if file is None:
        return None
    return actions.Upload(filename=file.name, content_type=file.content_type or "", data=file.read())


def _subject(pk: Any) -> Subject:
    subject = Subject.objects.filter(pk=pk).first()
    if subject is None:
        raise Invalid({"subject": ["Onbekende betrokkene. (Unknown subject.)"]})
    return subject


def recording_out(rec: Recording) -> dict[str, Any]:
    return {"id": str(rec.pk), "subject": str(rec.subject_id), "made_by": rec.made_by,
            "conversation_started_at": rfc3339(rec.conversation_started_at),
            "announced_at": rfc3339(rec.announced_at), "record": str(rec.record_id) if rec.record_id else None,
            "stored": rec.stored_at is not None, "checksum": rec.checksum or None, "size": rec.size,
            "copies": [{"id": str(c.pk), "requested_by": c.requested_by, "fulfilled": c.fulfilled_at is not None,
                        "via": c.via} for c in rec.copy_requests.order_by("requested_at")]}


class RequestsView(APIView):
    @extend_schema(operation_id="recording_requests_create", request=RecordingRequestIn,
                   responses={201: OpenApiResponse(description="Approved by default (S3-34).")})
    def post(self, request: Request) -> Response:
        purpose = _purpose(request, "write")
        body = _valid(RecordingRequestIn, request.data)
        req = actions.request_file(request.user, subject=_subject(body["subject"]),
                                   conversation_at=body["conversation_at"], purpose=purpose)
        return Response({"id": str(req.pk), "status": req.status}, status=201)


class RequestRefuseView(APIView):
    @extend_schema(operation_id="recording_requests_refuse", request=RecordingRefusalIn,
                   responses={200: OpenApiResponse(description="Refused with a weighty reason and an alternative.")})
    def post(self, request: Request, pk: Any) -> Response:
        purpose = _purpose(request, "write")
        body = _valid(RecordingRefusalIn, request.data)
        req = get_object_or_404(RecordingRequest, pk=pk)
        req = actions.request_refuse(request.user, req, purpose=purpose, **body)
        return Response({"id": str(req.pk), "status": req.status, **actions.refusal_of(req)})


class RecordingsView(APIView):
    @extend_schema(operation_id="recordings_register", request={"multipart/form-data": RecordingIn},
                   responses={201: OpenApiResponse(description="Registered (and stored, with a file).")})
    def post(self, request: Request) -> Response:
        purpose = _purpose(request, "write")
        body = _valid(RecordingIn, request.data)
        req = get_object_or_404(RecordingRequest, pk=body["request"]) if body["request"] else None
        consent = get_object_or_404(Consent, pk=body["consent"]) if body["consent"] else None
        rec = actions.recording_register(
            request.user, subject=_subject(body["subject"]), made_by=body["made_by"],
            conversation_started_at=body["conversation_started_at"], announced_at=body["announced_at"],
            announced_before_start=body["announced_before_start"], request=req, consent=consent,
            upload=_upload(body.get("file")), client_email=body["client_email"], purpose=purpose)
        return Response(recording_out(rec), status=201)


class RecordingView(APIView):
    @extend_schema(operation_id="recordings_read", responses={200: OpenApiResponse(description="The recording's facts.")})
    def get(self, request: Request, pk: Any) -> Response:
        purpose = _purpose(request, "read")
        rec = get_object_or_404(Recording, pk=pk)
        return Response(recording_out(actions.recording_view(request.user, rec, purpose)))

    @extend_schema(operation_id="recordings_replace", request=None,
                   responses={403: OpenApiResponse(description="Always: a recording is never edited.")})
    def put(self, request: Request, pk: Any) -> Response:
        purpose = _purpose(request, "write")
        rec = get_object_or_404(Recording, pk=pk)
        actions.recording_modify(request.user, rec, purpose)

    @extend_schema(operation_id="recordings_modify", request=None,
                   responses={403: OpenApiResponse(description="Always: a recording is never edited.")})
    def patch(self, request: Request, pk: Any) -> Response:
        return self.put(request, pk)


class FileView(APIView):
    @extend_schema(operation_id="recordings_store_file", request={"multipart/form-data": RecordingFileIn},
                   responses={200: OpenApiResponse(description="Stored once; a second file is refused.")})
    def post(self, request: Request, pk: Any) -> Response:
        purpose = _purpose(request, "write")
        body = _valid(RecordingFileIn, request.data)
        rec = get_object_or_404(Recording, pk=pk)
        upload = _upload(body["file"])
        assert upload is not None
        rec = actions.recording_store(request.user, rec, upload, client_email=body["client_email"], purpose=purpose)
        return Response(recording_out(rec))


class IntegrityView(APIView):
    @extend_schema(operation_id="recordings_integrity", responses={200: OpenApiResponse(description="Checksum check.")})
    def get(self, request: Request, pk: Any) -> Response:
        purpose = _purpose(request, "read")
        rec = get_object_or_404(Recording.objects.select_related("record"), pk=pk)
        return Response(actions.integrity_check(request.user, rec, purpose))


class CopiesView(APIView):
    @extend_schema(operation_id="recordings_copy_request", request=RecordingCopyIn,
                   responses={201: OpenApiResponse(description="Copy requested (and sent, to a client).")})
    def post(self, request: Request, pk: Any) -> Response:
        purpose = _purpose(request, "write")
        body = _valid(RecordingCopyIn, request.data)
        rec = get_object_or_404(Recording, pk=pk)
        copy = actions.copy_request(request.user, rec, purpose=purpose, **body)
        return Response({"id": str(copy.pk), "requested_by": copy.requested_by,
                         "fulfilled": copy.fulfilled_at is not None, "via": copy.via}, status=201)


class ShareConsentsView(APIView):
    @extend_schema(operation_id="recordings_share_consent", request=RecordingShareConsentIn,
                   responses={201: OpenApiResponse(description="The other party's written consent, recorded.")})
    def post(self, request: Request, pk: Any) -> Response:
        purpose = _purpose(request, "write")
        body = _valid(RecordingShareConsentIn, request.data)
        rec = get_object_or_404(Recording, pk=pk)
        row = actions.share_consent_record(request.user, rec, purpose=purpose, **body)
        return Response({"id": str(row.pk), "stated_at_start": row.stated_at_start}, status=201)


class SharesView(APIView):
    @extend_schema(operation_id="recordings_share", request=RecordingShareIn,
                   responses={201: OpenApiResponse(description="Shared."),
                              403: OpenApiResponse(description="No written consent stated at the start.")})
    def post(self, request: Request, pk: Any) -> Response:
        purpose = _purpose(request, "write")
        body = _valid(RecordingShareIn, request.data)
        rec = get_object_or_404(Recording, pk=pk)
        share = actions.recording_share(request.user, rec, recipient=body["recipient"], purpose=purpose)
        return Response({"id": share.pk, "recipient": share.recipient}, status=201)
