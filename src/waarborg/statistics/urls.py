"""/cookies/: the cookie statement and the visitor's choice."""

from django.urls import path

from waarborg.statistics import views

urlpatterns = [
    path("", views.cookies, name="cookies"),
]
