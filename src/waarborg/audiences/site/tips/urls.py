"""The public tip page, mounted at /tip/."""

from django.urls import path

from waarborg.audiences.site.tips import views
from waarborg.audiences.web.modules import switched

app_name = "tips"

# Only where the active policy switches the tips module on (else 404: waarborg.audiences.web.modules).
urlpatterns = switched("tips", [
    path("", views.tip, name="tip"),
])
