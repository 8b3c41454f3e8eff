from django.urls import path

from waarborg.api.stubs import not_yet

urlpatterns = [
    path("subjects", not_yet("subjects", "vault").as_view()),
    path("records", not_yet("records", "vault").as_view()),
    path("records/<uuid:pk>", not_yet("record", "vault").as_view()),
    path("subjects/<uuid:pk>/records", not_yet("subject_records", "vault").as_view()),
]
