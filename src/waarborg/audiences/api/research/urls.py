from django.urls import path

from waarborg.audiences.api.research import views
from waarborg.audiences.web.modules import switched

# Only where the active policy switches the research module on (else 404: waarborg.audiences.web.modules).
urlpatterns = switched("research", [
    path("research/projects", views.ProjectsView.as_view()),
    path("research/projects/<uuid:pk>/notice", views.NoticeView.as_view()),
    path("research/projects/<uuid:pk>/information-step", views.InformationView.as_view()),
    path("research/projects/<uuid:pk>/start", views.StartView.as_view()),
    path("research/projects/<uuid:pk>/profiling-notices", views.ProfilingNoticesView.as_view()),
    path("research/projects/<uuid:pk>/profile", views.ProfileView.as_view()),
    path("research/datasets", views.DatasetsView.as_view()),
    path("research/datasets/<uuid:pk>", views.DatasetView.as_view()),
    path("research/datasets/<uuid:pk>/rows", views.RowsView.as_view()),
    path("research/datasets/<uuid:pk>/assign", views.AssignView.as_view()),
])
