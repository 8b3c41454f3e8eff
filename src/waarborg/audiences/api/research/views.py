"""REST endpoints of research projects and datasets. Thin: parse, call the action, answer."""

from __future__ import annotations

from typing import Any

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from waarborg.audiences.api import times
from waarborg.audiences.api.bodies import valid as _valid
from waarborg.audiences.api.purpose import checked_purpose as _purpose
from waarborg.core.errors import Invalid
from waarborg.core.times import rfc3339, rfc3339_or_none
from waarborg.engine.accounts.models import User
from waarborg.engine.vault.models import Subject
from waarborg.modules.research import datasets, profiling, projects
from waarborg.modules.research.models import Dataset, Project

OK = {200: OpenApiResponse(description="Done.")}


class ResearchProjectIn(serializers.Serializer):
    name = serializers.CharField(max_length=200)
    kind = serializers.ChoiceField(choices=Project.Kind.values)


class ResearchNoticeIn(serializers.Serializer):
    conditions = serializers.DictField(child=serializers.CharField(max_length=4000, allow_blank=True))
    points_of_use = serializers.ListField(child=serializers.CharField(max_length=400), allow_empty=False)


class ResearchInformationIn(serializers.Serializer):
    channel = serializers.CharField(max_length=64)
    at = times.DateTimeField(required=False, default=None)


class ProfilingNoticeIn(serializers.Serializer):
    subject = serializers.UUIDField()
    informed_at = times.DateTimeField(required=False, default=None)
    channel = serializers.CharField(max_length=32, required=False, allow_blank=True, default="")


class ProfilingRunIn(serializers.Serializer):
    subjects = serializers.ListField(child=serializers.UUIDField(), allow_empty=False)


class ResearchDatasetIn(serializers.Serializer):
    project = serializers.UUIDField()
    purpose = serializers.CharField(max_length=2000, allow_blank=True)

    def get_fields(self) -> dict[str, Any]:
        # `fields` is the body's name for the declared field list, but also an attribute of Serializer.
        found: dict[str, Any] = dict(super().get_fields())
        found["fields"] = serializers.ListField(child=serializers.CharField(max_length=64), allow_empty=True)
        return found


class DatasetRowsIn(serializers.Serializer):
    rows = serializers.ListField(child=serializers.DictField(), allow_empty=True)


class DatasetAssignIn(serializers.Serializer):
    user = serializers.CharField(max_length=150, required=False, allow_blank=True, default="")
    recipient = serializers.CharField(max_length=64, required=False, allow_blank=True, default="")


def project_out(p: Project) -> dict[str, Any]:
    def iso(moment: Any) -> str | None:
        return rfc3339_or_none(moment)
    return {"id": str(p.pk), "name": p.name, "kind": p.kind, "purpose": p.purpose, "status": p.status,
            "notice": p.notice or None, "notice_published_at": iso(p.notice_published_at),
            "informed_at": iso(p.informed_at), "started_at": iso(p.started_at)}


def dataset_out(d: Dataset) -> dict[str, Any]:
    return {"id": str(d.pk), "project": str(d.project_id), "purpose": d.purpose, "fields": d.fields,
            "created_by": d.created_by.get_username(), "created_at": rfc3339(d.created_at),
            "assigned_to": (d.assigned_user.get_username() if d.assigned_user else d.assigned_recipient) or None}


class ProjectsView(APIView):
    @extend_schema(operation_id="research_projects_register", request=ResearchProjectIn, responses={201: OK[200]})
    def post(self, request: Request) -> Response:
        purpose = _purpose(request, "write")
        body = _valid(ResearchProjectIn, request.data)
        return Response(project_out(projects.project_register(request.user, purpose=purpose, **body)), status=201)


class NoticeView(APIView):
    @extend_schema(operation_id="research_projects_publish_notice", request=ResearchNoticeIn, responses=OK)
    def post(self, request: Request, pk: Any) -> Response:
        purpose = _purpose(request, "write")
        body = _valid(ResearchNoticeIn, request.data)
        project = get_object_or_404(Project, pk=pk)
        return Response(project_out(projects.notice_publish(request.user, project, purpose=purpose, **body)))


