"""The public tip page, mounted at /tip/."""

from django.urls import path

from waarborg.audiences.site.tips import views

app_name = "tips"

urlpatterns = [
    path("", views.tip, name="tip"),
]
