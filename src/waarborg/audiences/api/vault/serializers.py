"""The vault's REST shapes (CONTRACT.md). They check shape only; meaning is checked by the actions."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from waarborg.audiences.api import times
from waarborg.engine.policy.schema import Channel, SourceKind


class SubjectIn(serializers.Serializer):
    birth_date = serializers.DateField(required=False, allow_null=True)
    bsn = serializers.CharField(required=False, allow_blank=True, max_length=20,
                                help_text="Burgerservicenummer; checked with the 11-proof, stored only sealed "
                                          "and as a keyed hash for look-ups.")
    external_id = serializers.CharField(required=False, allow_null=True, allow_blank=True, max_length=100)
    group = serializers.CharField(required=False, allow_blank=True, max_length=64,
                                  help_text="The group of data subjects (a key of the policy's subject_groups: "
                                            "clients, volunteers, relatives...). Default: the policy's default "
                                            "group. Records are stored only under the purposes of the group.")


class IdOut(serializers.Serializer):
    id = serializers.UUIDField()


GROUP_HELP = ("The group of data subjects (a key of the policy's subject_groups); \"\" where the policy has no "
              "groups.")
GROUP_LABEL_HELP = "The group in words, in the language of the request (Accept-Language): Cliënten, Volunteers..."


class SubjectFound(serializers.Serializer):
    id = serializers.UUIDField()
    external_id = serializers.CharField(allow_null=True)
    created_at = times.DateTimeField()
    group = serializers.CharField(help_text=GROUP_HELP)
    group_label = serializers.CharField(help_text=GROUP_LABEL_HELP)


class SourceIn(serializers.Serializer):
    kind = serializers.ChoiceField(choices=[s.value for s in SourceKind],
                                   help_text="Where the data came from (S2-13); must be a source the policy "
                                             "declares for the purpose. Default: the purpose's first source.")
    detail = serializers.CharField(required=False, allow_blank=True, default="", max_length=200)


# Fields named `data`, `source` and `fields` shadow Serializer attributes for mypy only: DRF's
# metaclass takes declared fields off the class, hence the `type: ignore` comments.
class RecordIn(serializers.Serializer):
    subject = serializers.UUIDField()
    type = serializers.CharField(max_length=64, help_text="A record type of the active policy.")
    data = serializers.DictField(help_text="The record's fields, as declared by its record type.")  # type: ignore[assignment]
    collected_at = times.DateTimeField(required=False, allow_null=True,
                                             help_text="May lie in the past (imports); never more than 5 minutes "
                                                       "in the future.")
    source = SourceIn(required=False)  # type: ignore[assignment]
    channel = serializers.ChoiceField(choices=[c.value for c in Channel], required=False, allow_blank=True,
                                      help_text="How the data reached us (S0-03).")
    channel_detail = serializers.CharField(required=False, allow_blank=True, default="", max_length=200,
                                           help_text="Which intermediary; required when channel is intermediary.")


class RecordCreated(serializers.Serializer):
    id = serializers.UUIDField()
    type = serializers.CharField()
    purpose = serializers.CharField()
    expires_at = times.DateTimeField(allow_null=True, help_text="Null while open-ended.")


class RecordPatch(serializers.Serializer):
    data = serializers.DictField(help_text="Only the fields to correct; null clears an optional field.")  # type: ignore[assignment]


class RecordCorrected(RecordCreated):
    corrected = serializers.ListField(child=serializers.CharField(), help_text="The fields given for correction.")


class SourceOut(serializers.Serializer):
    kind = serializers.CharField()
    detail = serializers.CharField()


class FieldClassOut(serializers.Serializer):
    category = serializers.CharField()
    encrypted = serializers.BooleanField()

    def get_fields(self) -> dict[str, Any]:
        fields = super().get_fields()
        # `class` is a Python keyword, so it cannot be declared as an attribute.
        fields["class"] = serializers.ChoiceField(choices=["general", "special"],
                                                  help_text="General or special personal data (AVG art. 9).")
        return fields


class RecordOut(serializers.Serializer):
    id = serializers.UUIDField()
    subject = serializers.UUIDField(allow_null=True)
    type = serializers.CharField()
    purpose = serializers.CharField()
    data = serializers.DictField()  # type: ignore[assignment]
    collected_at = times.DateTimeField()
    expires_at = times.DateTimeField(allow_null=True)
    source = SourceOut()  # type: ignore[assignment]
    channel = serializers.CharField()
    channel_detail = serializers.CharField()
    basis = serializers.CharField(help_text="The legal basis (AVG art. 6) the record was collected under.")
    group = serializers.CharField(help_text="The subject's group when the record was collected; " + GROUP_HELP)
    group_label = serializers.CharField(help_text=GROUP_LABEL_HELP)
    fields = serializers.DictField(  # type: ignore[assignment]
        child=FieldClassOut(), help_text="Per field: category, general or special data, encrypted at rest.")
