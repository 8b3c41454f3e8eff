from django.urls import path

from waarborg.audiences.api.tips import views as views_api

urlpatterns = [
    path("tips", views_api.TipsView.as_view()),
]
