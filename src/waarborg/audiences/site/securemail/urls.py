"""The citizen's secure-mail pages, mounted at /beveiligde-mail/."""

from django.urls import path

from waarborg.audiences.site.securemail import pages, pickup
from waarborg.audiences.web.modules import switched

app_name = "securemail"

# Only where the active policy switches the securemail module on (else 404: waarborg.audiences.web.modules).
urlpatterns = switched("securemail", [
    path("", pages.start, name="start"),
    path("bericht", pages.write, name="write"),
    path("ophalen/<uuid:pk>", pickup.pickup, name="pickup"),
])
