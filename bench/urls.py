"""Waarborg's own URLs plus the two benchmark reads (only ever loaded by bench/reads.py)."""

from django.urls import path

from bench.views import BareRecordRead, GuardedRecordRead
from waarborg.urls import urlpatterns as waarborg_urls

urlpatterns = [
    *waarborg_urls,
    path("bench/bare/records/<uuid:pk>", BareRecordRead.as_view()),
    path("bench/guarded/records/<uuid:pk>", GuardedRecordRead.as_view()),
]
