"""/cookies/: the cookie statement and the visitor's choice."""

from django.urls import path

from waarborg.audiences.site.cookies import views

urlpatterns = [
    path("", views.cookies, name="cookies"),
]
