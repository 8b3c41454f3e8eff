"""Public pages: the current privacy statement and its version history (S2-31)."""

from django.urls import path

from waarborg.audiences.site.privacy import views

urlpatterns = [
    path("", views.statement, name="privacy-statement"),
    path("versions/", views.versions, name="privacy-versions"),
    path("versions/<int:number>/", views.statement, name="privacy-statement-version"),
    path("register.<str:fmt>", views.register, name="privacy-register"),
]
