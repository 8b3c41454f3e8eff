from django.urls import path

from waarborg.portal import views

app_name = "portal"

urlpatterns = [
    path("", views.home, name="home"),
    path("inloggen", views.LoginView.as_view(), name="login"),
    path("uitloggen", views.LogoutView.as_view(), name="logout"),
    path("verzoeken/<uuid:pk>/download", views.download, name="download"),
    path("contact", views.contact, name="contact"),
]
