from django.urls import path

from waarborg.audiences.api.rights import views as v
from waarborg.audiences.api.rights.views_export import DeliverView, ExportView

urlpatterns = [
    path("requests", v.RequestsView.as_view()),
    path("requests/<uuid:pk>", v.RequestView.as_view()),
    path("requests/<uuid:pk>/export", ExportView.as_view()),
    path("requests/<uuid:pk>/deliver", DeliverView.as_view()),
    path("requests/<uuid:pk>/verify", v.VerifyView.as_view()),
    path("requests/<uuid:pk>/match", v.MatchView.as_view()),
    path("requests/<uuid:pk>/id-copy", v.IdCopyView.as_view()),
    path("requests/<uuid:pk>/extend", v.ExtendView.as_view()),
    path("requests/<uuid:pk>/answer", v.AnswerView.as_view()),
    path("requests/<uuid:pk>/reject", v.RejectView.as_view()),
    path("requests/<uuid:pk>/close", v.CloseView.as_view()),
    path("requests/<uuid:pk>/rectify", v.RectifyView.as_view()),
    path("requests/<uuid:pk>/complete", v.CompleteView.as_view()),
    path("requests/<uuid:pk>/erase", v.EraseView.as_view()),
    path("complaints", v.ComplaintsView.as_view()),
]
