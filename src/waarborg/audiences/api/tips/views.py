"""/api/v1/tips: the helpdesk stores a tip it took by phone, e-mail, letter or at the desk, and reads the tips.

Both name the tip purpose (X-Purpose, or `?purpose=` for the list) and go through the same gates as any
record: write or read on that purpose. The tip's fields are the policy's tip record type's.
"""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.exceptions import NotFound
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from waarborg.audiences.api.bodies import valid
from waarborg.audiences.api.purpose import purpose_of
from waarborg.audiences.api.times import DateTimeField
from waarborg.engine.policy.active import current
from waarborg.engine.policy.schema import Policy
from waarborg.engine.vault.access import check
from waarborg.modules.tips import actions


class TipIn(serializers.Serializer):
    # `data` shadows Serializer.data for mypy only, as in the vault's serializers.
    data = serializers.DictField(  # type: ignore[assignment]
        help_text="the fields of the policy's tip record type, e.g. {\"tip\", \"email\"}")
    channel = serializers.ChoiceField(choices=[c for c in actions.CHANNELS if c != "website"], default="phone",
                                      help_text="how the tip reached the helpdesk")


class TipOut(serializers.Serializer):
    id = serializers.UUIDField()
    subject = serializers.UUIDField()
    channel = serializers.CharField()
    collected_at = DateTimeField()
    expires_at = DateTimeField(allow_null=True)
    data = serializers.DictField(required=False)  # type: ignore[assignment]


def _form(policy: Policy) -> actions.TipForm:
    form = actions.tip_form(policy)
    if form is None:
        raise NotFound("Het actieve privacybeleid kent geen tips. (The active policy has no tips.)")
    return form


def _row(record: Any, data: dict[str, Any] | None = None) -> dict[str, Any]:
    """As `TipOut` describes it (built by hand: a field named `data` shadows the serializer's own)."""
    moment = DateTimeField()  # the API's one time format (UTC, `Z`)
    row: dict[str, Any] = {
        "id": str(record.pk), "subject": str(record.subject_id), "channel": record.channel,
        "collected_at": moment.to_representation(record.collected_at),
        "expires_at": moment.to_representation(record.expires_at) if record.expires_at else None}
    if data is not None:
        row["data"] = data
    return row


class TipsView(APIView):
    @extend_schema(operation_id="tips_create", request=TipIn,
                   parameters=[OpenApiParameter("X-Purpose", str, OpenApiParameter.HEADER, required=True,
                                                description="the tip purpose")],
                   responses={201: TipOut, 403: OpenApiResponse(description="role_not_granted, purpose_mismatch"),
                              404: OpenApiResponse(description="the policy has no tip form"),
                              422: OpenApiResponse(description="a field the tip record type does not have, or "
                                                               "a required one missing")})
    def post(self, request: Request) -> Response:
        """Store a tip the helpdesk received (a new subject; consent by that channel where the purpose asks it)."""
        policy = current()
        purpose = purpose_of(request, reads=False)
        form = _form(policy)
        check(request.user, "write", purpose, record_type=form.record_type)  # the named purpose must be the tips'
        body = valid(TipIn, request.data)
        record = actions.tip_receive(request.user, policy, form, body["data"], channel=body["channel"])
        return Response(_row(record), status=201)

    @extend_schema(operation_id="tips_list", parameters=[
        OpenApiParameter("purpose", str, description="the tip purpose (or X-Purpose)")],
        responses={200: TipOut(many=True), 403: OpenApiResponse(description="role_not_granted, purpose_mismatch")})
    def get(self, request: Request) -> Response:
        """The tips, newest first, with their fields; every tip shown is an audited read."""
        policy = current()
        purpose = purpose_of(request)
        form = _form(policy)
        return Response([_row(record, data) for record, data in actions.tips_list(request.user, policy, form,
                                                                                   purpose)])
