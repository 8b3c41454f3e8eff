"""/api/v1/: each capability owns its endpoints (`<app>/urls_api.py`); this file only joins them."""

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerSplitView

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    # The split view serves Swagger UI's start script from its own URL: no inline script (Content Security Policy).
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="schema", template_name="api/swagger_ui.html"),
         name="api-docs"),
    path("redoc/", SpectacularRedocView.as_view(url_name="schema", template_name="api/redoc.html"), name="api-redoc"),
    path("", include("waarborg.vault.urls_api")),
    path("", include("waarborg.caseloads.urls_api")),
    path("", include("waarborg.audit.urls_api")),
    path("", include("waarborg.retention.urls_api")),
    path("", include("waarborg.statistics.urls_api")),
    path("", include("waarborg.mailings.urls_api")),
    path("", include("waarborg.consent.urls_api")),
    path("", include("waarborg.rights.urls_api")),
    path("", include("waarborg.recordings.urls_api")),
    path("", include("waarborg.research.urls_api")),
    path("", include("waarborg.securemail.urls_api")),
    path("", include("waarborg.disclosures.urls_api")),
    path("", include("waarborg.breaches.urls_api")),
    path("", include("waarborg.decisions.urls_api")),
    path("", include("waarborg.listings.urls_api")),
    path("", include("waarborg.tips.urls_api")),
]
