"""Retention endpoints: a record's clock explained, and events that move clocks."""

from django.urls import path

from waarborg.retention.views_api import EventsView, PreviewView, RecordRetentionView

urlpatterns = [
    path("records/<uuid:pk>/retention", RecordRetentionView.as_view(), name="record-retention"),
    path("events", EventsView.as_view(), name="events"),
    path("retention/preview", PreviewView.as_view(), name="retention-preview"),
]
