"""Request shapes of the consent API (validation only; the actions do the work) and the register rows."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from waarborg.audiences.api import times
from waarborg.core.times import rfc3339_or_none
from waarborg.engine.consent.models import Notice
from waarborg.engine.consent.rows import consent_row, register_csv  # noqa: F401 - the views use them


class Signatory(serializers.Serializer):
    role = serializers.ChoiceField(choices=["self", "parent", "guardian", "representative"],
                                   help_text="representative: a legal representative who signs for the subject")
    name = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")


class Evidence(serializers.Serializer):
    document = serializers.CharField(max_length=200, required=False, allow_blank=True, default="",
                                     help_text="reference of the signed toestemmingsverklaring")
    scope = serializers.ListField(child=serializers.ChoiceField(choices=["general", "special"]), required=False)
    text_version = serializers.CharField(max_length=64, required=False, allow_blank=True, default="")


class ConsentIn(serializers.Serializer):
    subject = serializers.UUIDField()
    purpose = serializers.CharField(max_length=64)
    given_at = times.DateTimeField(required=False)
    channel = serializers.CharField(max_length=32, required=False, allow_blank=True, default="")
    signatories = Signatory(many=True, required=False)
    evidence = Evidence(required=False)


class RefusalIn(serializers.Serializer):
    subject = serializers.UUIDField()
    purpose = serializers.CharField(max_length=64)
    consequences = serializers.CharField(max_length=4000, required=False, allow_blank=True, default="")
    at = times.DateTimeField(required=False)
    channel = serializers.CharField(max_length=32, required=False, allow_blank=True, default="")


class WithdrawIn(serializers.Serializer):
    at = times.DateTimeField(required=False)
    channel = serializers.CharField(max_length=32, required=False, allow_blank=True, default="")


class VerifyIn(serializers.Serializer):
    method = serializers.CharField(max_length=32)
    at = times.DateTimeField(required=False)


class ObjectionIn(serializers.Serializer):
    subject = serializers.UUIDField()
    purpose = serializers.CharField(max_length=64)
    received_at = times.DateTimeField(required=False)
    channel = serializers.CharField(max_length=32, required=False, allow_blank=True, default="")


class OverrideIn(serializers.Serializer):
    grounds = serializers.CharField(max_length=4000)


class RestrictionIn(serializers.Serializer):
    subject = serializers.UUIDField()
    purpose = serializers.CharField(max_length=64, required=False, allow_blank=True, default="")
    reason = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    at = times.DateTimeField(required=False)


class OptOutIn(serializers.Serializer):
    subject = serializers.UUIDField()
    purpose = serializers.CharField(max_length=64, required=False, allow_blank=True, default="")
    channel = serializers.CharField(max_length=32, required=False, allow_blank=True, default="")
    at = times.DateTimeField(required=False)


class ChannelIn(serializers.Serializer):
    channel = serializers.CharField(max_length=32, required=False, allow_blank=True, default="")


class NoticeSentIn(serializers.Serializer):
    channel = serializers.CharField(max_length=32)
    sent_at = times.DateTimeField(required=False)


class MailingIn(serializers.Serializer):
    purpose = serializers.CharField(max_length=64)
    subjects = serializers.ListField(child=serializers.UUIDField(), max_length=100_000)
    data_fields = serializers.ListField(child=serializers.CharField(max_length=130), required=False, default=list,
                                   help_text="record_type.field the mailing filters on or includes")


def _iso(value: Any) -> str | None:
    return rfc3339_or_none(value)


def notice_row(notice: Notice) -> dict[str, Any]:
    return {
        "id": str(notice.pk), "subject": str(notice.subject_id), "purpose": notice.purpose, "kind": notice.kind,
        "basis": notice.basis, "source": {"kind": notice.source_kind, "detail": notice.source_detail},
        "record": str(notice.record_id) if notice.record_id else None, "content": notice.content,
        "due_at": _iso(notice.due_at), "sent_at": _iso(notice.sent_at), "channel": notice.channel,
    }
