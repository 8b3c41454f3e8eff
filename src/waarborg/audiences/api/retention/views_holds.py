"""POST/GET `holds`, DELETE `holds/{id}`, POST `records/{id}/extensions` (CONTRACT.md) and POST
`subjects/{id}/shortenings`.

Views only parse and answer; who may act, the checks, the writes and the audit entries are in
`retention.holds` and `retention.adjustments`. Who may act is checked before anything is looked up: a
stranger gets 403 (audited), never a 404. In a hold's body `reason` is the justification in words and
`kind` says what sort of hold it is (an organisation's expected need unless said otherwise).
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from waarborg.audiences.api import times
from waarborg.audiences.api.bodies import valid
from waarborg.core.errors import Invalid
from waarborg.engine.audit.refusals import refused
from waarborg.engine.policy.active import active
from waarborg.engine.retention.adjustments import record_extend, retention_shorten, shortening_confirmation
from waarborg.engine.retention.clock import compute, day_start
from waarborg.engine.retention.holds import hold_place, hold_release, holds_list, holds_readable, review_due
from waarborg.engine.retention.models import Adjustment, Hold
from waarborg.engine.vault.models import Record, Subject

KINDS = [k for k in Hold.Reason.values if k != Hold.Reason.RIGHTS_REQUEST]  # that one is the platform's own
REFUSED = {401: OpenApiResponse(description="Not authenticated."),
           403: OpenApiResponse(description='Refused: `{"reason": "<code>", "detail": "<text>"}`; the attempt is '
                                            "in the audit log.")}
INVALID = {400: OpenApiResponse(description="Malformed JSON."),
           422: OpenApiResponse(description='Invalid: `{"errors": {"<field>": ["<message>"]}}`.')}


class MomentField(times.DateTimeField):
    """A moment (RFC 3339), or a day (`2027-06-01`: the start of that day in the organisation's time zone)."""

    def to_internal_value(self, value: Any) -> datetime:
        if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            try:
                return day_start(date.fromisoformat(value))
            except ValueError:
                raise serializers.ValidationError("Geen bestaande datum. / Not a valid date.") from None
        return super().to_internal_value(value)


class HoldIn(serializers.Serializer):
    reason = serializers.CharField(max_length=2000, help_text="Why the data must be kept (the justification).")
    kind = serializers.ChoiceField(choices=KINDS, default=Hold.Reason.ORGANISATION,
                                   help_text="What sort of hold: the organisation's expected need (default), a "
                                             "dispute, a fraud investigation, a legal obligation.")
    subject = serializers.UUIDField(required=False, allow_null=True, help_text="All records of this subject.")
    record = serializers.UUIDField(required=False, allow_null=True, help_text="This record.")
    purpose = serializers.CharField(required=False, allow_blank=True, max_length=64,
                                    help_text="Every record of this purpose.")
    review_at = MomentField(required=False, allow_null=True, help_text="When to look at the hold again.")
    until = MomentField(required=False, allow_null=True, help_text="Ends by itself then (default: when released).")


class ScopeOut(serializers.Serializer):
    nl = serializers.CharField()
    en = serializers.CharField()


class HoldOut(serializers.Serializer):
    id = serializers.IntegerField()
    kind = serializers.CharField()
    reason = serializers.CharField(help_text="The justification.")
    subject = serializers.UUIDField(allow_null=True)
    record = serializers.UUIDField(allow_null=True)
    purpose = serializers.CharField(allow_blank=True)
    scope = ScopeOut(help_text="What the hold covers, in words.")
    created_at = times.DateTimeField()
    created_by = serializers.CharField(allow_blank=True)
    until = times.DateTimeField(allow_null=True)
    review_at = times.DateTimeField(allow_null=True)
    review_due = serializers.BooleanField(help_text="Past its review date: to review.")
    released_at = times.DateTimeField(allow_null=True)


class CreatedOut(serializers.Serializer):
    id = serializers.IntegerField()


class ExtensionIn(serializers.Serializer):
    reason = serializers.CharField(max_length=200, help_text="Where the subject's request or consent is recorded "
                                                             "(a letter, a case number); no personal data.")
    basis = serializers.ChoiceField(choices=Adjustment.Basis.values, required=False,
                                    help_text="Default: what the rule's extension requires.")


class ExtensionOut(serializers.Serializer):
    expires_at = times.DateTimeField(allow_null=True)
    rule = serializers.CharField()
    explanation = serializers.CharField()


def describe(hold: Hold) -> dict[str, Any]:
    nl, en = hold.scope()
    return {"id": hold.pk, "kind": hold.reason, "reason": hold.justification, "subject": hold.subject_id,
            "record": hold.record_id, "purpose": hold.purpose, "scope": {"nl": nl, "en": en},
            "created_at": hold.created_at,
            "created_by": hold.created_by.get_username() if hold.created_by else "platform",
            "until": hold.until, "review_at": hold.review_at, "review_due": review_due(hold),
            "released_at": hold.released_at}


def _flag(request: Request, name: str) -> bool:
    return (request.query_params.get(name) or "").lower() in ("1", "true", "yes")


class HoldsView(APIView):
    @extend_schema(operation_id="holds_create", request=HoldIn, responses={201: CreatedOut, **REFUSED, **INVALID},
                   description="Keep data past its expiry (never past its rule's ceiling): one record, all records "
                               "of a subject, or every record of a purpose. For roles that manage retention. "
                               "Audited; sweeps skip held data and say which hold kept it.")
    def post(self, request: Request) -> Response:
        actor = request.user
        if not active().policy.manages(actor, "retention"):
            raise refused(actor, "retention.hold", "role_not_granted",
                          "alleen wie bewaartermijnen beheert mag een bewaarplicht "
                          "opleggen / only a role that manages retention places a hold")
        body = valid(HoldIn, request.data)
        errors: dict[str, list[str]] = {}
        subject = record = None
        if body.get("subject"):
            subject = Subject.objects.filter(pk=body["subject"]).first()
            if subject is None:
                errors["subject"] = ["onbekende betrokkene / unknown subject"]
        if body.get("record"):
            record = Record.objects.filter(pk=body["record"], anonymised_at__isnull=True).first()
            if record is None:
                errors["record"] = ["onbekend gegeven / unknown record"]
        if errors:
            raise Invalid(errors)
        hold = hold_place(actor, reason=body["kind"], justification=body["reason"], subject=subject, record=record,
                          purpose=(body.get("purpose") or "").strip(), until=body.get("until"),
                          review_at=body.get("review_at"))
        return Response({"id": hold.pk}, status=201)

    @extend_schema(operation_id="holds_list", responses={200: HoldOut(many=True), **REFUSED},
                   parameters=[OpenApiParameter("review_due", OpenApiTypes.BOOL, required=False,
                                                description="`1`: only holds past their review date."),
                               OpenApiParameter("all", OpenApiTypes.BOOL, required=False,
                                                description="`1`: released holds too.")],
                   description="The holds in force (oldest first), for roles that manage retention.")
    def get(self, request: Request) -> Response:
        holds_readable(request.user)
        holds = holds_list(include_released=_flag(request, "all"), review_due_only=_flag(request, "review_due"))
        return Response(HoldOut([describe(h) for h in holds], many=True).data)


class HoldView(APIView):
    @extend_schema(operation_id="holds_release",
                   responses={204: None, 404: OpenApiResponse(description="Unknown hold."),
                              409: OpenApiResponse(description="Already released."), **REFUSED},
                   description="Release a hold: the clocks it kept run again (the sweep takes what has expired). "
                               "For roles that manage retention. Audited.")
    def delete(self, request: Request, pk: int) -> Response:
        holds_readable(request.user, "retention.hold_release")
        hold_release(request.user, get_object_or_404(Hold, pk=pk))
        return Response(status=204)


class RecordExtensionsView(APIView):
    @extend_schema(operation_id="record_extensions_create", request=ExtensionIn,
                   responses={201: ExtensionOut, 404: OpenApiResponse(description="Unknown record."),
                              409: OpenApiResponse(description="The record was anonymised."), **REFUSED,
                              **INVALID},
                   description="Extend the record's retention once more by its rule's extension (S2-21), for the "
                               "subject's records under that rule, within the rule's ceiling. Refused (403, "
                               "audited): `not_extendable` (the rule has no extension), `retention_ceiling` "
                               "(one more would pass the ceiling), `extension_limit_reached`. For roles that "
                               "manage retention.")
    def post(self, request: Request, pk: Any) -> Response:
        actor = request.user
        current = active()
        if not current.policy.manages(actor, "retention"):
            raise refused(actor, "retention.extend", "role_not_granted",
                          "alleen wie bewaartermijnen beheert mag een termijn verlengen / "
                          "only a role that manages retention extends a period")
        record = get_object_or_404(Record, pk=pk)
        body = valid(ExtensionIn, request.data)
        record = record_extend(actor, record, reason=body["reason"], basis=body.get("basis"))
        lang = "en" if request.query_params.get("lang") == "en" else "nl"
        clock = compute(record, current.policy)
        return Response(ExtensionOut({"expires_at": record.expires_at, "rule": clock.rule_id,
                                      "explanation": clock.explanation(lang)}).data, status=201)


class ShorteningIn(serializers.Serializer):
    rule = serializers.CharField(max_length=64, help_text="The retention rule to shorten, e.g. dossier_5y.")
    reason = serializers.CharField(max_length=200, help_text="Where the subject's request or consent is recorded "
                                                             "(a letter, a case number); no personal data.")
    basis = serializers.ChoiceField(choices=[Adjustment.Basis.SUBJECT_REQUEST, Adjustment.Basis.SUBJECT_CONSENT],
                                    default=Adjustment.Basis.SUBJECT_REQUEST)


class ShorteningOut(serializers.Serializer):
    rule = serializers.CharField()
    destroyed = serializers.IntegerField(help_text="How many of the subject's records under the rule were destroyed.")
    confirmation = ScopeOut(help_text="The confirmation to the subject, in Dutch and English.")


class SubjectShorteningsView(APIView):
    @extend_schema(operation_id="subject_shortenings_create", request=ShorteningIn,
                   responses={201: ShorteningOut, 404: OpenApiResponse(description="Unknown subject."), **REFUSED,
                              **INVALID},
                   description="Shorten a retention period on the subject's request (S2-20): the subject's records "
                               "under the rule are destroyed now (the sweep's audited deletion), and the answer holds "
                               "the confirmation to the subject. Refused (403, audited): `legal_obligation` (a period "
                               "the law sets), `not_shortenable` (the rule does not allow it). For roles that manage "
                               "retention.")
    def post(self, request: Request, pk: Any) -> Response:
        actor = request.user
        if not active().policy.manages(actor, "retention"):
            raise refused(actor, "retention.shorten", "role_not_granted",
                          "alleen wie bewaartermijnen beheert mag een termijn verkorten / "
                          "only a role that manages retention shortens a period")
        subject = get_object_or_404(Subject, pk=pk)
        body = valid(ShorteningIn, request.data)
        destroyed = retention_shorten(actor, subject=subject, rule=body["rule"], basis=body["basis"],
                                      evidence=body["reason"])
        return Response(ShorteningOut({"rule": body["rule"], "destroyed": destroyed,
                                       "confirmation": shortening_confirmation(body["rule"], destroyed, subject)}).data,
                        status=201)
