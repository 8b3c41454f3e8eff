from django.urls import path

from waarborg.audiences.api.vault import views as api

urlpatterns = [
    path("subjects", api.SubjectsView.as_view(), name="subjects"),
    path("records", api.RecordsView.as_view(), name="records"),
    path("records/<uuid:pk>", api.RecordView.as_view(), name="record"),
    path("subjects/<uuid:pk>/records", api.SubjectRecordsView.as_view(), name="subject-records"),
]
