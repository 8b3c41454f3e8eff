"""The citizen's secure-mail pages, mounted at /beveiligde-mail/."""

from django.urls import path

from waarborg.audiences.site.securemail import pages, pickup

app_name = "securemail"

urlpatterns = [
    path("", pages.start, name="start"),
    path("bericht", pages.write, name="write"),
    path("ophalen/<uuid:pk>", pickup.pickup, name="pickup"),
]
