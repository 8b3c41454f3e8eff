from django.urls import path

from waarborg.api.stubs import not_yet

urlpatterns = [
    path("records/<uuid:pk>/retention", not_yet("record_retention", "retention").as_view()),
    path("events", not_yet("events", "retention").as_view()),
]
