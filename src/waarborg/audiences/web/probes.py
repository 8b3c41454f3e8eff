"""Answer the probes before anything else: no host check, no HTTPS redirect, no session, no CSRF.

- `/health/live`: 200 while the process runs (no database).
- `/health/ready`: 200 when the platform can serve, else 503, with what is missing (see `checks`).
- `/metrics`: the Prometheus metrics, only for a client in WAARBORG_METRICS_NETWORKS or one that sends
  `Authorization: Bearer <WAARBORG_METRICS_TOKEN>`; anyone else gets 404, as if nothing were there.
"""

from __future__ import annotations

import hmac
import json
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse

from waarborg.audiences.web.proxy import within

PATHS = ("/health/live", "/health/ready", "/metrics")


class ProbesMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        path = request.path_info.rstrip("/") or "/"
        if path not in PATHS or request.method not in ("GET", "HEAD"):
            return self.get_response(request)
        if path == "/health/live":
            return _json(200, {"status": "live"})
        if path == "/health/ready":
            from waarborg.engine.health.checks import readiness

            ready, body = readiness()
            return _json(200 if ready else 503, body)
        if not metrics_allowed(request):
            return HttpResponse(status=404)
        from prometheus_client import CONTENT_TYPE_LATEST

        from waarborg.engine.health.metrics import exposition

        return HttpResponse(exposition(), content_type=CONTENT_TYPE_LATEST)


def metrics_allowed(request: HttpRequest) -> bool:
    token = settings.WAARBORG_METRICS_TOKEN
    sent = request.headers.get("Authorization", "")
    if token and hmac.compare_digest(sent.encode(), f"Bearer {token}".encode()):
        return True
    return within(request.META.get("REMOTE_ADDR", ""), settings.WAARBORG_METRICS_NETWORKS)


def _json(status: int, body: dict[str, Any]) -> HttpResponse:
    response = HttpResponse(json.dumps(body), status=status, content_type="application/json")
    response["Cache-Control"] = "no-store"
    return response
