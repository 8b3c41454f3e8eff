from django.urls import path

from waarborg.backoffice import views

app_name = "backoffice"

urlpatterns = [
    path("inloggen", views.LoginView.as_view(), name="login"),
    path("uitloggen", views.LogoutView.as_view(), name="logout"),
    path("verzoeken/", views.queue, name="queue"),
    path("verzoeken/<uuid:pk>", views.detail, name="request"),
    path("verzoeken/<uuid:pk>/verifieren", views.verify, name="verify"),
    path("verzoeken/<uuid:pk>/beantwoorden", views.answer, name="answer"),
    path("verzoeken/<uuid:pk>/afwijzen", views.reject, name="reject"),
    path("verzoeken/<uuid:pk>/verwijderen", views.erase, name="erase"),
    path("verzoeken/<uuid:pk>/sluiten", views.close, name="close"),
    path("verzoeken/<uuid:pk>/export", views.export, name="export"),
    path("verzoeken/<uuid:pk>/brief", views.letter, name="letter"),
    path("bewaartermijnen/", views.retention, name="retention"),
]
