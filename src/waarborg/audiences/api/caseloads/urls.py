"""Caseload endpoints: a subject's assignments, a caseload, ending an assignment, hand-over."""

from django.urls import path

from waarborg.audiences.api.caseloads import views as api

urlpatterns = [
    path("subjects/<uuid:pk>/assignments", api.SubjectAssignmentsView.as_view(), name="subject-assignments"),
    path("assignments", api.AssignmentsView.as_view(), name="assignments"),
    path("assignments/handover", api.HandoverView.as_view(), name="assignments-handover"),
    path("assignments/<int:pk>", api.AssignmentView.as_view(), name="assignment"),
]