class InformationView(APIView):
    @extend_schema(operation_id="research_projects_information_step", request=ResearchInformationIn, responses=OK)
    def post(self, request: Request, pk: Any) -> Response:
        purpose = _purpose(request, "write")
        body = _valid(ResearchInformationIn, request.data)
        project = get_object_or_404(Project, pk=pk)
        return Response(project_out(projects.information_step_record(request.user, project, purpose=purpose, **body)))


class StartView(APIView):
    @extend_schema(operation_id="research_projects_start", request=None, responses=OK)
    def post(self, request: Request, pk: Any) -> Response:
        purpose = _purpose(request, "write")
        project = get_object_or_404(Project, pk=pk)
        return Response(project_out(projects.project_start(request.user, project, purpose=purpose)))


class ProfilingNoticesView(APIView):
    @extend_schema(operation_id="research_profiling_notice", request=ProfilingNoticeIn, responses={201: OK[200]})
    def post(self, request: Request, pk: Any) -> Response:
        purpose = _purpose(request, "write")
        body = _valid(ProfilingNoticeIn, request.data)
        project = get_object_or_404(Project, pk=pk)
        subject = Subject.objects.filter(pk=body["subject"]).first()
        if subject is None:
            raise Invalid({"subject": ["Onbekende betrokkene. (Unknown subject.)"]})
        notice = profiling.notice_record(request.user, project, subject, informed_at=body["informed_at"],
                                         channel=body["channel"], purpose=purpose)
        return Response({"id": notice.pk, "informed_at": rfc3339(notice.informed_at)}, status=201)


class ProfileView(APIView):
    @extend_schema(operation_id="research_profile", request=ProfilingRunIn, responses=OK)
    def post(self, request: Request, pk: Any) -> Response:
        purpose = _purpose(request, "write")
        body = _valid(ProfilingRunIn, request.data)
        project = get_object_or_404(Project, pk=pk)
        run = profiling.profiling_run(request.user, project, body["subjects"], purpose=purpose)
        return Response({"run": run.pk, "included": run.included, "excluded": run.excluded})


class DatasetsView(APIView):
    @extend_schema(operation_id="research_datasets_create", request=ResearchDatasetIn, responses={201: OK[200]})
    def post(self, request: Request) -> Response:
        purpose = _purpose(request, "write")
        body = _valid(ResearchDatasetIn, request.data)
        project = get_object_or_404(Project, pk=body["project"])
        dataset = datasets.dataset_create(request.user, project, purpose_statement=body["purpose"],
                                          fields=body["fields"], purpose=purpose)
        return Response(dataset_out(dataset), status=201)


class DatasetView(APIView):
    @extend_schema(operation_id="research_datasets_read", responses=OK)
    def get(self, request: Request, pk: Any) -> Response:
        purpose = _purpose(request, "read")
        dataset = get_object_or_404(Dataset.objects.select_related("project", "created_by"), pk=pk)
        rows = datasets.dataset_rows(request.user, dataset, purpose)
        return Response({**dataset_out(dataset), "rows": rows})


class RowsView(APIView):
    @extend_schema(operation_id="research_datasets_collect", request=DatasetRowsIn, responses={201: OK[200]})
    def post(self, request: Request, pk: Any) -> Response:
        purpose = _purpose(request, "write")
        body = _valid(DatasetRowsIn, request.data)
        dataset = get_object_or_404(Dataset.objects.select_related("project"), pk=pk)
        return Response({"collected": datasets.dataset_collect(request.user, dataset, body["rows"], purpose)},
                        status=201)


class AssignView(APIView):
    @extend_schema(operation_id="research_datasets_assign", request=DatasetAssignIn, responses=OK)
    def post(self, request: Request, pk: Any) -> Response:
        purpose = _purpose(request, "write")
        body = _valid(DatasetAssignIn, request.data)
        dataset = get_object_or_404(Dataset.objects.select_related("project", "created_by"), pk=pk)
        user = None
        if body["user"]:
            user = User.objects.filter(username=body["user"]).first()
            if user is None:
                raise Invalid({"user": ["Onbekende gebruiker. (Unknown user.)"]})
        dataset = datasets.dataset_assign(request.user, dataset, user=user, recipient=body["recipient"],
                                          purpose=purpose)
        return Response(dataset_out(dataset))
