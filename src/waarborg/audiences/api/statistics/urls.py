from django.urls import path

from waarborg.audiences.api.statistics import views as views_api

urlpatterns = [
    path("statistics/visits", views_api.VisitStatisticsView.as_view()),
    path("statistics/policy-report", views_api.PolicyReportView.as_view()),
]
