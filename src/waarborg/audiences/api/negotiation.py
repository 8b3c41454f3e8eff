"""`?format=` that no renderer of the endpoint offers is 406 Not Acceptable, like an export's own formats,
not DRF's 404 (which reads as "no such thing"). docs/api.md says which formats each endpoint offers."""

from __future__ import annotations

from collections.abc import Iterable

from rest_framework.exceptions import NotAcceptable
from rest_framework.negotiation import DefaultContentNegotiation
from rest_framework.renderers import BaseRenderer


class ContentNegotiation(DefaultContentNegotiation):
    def filter_renderers(self, renderers: Iterable[BaseRenderer], format: str) -> list[BaseRenderer]:
        renderers = list(renderers)
        found = [renderer for renderer in renderers if renderer.format == format]
        if not found:
            offered = ", ".join(sorted({r.format for r in renderers if r.format != "api"}))
            raise NotAcceptable(f"format={format}: kies uit / choose from {offered}")
        return found
