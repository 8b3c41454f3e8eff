"""Retention endpoints: a record's clock explained, and events that move clocks."""

from django.urls import path

from waarborg.retention.views_api import EventsView, RecordRetentionView

urlpatterns = [
    path("records/<uuid:pk>/retention", RecordRetentionView.as_view(), name="record-retention"),
    path("events", EventsView.as_view(), name="events"),
]
