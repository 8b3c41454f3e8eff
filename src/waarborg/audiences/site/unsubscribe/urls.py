"""/afmelden/<token>: the unsubscribe link in every newsletter."""

from django.urls import path

from waarborg.audiences.site.unsubscribe import views

urlpatterns = [
    path("<str:token>", views.unsubscribe_page, name="unsubscribe"),
]
