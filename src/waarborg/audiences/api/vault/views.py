"""REST endpoints of the vault (CONTRACT.md): subjects and records under a purpose.

Views only parse and answer; every check, write and audit entry happens in `vault.actions`.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import get_language
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.exceptions import APIException
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from waarborg.audiences.api.auth import stamp_in
from waarborg.audiences.api.bodies import valid as _valid
from waarborg.audiences.api.purpose import purpose_of
from waarborg.audiences.api.vault.serializers import (
    IdOut,
    RecordCorrected,
    RecordCreated,
    RecordIn,
    RecordOut,
    RecordPatch,
    SubjectFound,
    SubjectIn,
)
from waarborg.core.errors import Invalid
from waarborg.engine.keyring.crypto import KeyDestroyed
from waarborg.engine.policy.active import active
from waarborg.engine.records import actions
from waarborg.engine.records.reading import record_for_read
from waarborg.engine.vault import lookup
from waarborg.engine.vault.models import Record, Subject

PURPOSE_HEADER = OpenApiParameter("X-Purpose", OpenApiTypes.STR, OpenApiParameter.HEADER, required=False,
                                  description="The purpose (id in the active policy) of this processing.")
PURPOSE_QUERY = OpenApiParameter("purpose", OpenApiTypes.STR, OpenApiParameter.QUERY, required=False,
                                 description="For reads, instead of X-Purpose.")
ERRORS = {
    400: OpenApiResponse(description="Malformed, or no purpose named."),
    401: OpenApiResponse(description="Not authenticated."),
    403: OpenApiResponse(description='Refused: `{"reason": "<code>", "detail": "<text>"}`; the attempt is '
                                     "in the audit log."),
    413: OpenApiResponse(description="Request body larger than 1 MB."),
    422: OpenApiResponse(description='Invalid: `{"errors": {"<field>": ["<message>"]}}`.'),
}


class Gone(APIException):
    status_code = status.HTTP_410_GONE
    default_detail = "De gegevens zijn vernietigd (crypto-shredding). (The data has been destroyed.)"
    default_code = "gone"


def _record_out(record: Record, data: dict[str, Any]) -> Any:
    policy = active().policy
    classes = actions.field_classes(policy, record.type) if record.type in policy.record_types else {}
    # The record type's field order, not storage order (plain fields first, then sealed ones).
    data = {**{k: data[k] for k in classes if k in data}, **data}
    return _RECORD_OUT.to_representation({
        "id": record.pk, "subject": record.subject_id, "type": record.type, "purpose": record.purpose,
        "data": data, "collected_at": record.collected_at, "expires_at": record.expires_at,
        "source": {"kind": record.source_kind, "detail": record.source_detail}, "channel": record.channel,
        "channel_detail": record.channel_detail, "basis": record.basis,
        **group_out(policy, record.group or getattr(record.subject, "group", "")),
        "fields": {name: classes[name] for name in data if name in classes},
    })


# One serializer, its fields bound once: building them (DRF deep-copies the declared fields for every new
# serializer) was most of the Python an API read spends beyond the audited read itself. It keeps no state
# between calls.
_RECORD_OUT = RecordOut()


def group_out(policy: Any, group: str) -> dict[str, str]:
    """The group's key and its label in words (an empty group: the policy's default group)."""
    if not policy.subject_groups:
        return {"group": "", "group_label": ""}
    return {"group": policy.group_of(group), "group_label": policy.group_label(group, get_language() or "nl")}


BSN_QUERY = OpenApiParameter("bsn", OpenApiTypes.STR, OpenApiParameter.QUERY, required=False,
                             description="Find by BSN (11-proof; matched through its keyed hash).")
EXTERNAL_QUERY = OpenApiParameter("external_id", OpenApiTypes.STR, OpenApiParameter.QUERY, required=False,
                                  description="Find by external id.")


class SubjectsView(APIView):
    @extend_schema(operation_id="subjects_find", parameters=[BSN_QUERY, EXTERNAL_QUERY, PURPOSE_HEADER, PURPOSE_QUERY],
                   responses={200: SubjectFound(many=True), **ERRORS},
                   description="Find a known subject by BSN or external id: only subjects you may see (your "
                               "caseload on need-to-know purposes); the look-up is audited. Nothing found, or "
                               "nothing you may see: an empty list.")
    def get(self, request: Request) -> Response:
        params = request.query_params
        purpose = request.headers.get("X-Purpose", "").strip() or (params.get("purpose") or "").strip()
        found = lookup.subjects_find(request.user, bsn=(params.get("bsn") or "").strip(),
                                     external_id=(params.get("external_id") or "").strip(), purpose=purpose)
        policy = active().policy
        return Response(SubjectFound([{"id": s.pk, "external_id": s.external_id, "created_at": s.created_at,
                                       **group_out(policy, s.group)} for s in found], many=True).data)

    @extend_schema(operation_id="subjects_create", request=SubjectIn, parameters=[PURPOSE_HEADER],
                   responses={201: IdOut, 409: OpenApiResponse(description="A subject with this BSN or "
                                                                           "external_id exists: `{\"detail\", "
                                                                           "\"id\"}` when you may see it, "
                                                                           "else `{\"detail\"}` only."),
                              **ERRORS},
                   description="Register a data subject. The BSN is checked (11-proof) and stored only sealed "
                               "and as a keyed hash.")
    def post(self, request: Request) -> Response:
        body = _valid(SubjectIn, request.data)
        subject = actions.subject_create(
            request.user, birth_date=body.get("birth_date"), bsn=body.get("bsn") or None,
            external_id=body.get("external_id") or None, purpose=request.headers.get("X-Purpose", "").strip(),
            group=body.get("group") or "")
        return Response({"id": str(subject.pk)}, status=201)


class RecordsView(APIView):
    @extend_schema(operation_id="records_create", request=RecordIn, parameters=[PURPOSE_HEADER],
                   responses={201: RecordCreated, **ERRORS},
                   description="Store a record of a record type under its purpose (named in X-Purpose).")
    def post(self, request: Request) -> Response:
        purpose = purpose_of(request, reads=False)
        body = _valid(RecordIn, request.data)
        subject = Subject.objects.filter(pk=body["subject"]).first()
        if subject is None:
            raise Invalid({"subject": ["Onbekende betrokkene. (Unknown subject.)"]})
        source = body.get("source") or {}
        record = actions.record_create(
            request.user, subject=subject, type=body["type"], data=body["data"], purpose=purpose,
            collected_at=body.get("collected_at"), source_kind=source.get("kind"),
            source_detail=source.get("detail", ""), channel=body.get("channel") or "",
            channel_detail=body.get("channel_detail", ""))
        return Response(RecordCreated({"id": record.pk, "type": record.type, "purpose": record.purpose,
                                       "expires_at": record.expires_at}).data, status=201)


class RecordView(APIView):
    @extend_schema(operation_id="records_read", parameters=[PURPOSE_HEADER, PURPOSE_QUERY],
                   responses={200: RecordOut, 404: OpenApiResponse(description="Unknown record."),
                              410: OpenApiResponse(description="The subject's key was destroyed."), **ERRORS},
                   description="Read one record under the purpose it was collected for, or under a purpose "
                               "the policy lets further process it (art. 6(4) AVG); the read is audited, "
                               "naming both purposes.")
    def get(self, request: Request, pk: Any) -> Response:
        purpose = purpose_of(request)
        try:
            with transaction.atomic():  # the token's stamp commits with the read's audit entry: one commit
                stamp_in(request)
                record = record_for_read(pk)  # with what its read needs, in one statement
                if record is None:
                    raise Http404()
                data = actions.record_read(request.user, record, purpose)
        except KeyDestroyed:
            raise Gone() from None
        return Response(_record_out(record, data))

    @extend_schema(operation_id="records_correct", request=RecordPatch, parameters=[PURPOSE_HEADER],
                   responses={200: RecordCorrected, 404: OpenApiResponse(description="Unknown record."),
                              409: OpenApiResponse(description="The record was anonymised."), **ERRORS},
                   description="Correct fields of a record (rectification). Old and new values go to the "
                               "audit log, sealed.")
    def patch(self, request: Request, pk: Any) -> Response:
        purpose = purpose_of(request, reads=False)
        body = _valid(RecordPatch, request.data)
        record = get_object_or_404(Record.objects.select_related("subject"), pk=pk)
        try:
            updated = actions.record_update(request.user, record, purpose, body["data"])
        except KeyDestroyed:
            raise Gone() from None
        corrected = sorted(body["data"])
        return Response(RecordCorrected({"id": updated.pk, "type": updated.type, "purpose": updated.purpose,
                                         "expires_at": updated.expires_at, "corrected": corrected}).data)


class SubjectRecordsView(APIView):
    @extend_schema(operation_id="subject_records_list", parameters=[PURPOSE_HEADER, PURPOSE_QUERY],
                   responses={200: RecordOut(many=True), 404: OpenApiResponse(description="Unknown subject."),
                              **ERRORS},
                   description="The subject's records of the named purpose; every record shown is audited.")
    def get(self, request: Request, pk: Any) -> Response:
        purpose = purpose_of(request)
        subject = get_object_or_404(Subject, pk=pk)
        try:
            shown = actions.records_of_subject(request.user, subject, purpose)
        except KeyDestroyed:
            raise Gone() from None
        return Response([_record_out(record, data) for record, data in shown])
