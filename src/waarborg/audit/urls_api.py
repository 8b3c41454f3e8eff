from django.urls import path

from waarborg.audit.api import AuditEntryList

urlpatterns = [
    path("audit/entries", AuditEntryList.as_view()),
]
