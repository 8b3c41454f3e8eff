"""An organisation module the active policy does not switch on has no door here: its pages and endpoints
answer 404, as if it were not installed, though its app and tables stay (`waarborg.engine.policy.modules`).

A 404 and not a 403: nothing was asked of anyone's data and no rule refused a person; the capability is
simply not part of this organisation (a scanner probing `/api/v1/research/projects` on a welfare
organisation fills no audit log). The policy is asked at each request, so activating a policy that
switches a module on or off opens or closes its doors at once, without a restart.

Every route of a module is mounted through `switched(module, urlpatterns)`, in the urls of the audience
that serves it; the view is wrapped, never changed (DRF's `cls` and `initkwargs` stay on the wrapper, so
the OpenAPI schema still lists the endpoint).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.urls import URLPattern

from waarborg.engine.policy.active import NoActivePolicy, current


def module_on(name: str) -> bool:
    """Does the active policy switch the module on? Without an active policy nothing is on."""
    try:
        return current().module(name).on
    except NoActivePolicy:
        return False


def when_on(name: str, view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """`view`, answering 404 while the module is off."""

    @functools.wraps(view)
    def guarded(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not module_on(name):
            raise Http404(f"module {name} is not switched on")
        return view(request, *args, **kwargs)

    return guarded


def switched(name: str, patterns: list[URLPattern]) -> list[URLPattern]:
    """The routes of module `name`, each answering 404 while the active policy does not switch it on."""
    return [URLPattern(p.pattern, when_on(name, p.callback), p.default_args, p.name) for p in patterns]
