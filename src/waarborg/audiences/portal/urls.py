from django.urls import path

from waarborg.audiences.portal import views, views_account, views_application

app_name = "portal"

urlpatterns = [
    path("", views.home, name="home"),
    path("inloggen", views.LoginView.as_view(), name="login"),
    path("uitloggen", views.LogoutView.as_view(), name="logout"),
    path("aanvraag", views_application.apply, name="apply"),
    path("wachtwoord/<uidb64>/<token>/", views_account.SetPasswordView.as_view(), name="activate"),
    path("wachtwoord/ingesteld", views_account.PasswordSetView.as_view(), name="password_set"),
    path("wachtwoord-vergeten", views_account.ResetView.as_view(), name="reset"),
    path("wachtwoord-vergeten/verstuurd", views_account.ResetSentView.as_view(), name="reset_sent"),
    path("account/opheffen", views_account.close_account, name="close_account"),
    path("toestemmingen/<uuid:pk>/intrekken", views.withdraw, name="withdraw"),
    path("verzoeken/<uuid:pk>/download", views.download, name="download"),
    path("verzoeken/<uuid:pk>/bevestigen", views.confirm, name="confirm"),
    path("contact", views.contact, name="contact"),
]
