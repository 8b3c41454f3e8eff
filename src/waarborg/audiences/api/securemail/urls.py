from django.urls import path

from waarborg.audiences.api.securemail import views
from waarborg.audiences.web.modules import switched

# Only where the active policy switches the securemail module on (else 404: waarborg.audiences.web.modules).
urlpatterns = switched("securemail", [
    path("secure-mail/codes", views.CodesView.as_view()),
    path("secure-mail/messages", views.MessagesView.as_view()),
    path("secure-mail/messages/<uuid:pk>", views.MessageView.as_view()),
    path("mail-requests", views.MailRequestsView.as_view()),
    path("mail-requests/<uuid:pk>/answer", views.AnswerView.as_view()),
    path("mail-requests/<uuid:pk>/forms", views.FormsView.as_view()),
])
