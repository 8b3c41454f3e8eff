"""Human decisions over HTTP: decide, flag, clear, open a conversation, pay out, view a case."""

from __future__ import annotations

from typing import Any

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from waarborg.audiences.api import params
from waarborg.core.errors import Invalid
from waarborg.core.times import rfc3339
from waarborg.engine.decisions import actions, reading
from waarborg.engine.decisions.models import Conversation, Decision, Flag, Payout
from waarborg.engine.policy.active import current
from waarborg.engine.vault.models import Record


class DecisionIn(serializers.Serializer):
    record = serializers.UUIDField()
    outcome = serializers.ChoiceField(choices=Decision.Outcome.choices)
    reasoning = serializers.CharField(max_length=10_000)


class FlagIn(serializers.Serializer):
    record = serializers.UUIDField()
    # A plain string in the schema (the action checks it): "kind" already names the breach kinds enum.
    kind = serializers.CharField(max_length=32, help_text=", ".join(Flag.Kind.values))
    reason = serializers.CharField(max_length=10_000)


class ClearIn(serializers.Serializer):
    reasoning = serializers.CharField(max_length=10_000)


class ConversationIn(serializers.Serializer):
    record = serializers.UUIDField()
    message = serializers.CharField(max_length=10_000)
    flag = serializers.UUIDField(required=False, allow_null=True, default=None)
    kind = serializers.CharField(default="conversation", help_text="conversation | appeal")


class PayoutIn(serializers.Serializer):
    application = serializers.UUIDField()
    payout_record = serializers.UUIDField()


class DecisionOut(serializers.ModelSerializer):
    decided_by = serializers.CharField(source="decided_by.username")

    class Meta:
        model = Decision
        fields = ("id", "record", "purpose", "outcome", "reasoning", "decided_by", "decided_at")


class FlagOut(serializers.ModelSerializer):
    kind = serializers.CharField()
    cleared_by = serializers.CharField(source="cleared_by.username", default=None)

    class Meta:
        model = Flag
        fields = ("id", "record", "kind", "reason", "raised_by", "raised_at", "cleared_by", "cleared_at",
                  "clear_reasoning")


class PayoutOut(serializers.ModelSerializer):
    class Meta:
        model = Payout
        fields = ("id", "application", "payout_record", "decision", "paid_at")


def _record(pk: Any, field: str = "record") -> Record:
    record = Record.objects.filter(pk=pk, subject__isnull=False).first()
    if record is None:
        raise Invalid({field: ["Onbekende zaak / unknown record."]})
    return record


def _body(serializer: type[serializers.Serializer], request: Request) -> dict[str, Any]:
    body = serializer(data=request.data)
    body.is_valid(raise_exception=True)
    return dict(body.validated_data)


class DecisionCreate(APIView):
    @extend_schema(operation_id="decisions_create", request=DecisionIn, responses={201: DecisionOut})
    def post(self, request: Request) -> Response:
        data = _body(DecisionIn, request)
        decision = actions.decision_set(request.user, _record(data["record"]), outcome=data["outcome"],
                                        reasoning=data["reasoning"])
        return Response(DecisionOut(decision).data, status=status.HTTP_201_CREATED)


class FlagCreate(APIView):
    @extend_schema(operation_id="decision_flags_list", responses={200: FlagOut(many=True)}, parameters=[
        OpenApiParameter("all", str, enum=["1"], description="1: cleared flags as well (default: open ones only)")])
    def get(self, request: Request) -> Response:
        """Open flags on the cases you work on (`?all=1` includes cleared ones)."""
        reading.require_case_worker(request.user)
        flags = actions.flags_visible_to(request.user, current(), open_only=not params.flag(request, "all"))
        return Response(FlagOut(flags.order_by("raised_at"), many=True).data)

    @extend_schema(operation_id="decision_flags_create", request=FlagIn, responses={201: FlagOut})
    def post(self, request: Request) -> Response:
        data = _body(FlagIn, request)
        flag = actions.flag_raise(request.user, _record(data["record"]), kind=data["kind"], reason=data["reason"])
        return Response(FlagOut(flag).data, status=status.HTTP_201_CREATED)


class FlagClear(APIView):
    @extend_schema(operation_id="decision_flag_clear", request=ClearIn, responses={200: FlagOut})
    def post(self, request: Request, pk: Any) -> Response:
        flag = get_object_or_404(Flag, pk=pk)
        data = _body(ClearIn, request)
        return Response(FlagOut(actions.flag_clear(request.user, flag, reasoning=data["reasoning"])).data)


class ConversationCreate(APIView):
    @extend_schema(operation_id="decision_conversations_create", request=ConversationIn,
                   responses={201: OpenApiResponse(description='{"id", "record", "status", "flag", "opened_at"}')})
    def post(self, request: Request) -> Response:
        data = _body(ConversationIn, request)
        record = _record(data["record"])
        flag = get_object_or_404(Flag, pk=data["flag"]) if data["flag"] else None
        conversation = actions.conversation_open(request.user, record, message=data["message"], flag=flag,
                                                 kind=data["kind"])
        return Response({"id": str(conversation.pk), "record": str(record.pk), "status": conversation.status,
                         "kind": conversation.kind,
                         "flag": str(flag.pk) if flag else None, "opened_at": rfc3339(conversation.opened_at)},
                        status=status.HTTP_201_CREATED)


class PayoutCreate(APIView):
    @extend_schema(operation_id="decision_payouts_create", request=PayoutIn, responses={201: PayoutOut})
    def post(self, request: Request) -> Response:
        data = _body(PayoutIn, request)
        payout = actions.payout_execute(request.user, _record(data["application"], "application"),
                                        _record(data["payout_record"], "payout_record"))
        return Response(PayoutOut(payout).data, status=status.HTTP_201_CREATED)


class Case(APIView):
    """Everything about one case: decisions, flags, conversations, payout."""

    @extend_schema(operation_id="decision_case", responses={200: OpenApiResponse(
        description="outcome, decisions, flags, blocked, conversations")})
    def get(self, request: Request, pk: Any) -> Response:
        record = reading.case_read(request.user, get_object_or_404(Record, pk=pk, subject__isnull=False))
        latest = actions.latest_decision(record)
        conversations = Conversation.objects.filter(record=record)
        return Response({
            "record": str(record.pk), "purpose": record.purpose, "type": record.type,
            "outcome": latest.outcome if latest else "pending",
            "decisions": DecisionOut(Decision.objects.filter(record=record), many=True).data,
            "flags": FlagOut(Flag.objects.filter(record=record), many=True).data,
            "blocked": bool(actions.open_flags(record)),
            "conversations": [{"id": str(c.pk), "flag": str(c.flag_id) if c.flag_id else None,
                               "kind": c.kind, "opened_by": c.opened_by, "opened_at": rfc3339(c.opened_at), "status": c.status,
                               "message": actions.conversation_message(c)} for c in conversations],
        })
