from django.urls import path

from waarborg.mailings import views_api

urlpatterns = [
    path("mailings", views_api.MailingsView.as_view()),
]
