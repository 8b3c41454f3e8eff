from django.contrib import admin
from django.urls import include, path

urlpatterns = [
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
