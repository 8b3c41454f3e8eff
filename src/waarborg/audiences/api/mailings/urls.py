from django.urls import path

from waarborg.audiences.api.mailings import views as views_api

urlpatterns = [
    path("mailings", views_api.MailingsView.as_view()),
]
