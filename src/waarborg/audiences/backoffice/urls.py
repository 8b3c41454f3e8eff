from django.urls import path

from waarborg.audiences.backoffice import views, views_breaches, views_caseloads, views_holds, views_subjects

app_name = "backoffice"

urlpatterns = [
    path("", views_subjects.home, name="home"),
    path("clienten/<uuid:pk>", views_subjects.subject, name="subject"),
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
    path("verzoeken/<uuid:pk>/versturen", views.send, name="send"),
    path("verzoeken/<uuid:pk>/brief", views.letter, name="letter"),
    path("bewaartermijnen/", views.retention, name="retention"),
    path("bewaarplichten/", views_holds.holds, name="holds"),
    path("bewaarplichten/opleggen", views_holds.hold_add, name="hold_add"),
    path("bewaarplichten/<int:pk>/opheffen", views_holds.hold_end, name="hold_release"),
    path("gegevens/<uuid:pk>/bewaartermijn", views_holds.record_retention, name="record_retention"),
    path("gegevens/<uuid:pk>/verlengen", views_holds.record_extension, name="record_extension"),
    path("mijn-clienten/", views_caseloads.caseload, name="caseload"),
    path("toewijzingen/", views_caseloads.assignments, name="assignments"),
    path("toewijzingen/toewijzen", views_caseloads.assign, name="assign"),
    path("toewijzingen/<int:pk>/beeindigen", views_caseloads.unassign, name="unassign"),
    path("toewijzingen/overdragen", views_caseloads.handover, name="handover"),
    path("datalekken/", views_breaches.breaches, name="breaches"),
    path("datalekken/nieuw", views_breaches.breach_create, name="breach_create"),
    path("datalekken/<uuid:pk>", views_breaches.breach, name="breach"),
    path("datalekken/<uuid:pk>/meldformulier", views_breaches.breach_form, name="breach_form"),
    path("datalekken/<uuid:pk>/beoordelen", views_breaches.breach_assess, name="breach_assess"),
    path("datalekken/<uuid:pk>/betrokkenen", views_breaches.breach_subjects, name="breach_subjects"),
    path("datalekken/<uuid:pk>/ap-melding", views_breaches.breach_notify_authority, name="breach_notify_authority"),
    path("datalekken/<uuid:pk>/berichten", views_breaches.breach_notify_subjects, name="breach_notify_subjects"),
    path("datalekken/<uuid:pk>/afsluiten", views_breaches.breach_close, name="breach_close"),
    path("datalekken/<uuid:pk>/notitie", views_breaches.breach_note, name="breach_note"),
]
