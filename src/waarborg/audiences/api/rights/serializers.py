"""Input shapes of the rights endpoints (DRF validation errors become 422 `{"errors": ...}`)."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from waarborg.audiences.api import times
from waarborg.engine.rights.actions import REQUIRED_REDACTIONS, TYPES
from waarborg.engine.rights.duties import KINDS
from waarborg.engine.rights.models import Request


class RequesterIn(serializers.Serializer[Any]):
    kind = serializers.ChoiceField(choices=KINDS, default="subject",
                                   help_text="Who asked: the subject, a parent or guardian, or a representative.")
    name = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    contact = serializers.CharField(max_length=500, required=False, allow_blank=True, default="",
                                    help_text="Where the answer goes: an e-mail address (secure mail) or a postal "
                                              "address (letter).")
    authorisation = serializers.CharField(max_length=1000, required=False, allow_blank=True, default="",
                                          help_text="What shows the guardian or representative may act, e.g. a "
                                                    "signed authorisation or a court order.")


class RequestCreate(serializers.Serializer[Any]):
    subject = serializers.UUIDField()
    type = serializers.ChoiceField(choices=TYPES)
    channel = serializers.CharField(max_length=32)
    received_at = times.DateTimeField(required=False)
    purpose = serializers.CharField(max_length=64, required=False, allow_blank=True, default="")
    details = serializers.CharField(max_length=10_000, required=False, allow_blank=True, default="")
    id_copy = serializers.CharField(max_length=200, required=False, allow_blank=True, default="",
                                    help_text="Where the ID copy is kept (a reference, never the image).")
    requester = RequesterIn(required=False, help_text="Who asked (default: the subject). Sealed with the subject's "
                                                      "key; never in the audit log.")


class Match(serializers.Serializer[Any]):
    subject = serializers.UUIDField(help_text="The subject the request is about (GET subjects?bsn= finds it).")


class RequestCreated(serializers.Serializer[Any]):
    id = serializers.UUIDField()
    due_at = times.DateTimeField()
    status = serializers.ChoiceField(choices=Request.Status.choices)


class IdCopy(serializers.Serializer[Any]):
    reference = serializers.CharField(max_length=200)
    text = serializers.CharField(max_length=20_000, required=False, allow_blank=True, default="",
                                 help_text="Text recognised on the copy; checked for an unredacted BSN or MRZ, "
                                           "never stored.")


class Verify(serializers.Serializer[Any]):
    method = serializers.CharField(max_length=32)
    redactions = serializers.ListField(child=serializers.CharField(max_length=32), required=False, default=list,
                                       help_text=f"For id_copy, confirm each of: {', '.join(REQUIRED_REDACTIONS)}.")


class Extend(serializers.Serializer[Any]):
    reason = serializers.CharField(max_length=2000, allow_blank=True)
    by = serializers.CharField(max_length=16, required=False, allow_blank=True, default="")


class Answer(serializers.Serializer[Any]):
    nl = serializers.CharField(max_length=10_000, required=False, allow_blank=True, default="")
    en = serializers.CharField(max_length=10_000, required=False, allow_blank=True, default="")


class Close(Answer):
    outcome = serializers.CharField(max_length=32, required=False, allow_blank=True, default="")


class Rectify(serializers.Serializer[Any]):
    record = serializers.UUIDField()
    data = serializers.DictField()  # type: ignore[assignment]  # the contract calls the fields `data`


class Complete(serializers.Serializer[Any]):
    statement = serializers.CharField(max_length=10_000, allow_blank=True)
    record = serializers.UUIDField(required=False, allow_null=True, default=None)
