from django.urls import path

from waarborg.audiences.api.audit.views import AuditEntryList

urlpatterns = [
    path("audit/entries", AuditEntryList.as_view()),
]
