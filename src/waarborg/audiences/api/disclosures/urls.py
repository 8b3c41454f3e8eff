from django.urls import path

from waarborg.audiences.api.disclosures import views

urlpatterns = [
    path("disclosures", views.DisclosureList.as_view()),
    path("subjects/<uuid:pk>/disclosures", views.SubjectDisclosures.as_view()),
]
