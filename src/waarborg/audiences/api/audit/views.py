"""GET /api/v1/audit/entries: the audit log, read-only, for the privacy officer (and a DPO).

There is deliberately no way to write: only GET is routed, so PUT, PATCH, POST and DELETE answer 405
(S0-22, S0-24); the database would refuse the change anyway. Reading the log is itself logged, because
the entries name staff members and pseudonymised subjects.
"""

from __future__ import annotations

import uuid

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from waarborg.core.errors import Invalid
from waarborg.engine.audit.models import AuditEntry
from waarborg.engine.audit.reading import entries_page, require_reader

MAX_LIMIT = 500


class AuditEntrySerializer(serializers.ModelSerializer):
    subject = serializers.CharField(source="subject_pseudonym")
    record = serializers.CharField(source="record_id")
    has_changes = serializers.SerializerMethodField()

    class Meta:
        model = AuditEntry
        fields = ["id", "at", "actor", "actor_kind", "actor_roles", "action", "purpose", "policy_version",
                  "subject", "subjects", "record", "outcome", "reason", "detail", "has_changes", "prev_hash", "hash"]
        extra_kwargs = {"subjects": {"help_text": "grouped entries (retention sweep): the pseudonyms of the "
                                                  "subjects of the items in `detail.items`, in order"},
                        "hash": {"help_text": "the entry's MAC (docs/audit.md); entries before the upgrade to keyed "
                                              "entries: its SHA-256 in the old chain"},
                        "prev_hash": {"help_text": "entries before the upgrade to keyed entries only: the previous "
                                                   "entry's hash; empty since"}}

    def get_has_changes(self, entry: AuditEntry) -> bool:
        return bool(entry.sealed)


class AuditPageSerializer(serializers.Serializer):
    entries = AuditEntrySerializer(many=True)
    next_after = serializers.IntegerField(allow_null=True)


def _int(request: Request, name: str, default: int) -> int:
    raw = request.query_params.get(name)
    try:
        return int(raw) if raw not in (None, "") else default
    except ValueError:
        raise Invalid({name: ["geen geheel getal / not an integer"]}) from None


class AuditEntryList(APIView):
    @extend_schema(
        operation_id="audit_entries_list",
        description="The audit log in chain order, read-only (privacy officer, DPO). Page with `after`.",
        parameters=[
            OpenApiParameter("after", int, description="only entries with a larger id"),
            OpenApiParameter("limit", int, description=f"at most this many (default 100, max {MAX_LIMIT})"),
            OpenApiParameter("subject", str, description="only entries about this subject (vault id)"),
            OpenApiParameter("action", str, description="only this action, e.g. record.read"),
        ],
        responses={200: AuditPageSerializer},
    )
    def get(self, request: Request) -> Response:
        require_reader(request.user)  # before the query is parsed: a stranger learns nothing from it
        after, limit = _int(request, "after", 0), min(max(_int(request, "limit", 100), 1), MAX_LIMIT)
        subject = request.query_params.get("subject") or None
        try:
            about = uuid.UUID(subject) if subject else None
        except ValueError:
            raise Invalid({"subject": ["geen subject-id / not a subject id"]}) from None
        page, more = entries_page(request.user, after=after, limit=limit, subject=about,
                                  action=request.query_params.get("action") or "")
        return Response({"entries": AuditEntrySerializer(page, many=True).data,
                         "next_after": page[-1].id if more and page else None})
