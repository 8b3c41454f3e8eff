from django.urls import path

from waarborg.audiences.api.consent import views, views_switches

urlpatterns = [
    path("consents", views.ConsentsView.as_view()),
    path("consents/refusals", views.RefusalsView.as_view()),
    path("consents/<uuid:pk>", views.ConsentView.as_view()),
    path("consents/<uuid:pk>/withdraw", views.ConsentWithdrawView.as_view()),
    path("consents/<uuid:pk>/verify", views.ConsentVerifyView.as_view()),
    path("objections", views_switches.ObjectionsView.as_view()),
    path("objections/<uuid:pk>/override", views_switches.ObjectionOverrideView.as_view()),
    path("restrictions", views_switches.RestrictionsView.as_view()),
    path("restrictions/<uuid:pk>/lift", views_switches.RestrictionLiftView.as_view()),
    path("optouts", views_switches.OptOutsView.as_view()),
    path("optouts/<uuid:pk>/reverse", views_switches.OptOutReverseView.as_view()),
    path("mailings/selection", views_switches.MailingSelectionView.as_view()),
    path("notices", views.NoticesView.as_view()),
    path("notices/<uuid:pk>/sent", views.NoticeSentView.as_view()),
]
