"""Retention endpoints: a record's clock explained, events that move clocks, holds and extensions."""

from django.urls import path

from waarborg.audiences.api.retention.views import EventsView, PreviewView, RecordRetentionView
from waarborg.audiences.api.retention.views_holds import (
    HoldsView,
    HoldView,
    RecordExtensionsView,
    SubjectShorteningsView,
)

urlpatterns = [
    path("records/<uuid:pk>/retention", RecordRetentionView.as_view(), name="record-retention"),
    path("events", EventsView.as_view(), name="events"),
    path("records/<uuid:pk>/extensions", RecordExtensionsView.as_view(), name="record-extensions"),
    path("subjects/<uuid:pk>/shortenings", SubjectShorteningsView.as_view(), name="subject-shortenings"),
    path("holds", HoldsView.as_view(), name="holds"),
    path("holds/<int:pk>", HoldView.as_view(), name="hold"),
    path("retention/preview", PreviewView.as_view(), name="retention-preview"),
]
