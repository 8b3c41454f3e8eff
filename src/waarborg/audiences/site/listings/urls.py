from django.urls import path

from waarborg.audiences.site.listings import views

app_name = "listings"

urlpatterns = [
    path("", views.index, name="index"),
    path("<uuid:pk>", views.listing, name="listing"),
    path("controle/<str:token>", views.verify, name="verify"),
]
