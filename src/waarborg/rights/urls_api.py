from django.urls import path

from waarborg.api.stubs import not_yet

urlpatterns = [
    path("requests", not_yet("requests", "rights").as_view()),
    path("requests/<uuid:pk>/export", not_yet("request_export", "rights").as_view()),
]
