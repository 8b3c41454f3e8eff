from django.urls import path

from waarborg.api.stubs import not_yet

urlpatterns = [
    path("consents", not_yet("consents", "consent").as_view()),
    path("consents/<uuid:pk>/withdraw", not_yet("consent_withdraw", "consent").as_view()),
]
