from django.urls import path

from waarborg.api.stubs import not_yet

urlpatterns = [
    path("disclosures", not_yet("disclosures", "disclosures").as_view()),
    path("subjects/<uuid:pk>/disclosures", not_yet("subject_disclosures", "disclosures").as_view()),
]
