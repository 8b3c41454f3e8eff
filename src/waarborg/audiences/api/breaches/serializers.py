"""Input and output shapes of the breach API."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from waarborg.audiences.api import times
from waarborg.core.times import rfc3339
from waarborg.engine.breaches import clock
from waarborg.engine.breaches.models import AffectedSubject, Breach, BreachLogEntry, Kind
from waarborg.engine.policy.active import current


class BreachCreate(serializers.Serializer):
    aware_at = times.DateTimeField()
    description = serializers.CharField(max_length=10_000)
    kind = serializers.ChoiceField(choices=Kind.choices, default=Kind.OTHER)
    categories = serializers.ListField(child=serializers.CharField(max_length=64), default=list)
    subjects = serializers.ListField(child=serializers.UUIDField(), default=list)
    started_at = times.DateTimeField(required=False, allow_null=True, default=None)
    received_at = times.DateTimeField(required=False, allow_null=True, default=None)


class SuspicionReport(serializers.Serializer):
    description = serializers.CharField(max_length=10_000)
    name = serializers.CharField(max_length=200, required=False, default="", allow_blank=True)
    contact = serializers.CharField(max_length=200, required=False, default="", allow_blank=True)
    kind = serializers.ChoiceField(choices=Kind.choices, default=Kind.OTHER)


class Assessment(serializers.Serializer):
    risk = serializers.ChoiceField(choices=["none", "low", "high"])
    nature = serializers.ListField(child=serializers.CharField(max_length=16), required=False)
    categories = serializers.ListField(child=serializers.CharField(max_length=64), required=False)
    kind = serializers.ChoiceField(choices=Kind.choices, required=False)
    cause = serializers.CharField(required=False, allow_blank=True)
    consequences = serializers.CharField(required=False, allow_blank=True)
    prior_measures = serializers.CharField(required=False, allow_blank=True)
    encrypted = serializers.BooleanField(required=False, allow_null=True)
    measures_taken = serializers.CharField(required=False, allow_blank=True)
    measures_subject_can_take = serializers.CharField(required=False, allow_blank=True)
    follow_up = serializers.CharField(required=False, allow_blank=True)
    record_count = serializers.IntegerField(required=False, min_value=0)
    started_at = times.DateTimeField(required=False)
    ended_at = times.DateTimeField(required=False)
    ongoing = serializers.BooleanField(required=False)


class SubjectQuery(serializers.Serializer):
    """Everyone with records of these categories (and purpose/type) collected between two dates."""

    categories = serializers.ListField(child=serializers.CharField(max_length=64), default=list)
    purpose = serializers.CharField(required=False, default="", allow_blank=True)
    record_type = serializers.CharField(required=False, default="", allow_blank=True)
    collected_from = times.DateTimeField(required=False, allow_null=True, default=None)
    collected_until = times.DateTimeField(required=False, allow_null=True, default=None)
    subjects = serializers.ListField(child=serializers.UUIDField(), default=list)

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if not (attrs["categories"] or attrs["purpose"] or attrs["record_type"] or attrs["subjects"]):
            raise serializers.ValidationError(
                {"categories": ["Beperk de selectie (categorie, doel, type of personen). / Narrow the selection."]})
        return attrs


class AuthorityNotificationIn(serializers.Serializer):
    kind = serializers.CharField(default="initial", help_text="initial | supplement")
    at = times.DateTimeField(required=False, allow_null=True, default=None)
    reference = serializers.CharField(max_length=100, required=False, default="", allow_blank=True)
    form = serializers.DictField(required=False, default=dict)


class Notices(serializers.Serializer):
    channel = serializers.CharField(default="portal", help_text="portal | email | letter | phone | in_person")


class NotReached(serializers.Serializer):
    count = serializers.IntegerField()
    affected = serializers.ListField(child=serializers.IntegerField(), help_text="ids of `affected` rows")


class BreachClose(serializers.Serializer):
    reasoning = serializers.CharField(required=False, default="", allow_blank=True)


class Note(serializers.Serializer):
    text = serializers.CharField(max_length=10_000)


class AffectedOut(serializers.ModelSerializer):
    class Meta:
        model = AffectedSubject
        fields = ("id", "subject", "categories", "record_count", "added_at", "notified_at", "notice")


class BreachOut(serializers.ModelSerializer):
    authority_state = serializers.SerializerMethodField()
    overdue = serializers.SerializerMethodField()
    warn_at = serializers.SerializerMethodField()
    affected = AffectedOut(many=True, read_only=True)

    class Meta:
        model = Breach
        exclude = ("reported_by", "policy_version")

    def get_authority_state(self, obj: Breach) -> str:
        return clock.state(obj, current())

    def get_overdue(self, obj: Breach) -> bool:
        return clock.is_overdue(obj)

    def get_warn_at(self, obj: Breach) -> str:
        return rfc3339(clock.warn_at(obj, current()))


class LogOut(serializers.ModelSerializer):
    class Meta:
        model = BreachLogEntry
        fields = ("at", "actor", "event", "detail")


class NoticesOut(BreachOut):
    """The breach, and what this call did: people told, and people the channel could not reach."""

    channel = serializers.CharField()
    sent = serializers.IntegerField()
    unreachable = NotReached(help_text="no e-mail address (or one shared with another affected person), or no "
                                       "portal account: still un-notified; use a letter or phone")
    failed = NotReached(help_text="the mail relay refused or was down: still un-notified; recorded in the trail")
    message = serializers.CharField(required=False, help_text="present when someone was not reached")

