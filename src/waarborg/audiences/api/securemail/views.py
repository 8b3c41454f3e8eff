"""REST endpoints: the public secure-mail form (code, message) and the front office's mail tasks.

Views parse and answer; checks, writes and audit entries happen in `codes`, `messages` and `intake`.
"""

from __future__ import annotations

from typing import Any

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from waarborg.audiences.api import times
from waarborg.audiences.api.bodies import valid as _valid
from waarborg.audiences.api.purpose import checked_purpose as _purpose
from waarborg.core.times import rfc3339, rfc3339_or_none
from waarborg.modules.securemail import codes, intake, messages
from waarborg.modules.securemail.models import MailRequest, SecureMessage


class SecureCodeIn(serializers.Serializer):
    name = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    email = serializers.CharField(max_length=254)


class SecureMessageIn(serializers.Serializer):
    name = serializers.CharField(max_length=200)
    email = serializers.CharField(max_length=254)
    code = serializers.CharField(max_length=32)
    message = serializers.CharField(max_length=20000)
    attachment = serializers.FileField(required=False, allow_empty_file=False)


class MailRequestIn(serializers.Serializer):
    kind = serializers.ChoiceField(choices=MailRequest.Kind.values)
    email = serializers.CharField(max_length=254)
    question = serializers.CharField(max_length=2000)
    name = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    appointment_at = times.DateTimeField(required=False)
    received_at = times.DateTimeField(required=False)


class MailFormsIn(serializers.Serializer):
    forms = serializers.ListField(child=serializers.CharField(max_length=64), allow_empty=False)


def task(req: MailRequest) -> dict[str, Any]:
    return {"id": str(req.pk), "kind": req.kind, "status": req.status, "subject": str(req.subject_id),
            "record": str(req.record_id), "received_at": rfc3339(req.received_at), "forms": req.forms,
            "handled_at": rfc3339_or_none(req.handled_at)}


class CodesView(APIView):
    authentication_classes: list[Any] = []
    permission_classes = [AllowAny]

    @extend_schema(operation_id="securemail_code_request", request=SecureCodeIn,
                   responses={202: OpenApiResponse(description="A code was sent to the address; valid 30 minutes.")},
                   description="Ask for a one-time access code for secure mail (public).")
    def post(self, request: Request) -> Response:
        body = _valid(SecureCodeIn, request.data)
        row = codes.code_request(name=body["name"], email=body["email"])
        return Response({"sent": True, "expires_at": rfc3339(row.expires_at)}, status=202)


class MessagesView(APIView):
    authentication_classes: list[Any] = []
    permission_classes = [AllowAny]

    @extend_schema(operation_id="securemail_message_send", request={"multipart/form-data": SecureMessageIn},
                   responses={201: OpenApiResponse(description="Stored encrypted."),
                              403: OpenApiResponse(description="Wrong, expired or used access code.")},
                   description="Send a message (and attachment) with the access code sent to that address (public).")
    def post(self, request: Request) -> Response:
        body = _valid(SecureMessageIn, request.data)
        upload = body.get("attachment")
        attachment = None
        if upload is not None:
            attachment = messages.Upload(filename=upload.name, content_type=upload.content_type or "",
                                         data=upload.read())
        sent = messages.secure_message_send(name=body["name"], email=body["email"], code=body["code"],
                                            message=body["message"], attachment=attachment)
        return Response({"id": str(sent.pk), "received_at": rfc3339(sent.received_at)}, status=201)


class MessageView(APIView):
    @extend_schema(operation_id="securemail_message_read", responses={200: OpenApiResponse(description="The message.")},
                   description="Read a secure message and its attachments (staff, purpose secure_mail).")
    def get(self, request: Request, pk: Any) -> Response:
        purpose = _purpose(request, "read")
        sent = get_object_or_404(SecureMessage.objects.select_related("record"), pk=pk)
        return Response(messages.secure_message_read(request.user, sent, purpose))


class MailRequestsView(APIView):
    @extend_schema(operation_id="mail_requests_list", responses={200: OpenApiResponse(description="Open tasks.")},
                   description="Open questions, appointments and no-DigiD requests (the front office's tasks).")
    def get(self, request: Request) -> Response:
        purpose = _purpose(request, "read")
        return Response([task(r) for r in intake.open_tasks(request.user, purpose)])

    @extend_schema(operation_id="mail_requests_create", request=MailRequestIn,
                   responses={201: OpenApiResponse(description="Registered.")},
                   description="Register a question, appointment or no-DigiD request that came in by e-mail.")
    def post(self, request: Request) -> Response:
        purpose = _purpose(request, "write")
        body = _valid(MailRequestIn, request.data)
        req = intake.mail_request_file(request.user, purpose=purpose, **body)
        return Response(task(req), status=201)


class AnswerView(APIView):
    @extend_schema(operation_id="mail_requests_answer", request=None,
                   responses={200: OpenApiResponse(description="Answered.")})
    def post(self, request: Request, pk: Any) -> Response:
        purpose = _purpose(request, "write")
        req = get_object_or_404(MailRequest, pk=pk)
        return Response(task(intake.mail_request_answer(request.user, req, purpose)))


class FormsView(APIView):
    @extend_schema(operation_id="mail_requests_send_forms", request=MailFormsIn,
                   responses={200: OpenApiResponse(description="Forms sent; the task is done.")})
    def post(self, request: Request, pk: Any) -> Response:
        purpose = _purpose(request, "write")
        body = _valid(MailFormsIn, request.data)
        req = get_object_or_404(MailRequest, pk=pk)
        return Response(task(intake.mail_request_send_forms(request.user, req, body["forms"], purpose)))
