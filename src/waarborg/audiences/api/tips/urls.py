from django.urls import path

from waarborg.audiences.api.tips import views as views_api
from waarborg.audiences.web.modules import switched

# Only where the active policy switches the tips module on (else 404: waarborg.audiences.web.modules).
urlpatterns = switched("tips", [
    path("tips", views_api.TipsView.as_view()),
])
