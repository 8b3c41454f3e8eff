from django.contrib import admin
from django.urls import include, path

from waarborg.audiences.backoffice import views_passkeys as passkeys
from waarborg.audiences.site.accessibility.views import accessibility
from waarborg.audiences.site.privacy.views import home
from waarborg.audiences.web.theme import stylesheet

urlpatterns = [
    path("", home, name="home"),
    path("api/v1/", include("waarborg.audiences.api.urls")),
    path("privacy/", include("waarborg.audiences.site.privacy.urls")),
    path("portaal/", include("waarborg.audiences.portal.urls")),
    path("beveiligde-mail/", include("waarborg.audiences.site.securemail.urls")),
    path("backoffice/tweede-factor/passkey/", include((passkeys.urlpatterns, "otp_webauthn"))),
    path("backoffice/", include("waarborg.audiences.backoffice.urls")),
    path("sociale-kaart/", include("waarborg.audiences.site.listings.urls")),
    path("tip/", include("waarborg.audiences.site.tips.urls")),
    path("cookies/", include("waarborg.audiences.site.cookies.urls")),
    path("afmelden/", include("waarborg.audiences.site.unsubscribe.urls")),
    path("toegankelijkheid/", accessibility, name="accessibility"),
    path("thema/<str:key>.css", stylesheet, name="theme-css"),
    path("admin/", admin.site.urls),
]

# Under /api/ a 404 is JSON like every other answer there (a malformed id never reaches a view).
handler404 = "waarborg.audiences.api.errors.not_found"
# Elsewhere the error pages speak the page's language, in the organisation's look (waarborg.audiences.web.errorpages).
handler400 = "waarborg.audiences.web.errorpages.bad_request"
handler403 = "waarborg.audiences.web.errorpages.permission_denied"
handler500 = "waarborg.audiences.web.errorpages.server_error"
