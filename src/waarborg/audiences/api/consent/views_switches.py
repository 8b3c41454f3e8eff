"""Objection, restriction and opt-out over HTTP, and the mailing selection that honours them all."""

from __future__ import annotations

import uuid
from typing import Any

from django.db import models
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.exceptions import NotFound
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from waarborg.audiences.api.consent.serializers import (
    ChannelIn,
    MailingIn,
    ObjectionIn,
    OptOutIn,
    OverrideIn,
    RestrictionIn,
)
from waarborg.audiences.api.consent.views import subject_of, valid
from waarborg.core.errors import Invalid
from waarborg.engine.audit.refusals import refused
from waarborg.engine.consent import objections
from waarborg.engine.consent.actions import unknown_purpose
from waarborg.engine.consent.gates import fields_of_kind
from waarborg.engine.consent.models import Objection, OptOut, Restriction
from waarborg.engine.consent.permissions import require
from waarborg.engine.consent.register import mailing_selection
from waarborg.engine.policy.active import current


def _row(obj: Any, **extra: Any) -> dict[str, Any]:
    return {"id": str(obj.pk), "subject": str(obj.subject_id), "purpose": obj.purpose, **extra}


def _get(model: type[models.Model], pk: Any, request: Request, action: str) -> Any:
    obj = model._default_manager.filter(pk=pk).first()
    if obj is None:
        raise NotFound()
    require(current(), request.user, action, getattr(obj, "purpose", ""), subject=getattr(obj, "subject_id", None))
    return obj


class ObjectionsView(APIView):
    @extend_schema(operation_id="objections_create", request=ObjectionIn,
                   responses={201: OpenApiResponse(description="the objection; the purpose stops for the subject")})
    def post(self, request: Request) -> Response:
        data = valid(ObjectionIn, request.data)
        require(current(), request.user, "objection.record", data["purpose"], subject=data["subject"])
        objection = objections.objection_record(request.user, subject=subject_of(data["subject"]),
                                                purpose=data["purpose"], received_at=data.get("received_at"),
                                                channel=data.get("channel", ""))
        return Response(_row(objection, status="active"), status=201)


class ObjectionOverrideView(APIView):
    @extend_schema(operation_id="objection_override", request=OverrideIn,
                   responses={200: OpenApiResponse(description="compelling grounds recorded; processing resumes")})
    def post(self, request: Request, pk: uuid.UUID) -> Response:
        objection = _get(Objection, pk, request, "objection.override")
        data = valid(OverrideIn, request.data)
        objection = objections.objection_override(request.user, objection, grounds=data["grounds"])
        return Response(_row(objection, status="overridden"))


class RestrictionsView(APIView):
    @extend_schema(operation_id="restrictions_create", request=RestrictionIn,
                   responses={201: OpenApiResponse(description="restricted: stored, otherwise unused")})
    def post(self, request: Request) -> Response:
        data = valid(RestrictionIn, request.data)
        require(current(), request.user, "restriction.set", data.get("purpose", ""), subject=data["subject"])
        restriction = objections.restriction_set(request.user, subject=subject_of(data["subject"]),
                                                 purpose=data.get("purpose", ""), reason=data.get("reason", ""),
                                                 at=data.get("at"))
        return Response(_row(restriction, status="active"), status=201)


class RestrictionLiftView(APIView):
    @extend_schema(operation_id="restriction_lift", request=None,
                   responses={200: OpenApiResponse(description="lifted")})
    def post(self, request: Request, pk: uuid.UUID) -> Response:
        restriction = objections.restriction_lift(request.user, _get(Restriction, pk, request, "restriction.lift"))
        return Response(_row(restriction, status="lifted"))


class OptOutsView(APIView):
    @extend_schema(operation_id="optouts_create", request=OptOutIn,
                   responses={201: OpenApiResponse(description="left out of service-information mailings")})
    def post(self, request: Request) -> Response:
        data = valid(OptOutIn, request.data)
        require(current(), request.user, "optout.set", data.get("purpose", ""), subject=data["subject"])
        optout = objections.optout_set(request.user, subject=subject_of(data["subject"]),
                                       purpose=data.get("purpose", ""), channel=data.get("channel", ""),
                                       at=data.get("at"))
        return Response(_row(optout, status="active"), status=201)


class OptOutReverseView(APIView):
    @extend_schema(operation_id="optout_reverse", request=ChannelIn,
                   responses={200: OpenApiResponse(description="reversed at the person's request")})
    def post(self, request: Request, pk: uuid.UUID) -> Response:
        optout = _get(OptOut, pk, request, "optout.reverse")
        data = valid(ChannelIn, request.data)
        optout = objections.optout_reverse(request.user, optout, channel=data.get("channel", ""))
        return Response(_row(optout, status="reversed"))


class MailingSelectionView(APIView):
    """Who a mailing for a purpose may reach. Mailings never select on special categories (S2-06)."""

    @extend_schema(operation_id="mailing_selection", request=MailingIn,
                   responses={200: OpenApiResponse(description='{"purpose", "included", "excluded": [{"subject", '
                                                               '"reason"}]}'),
                              403: OpenApiResponse(description="special_category_forbidden")})
    def post(self, request: Request) -> Response:
        data = valid(MailingIn, request.data)
        policy, purpose = current(), data["purpose"]
        require(policy, request.user, "mailing.select", purpose, grants=("export", "write"))
        if purpose not in policy.purposes:
            raise unknown_purpose(request.user, "mailing.select", purpose)
        special, bsn = [], []
        for i, dotted in enumerate(data.get("data_fields") or []):
            record_type, _, field = dotted.partition(".")
            if field not in getattr(policy.record_types.get(record_type), "fields", {}):
                raise Invalid({f"data_fields.{i}": [f"onbekend veld {dotted!r}; schrijf record_type.veld"]})
            special += fields_of_kind(policy, record_type, [field], "special")
            bsn += fields_of_kind(policy, record_type, [field], "national_id")
        if special or bsn:
            raise refused(request.user, "mailing.select", "special_category_forbidden",
                          "een mailing selecteert nooit op bijzondere persoonsgegevens of het BSN / mailings never "
                         "use special categories", purpose=purpose)
        included, left_out = mailing_selection(request.user, purpose, data["subjects"])
        return Response({"purpose": purpose, "included": included,
                         "excluded": [{"subject": s, "reason": r} for s, r in left_out.items()]})
