"""REST endpoints of caseloads (CONTRACT.md): assignments per subject, a caseload, ending one, hand-over.

Views only parse and answer; every check, write and audit entry happens in `caseloads.actions` and
`caseloads.reads`. Who may act is checked before anything is looked up: a stranger gets 403, never a 404.
"""

from __future__ import annotations

from typing import Any

from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from waarborg.audiences.api.bodies import valid
from waarborg.audiences.api.caseloads.serializers import (
    AlreadyAssignedOut,
    AssignedOut,
    AssignIn,
    AssignmentOut,
    HandoverIn,
    HandoverOut,
)
from waarborg.audiences.api.params import flag
from waarborg.core.errors import Invalid
from waarborg.engine.caseloads import actions, reads
from waarborg.engine.caseloads.access import require_caseload_view, require_manager
from waarborg.engine.policy.active import active
from waarborg.engine.vault.models import Assignment, Subject

ALL = OpenApiParameter("all", OpenApiTypes.BOOL, OpenApiParameter.QUERY, required=False,
                       description="`1`: ended assignments too (the history).")
NOT_FOUND = OpenApiResponse(description="Unknown subject.")
REFUSED = {
    401: OpenApiResponse(description="Not authenticated."),
    403: OpenApiResponse(description='Refused: `{"reason": "<code>", "detail": "<text>"}` (`role_not_granted`, '
                                     "`not_assigned`, ...); the attempt is in the audit log."),
}
INVALID = {
    400: OpenApiResponse(description="Malformed JSON."),
    413: OpenApiResponse(description="Request body larger than 1 MB."),
    422: OpenApiResponse(description='Invalid: `{"errors": {"<field>": ["<message>"]}}`.'),
}


def _flag(request: Request, name: str) -> bool:
    return flag(request, name)


def _staff(username: str, field: str) -> Any:
    user = actions.find_staff(username)
    if user is None:
        raise Invalid({field: ["Onbekende medewerker. (Unknown staff member.)"]})
    return user


def _out(rows: list[Assignment]) -> Any:
    return AssignmentOut([reads.describe(a) for a in rows], many=True).data


class SubjectAssignmentsView(APIView):
    @extend_schema(operation_id="subject_assignments_create", request=AssignIn,
                   responses={201: AssignedOut, 404: NOT_FOUND,
                              409: OpenApiResponse(AlreadyAssignedOut, description="Already assigned to that "
                                                   "person or team for this purpose; `id` is the active one."),
                              **REFUSED, **INVALID},
                   description="Put a subject in the caseload of a staff member or a team for a need-to-know "
                               "purpose: they may open its records from now on. For roles that manage "
                               "`caseloads`. Audited.")
    def post(self, request: Request, pk: Any) -> Response:
        policy = active().policy
        require_manager(request.user, policy, "subject.assign")
        subject = get_object_or_404(Subject, pk=pk)
        body = valid(AssignIn, request.data)
        staff, team = (body.get("staff") or "").strip(), (body.get("team") or "").strip()
        user = _staff(staff, "staff") if staff else None
        try:
            assignment = actions.assign(request.user, subject, body["purpose"], user=user, team=team)
        except actions.AlreadyAssigned as exc:
            return Response({"detail": str(exc.detail), "id": exc.existing.pk}, status=409)
        return Response({"id": assignment.pk}, status=201)

    @extend_schema(operation_id="subject_assignments_list", parameters=[ALL],
                   responses={200: AssignmentOut(many=True), 404: NOT_FOUND, **REFUSED},
                   description="Who has this subject in their caseload, per purpose: for caseload managers, the "
                               "privacy officer and the DPO (all purposes), and for staff who have the subject "
                               "themselves (their purposes). Audited.")
    def get(self, request: Request, pk: Any) -> Response:
        reads.check_subject_reader(request.user)
        subject = get_object_or_404(Subject, pk=pk)
        return Response(_out(reads.of_subject(request.user, subject, include_ended=_flag(request, "all"))))


class AssignmentView(APIView):
    @extend_schema(operation_id="assignments_end",
                   responses={204: None, 404: OpenApiResponse(description="Unknown assignment."),
                              409: OpenApiResponse(description="Already ended."), **REFUSED},
                   description="End an assignment: access ends at once; the assignment stays in the history "
                               "(`ended_at`, `ended_by`). For roles that manage `caseloads`. Audited.")
    def delete(self, request: Request, pk: int) -> Response:
        require_manager(request.user, active().policy, "subject.unassign")
        assignment = get_object_or_404(Assignment, pk=pk)
        actions.unassign(request.user, assignment)
        return Response(status=204)


class AssignmentsView(APIView):
    @extend_schema(operation_id="assignments_list",
                   parameters=[
                       OpenApiParameter("staff", OpenApiTypes.STR, OpenApiParameter.QUERY, required=False,
                                        description="`me` (the default), or a username (caseload managers only): "
                                                    "their assignments and their team's."),
                       OpenApiParameter("team", OpenApiTypes.STR, OpenApiParameter.QUERY, required=False,
                                        description="A team's assignments (one's own team, or any team for "
                                                    "caseload managers)."),
                       OpenApiParameter("purpose", OpenApiTypes.STR, OpenApiParameter.QUERY, required=False,
                                        description="Only this purpose."),
                       ALL],
                   responses={200: AssignmentOut(many=True), **REFUSED,
                              422: OpenApiResponse(description="Unknown staff member (for caseload managers).")},
                   description="A caseload: my clients (`?staff=me`), a colleague's or a team's. Audited.")
    def get(self, request: Request) -> Response:
        params = request.query_params
        name, team = (params.get("staff") or "").strip(), (params.get("team") or "").strip()
        if not name and not team:
            name = "me"
        user: Any = None
        if name.lower() in ("me", request.user.get_username().lower()):
            user = request.user
        elif name:
            user = actions.find_staff(name)
            if user is None:  # a stranger is refused before learning whether the name exists
                require_caseload_view(request.user, active().policy, "caseload.read", others=True)
                raise Invalid({"staff": ["Onbekende medewerker. (Unknown staff member.)"]})
        rows = reads.caseload(request.user, user=user, team=team, purpose=(params.get("purpose") or "").strip(),
                              include_ended=_flag(request, "all"))
        return Response(_out(rows))


class HandoverView(APIView):
    @extend_schema(operation_id="assignments_handover", request=HandoverIn,
                   responses={200: HandoverOut, **REFUSED, **INVALID},
                   description="Hand over every active case of a leaving colleague (of one purpose, if named) "
                               "to another colleague or a team, in one step: the leaver's assignments end and "
                               "their access with them. For roles that manage `caseloads`. Audited per case.")
    def post(self, request: Request) -> Response:
        policy = active().policy
        require_manager(request.user, policy, "caseload.handover")
        body = valid(HandoverIn, request.data)
        leaver = _staff(body["from"], "from")
        to, team = (body.get("to") or "").strip(), (body.get("team") or "").strip()
        if to and team:
            raise Invalid({"to": ["Noem een collega of een team, niet allebei. (Name a colleague or a team.)"]})
        receiver = _staff(to, "to") if to else None
        moved = actions.handover(request.user, leaver, user=receiver, team=team,
                                 purpose=(body.get("purpose") or "").strip())
        return Response(HandoverOut({"moved": len(moved), "assignments": [reads.describe(a) for a in moved]}).data)

