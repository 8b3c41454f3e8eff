"""/api/v1/statistics/...: the analytics export (aggregates) and the municipal policy report."""

from __future__ import annotations

from datetime import date, timedelta

from django.utils import timezone
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from waarborg.audiences.api.purpose import purpose_of
from waarborg.core.errors import Invalid
from waarborg.core.times import TimeFormatError, parse_date
from waarborg.engine.policy.active import current
from waarborg.modules.statistics.access import require_purpose, require_reader
from waarborg.modules.statistics.analytics import DIMENSIONS, visits_export
from waarborg.modules.statistics.reports import policy_report
from waarborg.modules.statistics.visits import report_purpose, visit_purpose


def _day(request: Request, name: str, default: date) -> date:
    raw = (request.query_params.get(name) or "").strip()
    if not raw:
        return default
    try:
        return parse_date(raw)
    except TimeFormatError as exc:
        raise Invalid({name: [str(exc)]}) from None


class VisitStatisticsView(APIView):
    @extend_schema(operation_id="statistics_visits", parameters=[
        OpenApiParameter("purpose", str, description="the statistics purpose (or X-Purpose)"),
        OpenApiParameter("from", str, description="first day (default: 30 days ago)"),
        OpenApiParameter("to", str, description="last day (default: today)"),
        OpenApiParameter("by", str, description=f"comma-separated, from {', '.join(DIMENSIONS)} (default: day,page)")],
        responses={200: OpenApiResponse(description='{"purpose", "from", "to", "by", "rows": [{..., "visits"}]}'),
                   403: OpenApiResponse(description="role_not_granted, purpose_mismatch")})
    def get(self, request: Request) -> Response:
        policy = current()
        named = purpose_of(request)
        purpose = visit_purpose(policy)
        require_reader(policy, request.user, "statistics.export", named)
        require_purpose(request.user, "statistics.export", named, {purpose} if purpose else set())
        by = tuple(d.strip() for d in (request.query_params.get("by") or "day,page").split(",") if d.strip())
        if any(d not in DIMENSIONS for d in by):
            raise Invalid({"by": [f"kies uit {', '.join(DIMENSIONS)}"]})
        until = _day(request, "to", timezone.localdate())
        since = _day(request, "from", until - timedelta(days=30))
        rows = visits_export(request.user, named, since=since, until=until, by=by)
        return Response({"purpose": named, "from": since.isoformat(), "to": until.isoformat(), "by": list(by),
                         "anonymous": True, "rows": rows})


class PolicyReportView(APIView):
    @extend_schema(operation_id="statistics_policy_report", parameters=[
        OpenApiParameter("purpose", str, description="the policy-research purpose (or X-Purpose)"),
        OpenApiParameter("project", str, description="pseudonyms stay the same within one project")],
        responses={200: OpenApiResponse(description="aggregates of the policy_use fields, groups < k left out"),
                   403: OpenApiResponse(description="role_not_granted, purpose_mismatch")})
    def get(self, request: Request) -> Response:
        policy = current()
        named = purpose_of(request)
        research = report_purpose(policy)
        require_reader(policy, request.user, "statistics.policy_report", named)
        require_purpose(request.user, "statistics.policy_report", named, {research} if research else set())
        project = (request.query_params.get("project") or "").strip()[:64]
        return Response(policy_report(request.user, policy, named, project=project))
