"""The real URLs plus one page of the organisation's own with an embedded video, as a site would use the tag."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.template import engines
from django.urls import path

from waarborg.urls import urlpatterns as site

PAGE = """<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Nieuws</title></head>
<body><main><h1>Nieuws</h1>{% load waarborg_cookies %}{% embed "youtube" "dQw4w9WgXcQ" "Uitlegvideo" %}</main></body></html>"""


def news(request: HttpRequest) -> HttpResponse:
    return HttpResponse(engines["django"].from_string(PAGE).render({}, request))


urlpatterns = [*site, path("nieuws/", news)]
