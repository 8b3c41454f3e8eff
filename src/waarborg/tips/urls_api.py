from django.urls import path

from waarborg.tips import views_api

urlpatterns = [
    path("tips", views_api.TipsView.as_view()),
]
