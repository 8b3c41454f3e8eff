"""The breach register over HTTP: staff intake and workflow, the public suspicion form, exports."""

from __future__ import annotations

from abc import ABCMeta, abstractmethod
from typing import Any

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import renderers, status
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from waarborg.audiences.api.breaches import serializers
from waarborg.core.errors import Invalid
from waarborg.core.times import rfc3339, rfc3339_or_none
from waarborg.engine.breaches import actions, exports, reading
from waarborg.engine.breaches.models import Breach
from waarborg.engine.breaches.selection import Selection
from waarborg.engine.policy.active import current
from waarborg.engine.vault.models import Subject


class CSVRenderer(renderers.BaseRenderer):
    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    def render(self, data: Any, accepted_media_type: str | None = None, renderer_context: Any = None) -> bytes:
        return (data if isinstance(data, str) else "").encode()


def _flag(request: Request, name: str) -> bool | None:
    """A yes/no filter: absent is no filter; 1/true or 0/false; anything else is malformed (422)."""
    raw = (request.query_params.get(name) or "").strip().lower()
    if not raw:
        return None
    if raw not in ("1", "true", "0", "false"):
        raise Invalid({name: ["1 of 0 / 1 or 0"]})
    return raw in ("1", "true")


def _breach(pk: Any) -> Breach:
    return get_object_or_404(Breach, pk=pk)


def _detail(breach: Breach) -> dict[str, Any]:
    breach.refresh_from_db()
    return dict(serializers.BreachOut(breach).data)


class BreachList(APIView):
    renderer_classes = [renderers.JSONRenderer, CSVRenderer]

    @extend_schema(operation_id="breaches_create", request=serializers.BreachCreate,
                   parameters=[OpenApiParameter("format", exclude=True)],  # the answer is always JSON
                   responses={201: OpenApiResponse(description='{"id", "authority_due_at"}')})
    def post(self, request: Request) -> Response:
        actions.require_manager(request.user, "breach.create", current())
        body = serializers.BreachCreate(data=request.data)
        body.is_valid(raise_exception=True)
        breach = actions.breach_register(request.user, **body.validated_data)
        return Response({"id": str(breach.pk), "authority_due_at": rfc3339(breach.authority_due_at),
                         "status": breach.status}, status=status.HTTP_201_CREATED)

    @extend_schema(operation_id="breaches_register", parameters=[
        OpenApiParameter("overdue", str, enum=["1", "0"], description="1: only breaches past the authority deadline "
                         "without a notification in time (the register's `overdue` column); 0: only the others"),
        OpenApiParameter("format", str, enum=["json", "csv"])],
        responses={200: OpenApiResponse(
            description="The register: one row per breach (" + ", ".join(exports.REGISTER_COLUMNS) + "); CSV with "
                        "?format=csv")})
    def get(self, request: Request) -> Response:
        """The breach register (`?format=csv` for CSV, `?overdue=1` for the late ones)."""
        policy = current()
        actions.require_viewer(request.user, "breach.register", policy)
        overdue = _flag(request, "overdue")
        rows = exports.register_rows(policy, Breach.objects.prefetch_related("affected").order_by("aware_at"))
        if overdue is not None:
            rows = [row for row in rows if row["overdue"] is overdue]
        if request.accepted_renderer.format == "csv":
            return Response(exports.register_csv(rows), content_type="text/csv; charset=utf-8")
        return Response(rows)


class SuspicionReportView(APIView):
    """Public: "ik vermoed een datalek". No account needed; the clock starts at receipt."""

    authentication_classes: list[Any] = []
    permission_classes = [AllowAny]

    @extend_schema(operation_id="breaches_report", request=serializers.SuspicionReport,
                   responses={201: OpenApiResponse(description='{"id", "received_at"}')})
    def post(self, request: Request) -> Response:
        body = serializers.SuspicionReport(data=request.data)
        body.is_valid(raise_exception=True)
        data = body.validated_data
        breach = actions.breach_report_suspicion(description=data["description"], reporter_name=data["name"],
                                                 reporter_contact=data["contact"], kind=data["kind"])
        return Response({"id": str(breach.pk), "received_at": rfc3339(breach.received_at),
                         "message": "Bedankt voor uw melding. Wij nemen die direct in behandeling. / "
                                    "Thank you for your report. We are looking into it right away."},
                        status=status.HTTP_201_CREATED)


class BreachDetail(APIView):
    @extend_schema(operation_id="breach_get", responses={200: serializers.BreachOut})
    def get(self, request: Request, pk: Any) -> Response:
        actions.require_viewer(request.user, "breach.read", current())
        return Response(_detail(_breach(pk)))


class _Step(APIView, metaclass=ABCMeta):
    """A workflow step: POST a body, get the breach back."""

    body: type[Any]
    step: str  # names the refused audit entry, as the action does: breach.<step>.refused

    @abstractmethod
    def run(self, request: Request, breach: Breach, data: dict[str, Any]) -> Any:
        """Carry out the step (each subclass calls its action)."""

    def post(self, request: Request, pk: Any) -> Response:
        actions.require_manager(request.user, f"breach.{self.step}", current())
        breach = _breach(pk)
        body = self.body(data=request.data)
        body.is_valid(raise_exception=True)
        result = self.run(request, breach, body.validated_data)
        return Response({**_detail(breach), **(result or {})}, status=status.HTTP_200_OK)


