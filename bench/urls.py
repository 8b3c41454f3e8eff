"""Waarborg's own URLs plus the two benchmark reads (only ever loaded by bench/reads.py).

The benchmark reads live under /api/ as the API's read does: the public-pages middleware records an
anonymised visit (one more committed INSERT) for every other path, which the API is spared.
"""

from django.urls import path

from bench.views import BareRecordRead, GuardedRecordRead, OneFetchRecordRead
from waarborg.urls import urlpatterns as waarborg_urls

urlpatterns = [
    path("api/bench/bare/records/<uuid:pk>", BareRecordRead.as_view()),
    path("api/bench/onefetch/records/<uuid:pk>", OneFetchRecordRead.as_view()),
    path("api/bench/guarded/records/<uuid:pk>", GuardedRecordRead.as_view()),
    *waarborg_urls,
]
