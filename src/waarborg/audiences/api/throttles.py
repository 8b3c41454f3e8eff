"""API rate limits: per token (or per staff session), and per client address for anonymous calls.

Over the limit an API call answers 429 with `Retry-After` (seconds) and a message in Dutch and English
(waarborg.audiences.api.errors). Rates come from settings (`WAARBORG_API_RATE`, `WAARBORG_API_ANON_RATE`, e.g.
`1200/min`; `off` lifts a limit) and are read per request, so a test or an operator's override applies at
once. The counts live in Django's cache: shared by every process when `WAARBORG_CACHE_URL` names a Redis,
per process otherwise (the embedded default serves from one process).
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from rest_framework.throttling import AnonRateThrottle, SimpleRateThrottle

from waarborg.engine.accounts.models import ApiToken


def _rate(value: str) -> str | None:
    return None if value == "off" else value


class PerToken(SimpleRateThrottle):
    """Each API token has its own budget; a browser session counts per staff member."""

    scope = "token"

    def get_rate(self) -> str | None:
        return _rate(settings.WAARBORG_API_RATE)

    def get_cache_key(self, request: Any, view: Any) -> str | None:
        if not (request.user and request.user.is_authenticated):
            return None  # PerAddress counts anonymous calls
        ident = f"t{request.auth.pk}" if isinstance(request.auth, ApiToken) else f"u{request.user.pk}"
        return self.cache_format % {"scope": self.scope, "ident": ident}


class PerAddress(AnonRateThrottle):
    """Anonymous calls (public intake, tips, the social map) per client address, as the trusted proxy says."""

    def get_rate(self) -> str | None:
        return _rate(settings.WAARBORG_API_ANON_RATE)
