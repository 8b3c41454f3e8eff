"""The caseload endpoints' REST shapes. They check shape only; meaning is checked by the actions."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from waarborg.audiences.api import times
from waarborg.engine.vault.models import Assignment


class AssignIn(serializers.Serializer):
    purpose = serializers.CharField(max_length=64, help_text="A need-to-know purpose of the active policy.")
    staff = serializers.CharField(required=False, allow_blank=True, max_length=150,
                                  help_text="The username of an active staff member whose roles grant something "
                                            "on the purpose. Name `staff` or `team`, not both.")
    team = serializers.CharField(required=False, allow_blank=True, max_length=64,
                                 help_text="A team the policy declares (`teams:`) or an active staff account carries.")


class AssignedOut(serializers.Serializer):
    id = serializers.IntegerField()


class AlreadyAssignedOut(serializers.Serializer):
    detail = serializers.CharField()
    id = serializers.IntegerField(help_text="The active assignment that exists already.")


class AssignmentOut(serializers.Serializer):
    id = serializers.IntegerField()
    subject = serializers.UUIDField()
    external_id = serializers.CharField(allow_null=True, help_text="The subject's number in the organisation's "
                                                                   "own system, if registered.")
    purpose = serializers.CharField()
    staff = serializers.CharField(allow_null=True, help_text="Username, or null for a team assignment.")
    team = serializers.CharField(allow_null=True)
    since = times.DateTimeField()
    via = serializers.ChoiceField(choices=Assignment.Via.values,
                                  help_text="assign: by a caseload manager or the CLI; intake: the registrar of a "
                                            "new subject; handover: moved from a colleague.")
    assigned_by = serializers.CharField(help_text="A username, or system:... for the platform (the CLI).")
    ended_at = times.DateTimeField(allow_null=True, help_text="Null while active; access ended then.")
    ended_by = serializers.CharField(allow_null=True)


class HandoverIn(serializers.Serializer):
    to = serializers.CharField(required=False, allow_blank=True, max_length=150,
                               help_text="The colleague (username) who takes the cases over; or name a `team`.")
    team = serializers.CharField(required=False, allow_blank=True, max_length=64)
    purpose = serializers.CharField(required=False, allow_blank=True, max_length=64,
                                    help_text="Only the cases of this purpose; all of them when left out.")

    def get_fields(self) -> dict[str, Any]:
        fields = super().get_fields()
        # `from` is a Python keyword, so it cannot be declared as an attribute.
        fields["from"] = serializers.CharField(max_length=150, help_text="The leaving colleague (username).")
        return fields


class HandoverOut(serializers.Serializer):
    moved = serializers.IntegerField(help_text="How many of the leaver's assignments ended.")
    assignments = AssignmentOut(many=True, help_text="The receiver's assignments for those cases.")
