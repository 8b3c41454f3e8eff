from django.urls import path

from waarborg.audiences.api.recordings import views
from waarborg.audiences.web.modules import switched

# Deliberately no "publish" route (S3-38).
# Only where the active policy switches the recordings module on (else 404: waarborg.audiences.web.modules).
urlpatterns = switched("recordings", [
    path("recording-requests", views.RequestsView.as_view()),
    path("recording-requests/<uuid:pk>/refuse", views.RequestRefuseView.as_view()),
    path("recordings", views.RecordingsView.as_view()),
    path("recordings/<uuid:pk>", views.RecordingView.as_view()),
    path("recordings/<uuid:pk>/file", views.FileView.as_view()),
    path("recordings/<uuid:pk>/integrity", views.IntegrityView.as_view()),
    path("recordings/<uuid:pk>/copies", views.CopiesView.as_view()),
    path("recordings/<uuid:pk>/share-consents", views.ShareConsentsView.as_view()),
    path("recordings/<uuid:pk>/shares", views.SharesView.as_view()),
])
