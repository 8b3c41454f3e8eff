"""/api/v1/: each capability owns its endpoints (`<app>/urls_api.py`); this file only joins them."""

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerSplitView

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    # The split view serves Swagger UI's start script from its own URL: no inline script (Content Security Policy).
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="schema", template_name="api/swagger_ui.html"),
         name="api-docs"),
    path("redoc/", SpectacularRedocView.as_view(url_name="schema", template_name="api/redoc.html"), name="api-redoc"),
    path("", include("waarborg.audiences.api.vault.urls")),
    path("", include("waarborg.audiences.api.caseloads.urls")),
    path("", include("waarborg.audiences.api.audit.urls")),
    path("", include("waarborg.audiences.api.retention.urls")),
    path("", include("waarborg.audiences.api.statistics.urls")),
    path("", include("waarborg.audiences.api.mailings.urls")),
    path("", include("waarborg.audiences.api.consent.urls")),
    path("", include("waarborg.audiences.api.rights.urls")),
    path("", include("waarborg.audiences.api.recordings.urls")),
    path("", include("waarborg.audiences.api.research.urls")),
    path("", include("waarborg.audiences.api.securemail.urls")),
    path("", include("waarborg.audiences.api.disclosures.urls")),
    path("", include("waarborg.audiences.api.breaches.urls")),
    path("", include("waarborg.audiences.api.decisions.urls")),
    path("", include("waarborg.audiences.api.listings.urls")),
    path("", include("waarborg.audiences.api.tips.urls")),
]