class Assess(_Step):
    step = "assess"
    body = serializers.Assessment

    @extend_schema(operation_id="breach_assess", request=serializers.Assessment, responses=serializers.BreachOut)
    def post(self, request: Request, pk: Any) -> Response:
        return super().post(request, pk)

    def run(self, request: Request, breach: Breach, data: dict[str, Any]) -> Any:
        actions.breach_assess(request.user, breach, **data)


class AddSubjects(_Step):
    step = "subjects"
    body = serializers.SubjectQuery

    @extend_schema(operation_id="breach_subjects", request=serializers.SubjectQuery, responses=serializers.BreachOut)
    def post(self, request: Request, pk: Any) -> Response:
        return super().post(request, pk)

    def run(self, request: Request, breach: Breach, data: dict[str, Any]) -> Any:
        selection = Selection(categories=tuple(data["categories"]), purpose=data["purpose"],
                              record_type=data["record_type"], collected_from=data["collected_from"],
                              collected_until=data["collected_until"], subjects=tuple(data["subjects"]))
        return {"added": actions.breach_add_subjects(request.user, breach, selection)}


class NotifyAuthority(_Step):
    step = "authority"
    body = serializers.AuthorityNotificationIn

    @extend_schema(operation_id="breach_notify_authority", request=serializers.AuthorityNotificationIn,
                   responses=serializers.BreachOut)
    def post(self, request: Request, pk: Any) -> Response:
        return super().post(request, pk)

    def run(self, request: Request, breach: Breach, data: dict[str, Any]) -> Any:
        notification = actions.authority_notify(request.user, breach, **data)
        return {"notification": {"kind": notification.kind, "at": rfc3339(notification.at),
                                 "form": notification.form}}


class NotifySubjects(_Step):
    step = "notify_subjects"
    body = serializers.Notices

    @extend_schema(operation_id="breach_notify_subjects", request=serializers.Notices,
                   responses=serializers.NoticesOut)
    def post(self, request: Request, pk: Any) -> Response:
        """Tell the affected people not yet told. Who the channel cannot reach stays un-notified and is
        listed under `unreachable` (no address, or no portal account) or `failed` (the mail relay refused)."""
        return super().post(request, pk)

    def run(self, request: Request, breach: Breach, data: dict[str, Any]) -> Any:
        run = actions.subject_notices_send(request.user, breach, channel=data["channel"])
        answer: dict[str, Any] = {"channel": run.channel, "sent": run.sent,
                                  "unreachable": {"count": len(run.unreachable), "affected": run.unreachable},
                                  "failed": {"count": len(run.failed), "affected": run.failed}}
        if run.shortfall():
            answer["message"] = run.shortfall()
        return answer


class CloseBreach(_Step):
    step = "close"
    body = serializers.BreachClose

    @extend_schema(operation_id="breach_close", request=serializers.BreachClose, responses=serializers.BreachOut)
    def post(self, request: Request, pk: Any) -> Response:
        return super().post(request, pk)

    def run(self, request: Request, breach: Breach, data: dict[str, Any]) -> Any:
        actions.breach_close(request.user, breach, reasoning=data["reasoning"])


class AddNote(_Step):
    step = "note"
    body = serializers.Note

    @extend_schema(operation_id="breach_note", request=serializers.Note, responses=serializers.BreachOut)
    def post(self, request: Request, pk: Any) -> Response:
        return super().post(request, pk)

    def run(self, request: Request, breach: Breach, data: dict[str, Any]) -> Any:
        actions.breach_note(request.user, breach, data["text"])


class Trail(APIView):
    @extend_schema(operation_id="breach_log", responses=serializers.LogOut(many=True))
    def get(self, request: Request, pk: Any) -> Response:
        actions.require_viewer(request.user, "breach.log", current())
        breach = _breach(pk)
        return Response(serializers.LogOut(breach.trail.order_by("at", "id"), many=True).data)


class AuthorityExport(APIView):
    @extend_schema(operation_id="breach_authority_export",
                   responses={200: OpenApiResponse(description="The AP meldformulier as JSON")})
    def get(self, request: Request, pk: Any) -> Response:
        policy = current()
        actions.require_viewer(request.user, "breach.export", policy)
        breach = _breach(pk)
        form = exports.authority_form(breach, policy)
        form["notifications"] = [{"kind": n.kind, "at": rfc3339(n.at), "reference": n.reference, "form": n.form}
                                 for n in breach.authority_notifications.all()]
        return Response(form)


class SubjectBreaches(APIView):
    """The breaches a person was involved in, with the notice they got (S4-21)."""

    @extend_schema(operation_id="subject_breaches", responses=serializers.AffectedOut(many=True))
    def get(self, request: Request, pk: Any) -> Response:
        rows, staff = reading.breaches_of(request.user, get_object_or_404(Subject, pk=pk))
        return Response([{
            "breach": str(r.breach_id), "kind": r.breach.kind, "description": r.breach.description,
            "aware_at": rfc3339(r.breach.aware_at), "status": r.breach.status, "risk": r.breach.risk,
            "categories": r.categories, "notified_at": rfc3339_or_none(r.notified_at),
            "notice": r.notice,
            "trail": serializers.LogOut(r.breach.trail.order_by("at", "id"), many=True).data if staff
            else _steps(r.breach),
        } for r in rows])


# What the person involved sees of the trail: the steps and when, never who, notes, or other people's notices.
PUBLIC_STEPS = ("create", "reported", "assess", "authority_initial", "authority_supplement", "close")


def _steps(breach: Any) -> list[dict[str, Any]]:
    return [{"at": entry.at, "actor": "", "event": entry.event, "detail": {}}
            for entry in breach.trail.filter(event__in=PUBLIC_STEPS).order_by("at", "id")]


