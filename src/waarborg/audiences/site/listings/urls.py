from django.urls import path

from waarborg.audiences.site.listings import views
from waarborg.audiences.web.modules import switched

app_name = "listings"

# Only where the active policy switches the listings module on (else 404: waarborg.audiences.web.modules).
urlpatterns = switched("listings", [
    path("", views.index, name="index"),
    path("<uuid:pk>", views.listing, name="listing"),
    path("controle/<str:token>", views.verify, name="verify"),
])
