from django.urls import path

from waarborg.audiences.api.statistics import views as views_api
from waarborg.audiences.web.modules import switched

# Only where the active policy switches the statistics module on (else 404: waarborg.audiences.web.modules).
urlpatterns = switched("statistics", [
    path("statistics/visits", views_api.VisitStatisticsView.as_view()),
    path("statistics/policy-report", views_api.PolicyReportView.as_view()),
])
