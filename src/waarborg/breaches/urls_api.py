from django.urls import path

from waarborg.api.stubs import not_yet

urlpatterns = [
    path("breaches", not_yet("breaches", "breaches").as_view()),
]
