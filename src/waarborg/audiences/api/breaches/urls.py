from django.urls import path

from waarborg.audiences.api.breaches import views

urlpatterns = [
    path("breaches", views.BreachList.as_view()),
    path("breaches/report", views.SuspicionReportView.as_view()),
    path("breaches/<uuid:pk>", views.BreachDetail.as_view()),
    path("breaches/<uuid:pk>/assess", views.Assess.as_view()),
    path("breaches/<uuid:pk>/subjects", views.AddSubjects.as_view()),
    path("breaches/<uuid:pk>/authority-notifications", views.NotifyAuthority.as_view()),
    path("breaches/<uuid:pk>/notices", views.NotifySubjects.as_view()),
    path("breaches/<uuid:pk>/close", views.CloseBreach.as_view()),
    path("breaches/<uuid:pk>/notes", views.AddNote.as_view()),
    path("breaches/<uuid:pk>/log", views.Trail.as_view()),
    path("breaches/<uuid:pk>/authority-export", views.AuthorityExport.as_view()),
    path("subjects/<uuid:pk>/breaches", views.SubjectBreaches.as_view()),
]
