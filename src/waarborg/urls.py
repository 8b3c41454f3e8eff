from django.contrib import admin
from django.urls import include, path

from waarborg.policy.views import home

urlpatterns = [
    path("", home, name="home"),
    path("api/v1/", include("waarborg.api.urls")),
    path("privacy/", include("waarborg.policy.urls")),
    path("portaal/", include("waarborg.portal.urls")),
    path("beveiligde-mail/", include("waarborg.securemail.urls_pages")),
    path("backoffice/", include("waarborg.backoffice.urls")),
    path("sociale-kaart/", include("waarborg.listings.urls")),
    path("tip/", include("waarborg.tips.urls")),
    path("cookies/", include("waarborg.statistics.urls")),
    path("afmelden/", include("waarborg.mailings.urls")),
    path("admin/", admin.site.urls),
]

# Under /api/ a 404 is JSON like every other answer there (a malformed id never reaches a view).
handler404 = "waarborg.api.errors.not_found"
