from django.urls import path

from waarborg.audiences.api.mailings import views as views_api
from waarborg.audiences.web.modules import switched

# Only where the active policy switches the mailings module on (else 404: waarborg.audiences.web.modules).
urlpatterns = switched("mailings", [
    path("mailings", views_api.MailingsView.as_view()),
])
