from django.urls import path

from waarborg.audiences.api.decisions import views

urlpatterns = [
    path("decisions", views.DecisionCreate.as_view()),
    path("decisions/flags", views.FlagCreate.as_view()),
    path("decisions/flags/<uuid:pk>/clear", views.FlagClear.as_view()),
    path("decisions/conversations", views.ConversationCreate.as_view()),
    path("decisions/payouts", views.PayoutCreate.as_view()),
    path("decisions/cases/<uuid:pk>", views.Case.as_view()),
]
