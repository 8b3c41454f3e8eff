"""/afmelden/<token>: the unsubscribe link in every newsletter."""

from django.urls import path

from waarborg.mailings import views

urlpatterns = [
    path("<str:token>", views.unsubscribe_page, name="unsubscribe"),
]
