"""The security headers of every answer: a Content Security Policy without `unsafe-inline` (django-csp),
framing refused (`frame-ancestors 'none'`, X-Frame-Options), Referrer-Policy, X-Content-Type-Options, and HSTS
in production (Django's SecurityMiddleware, settings.py).

What the policy allows beyond the platform's own origin, and why:
- our scripts and style sheets are files under /static/; an inline `<script>`/`<style>` runs only with the
  request's nonce (`{{ request.csp_nonce }}`: Redoc's generated styles, the admin's one style block);
- documents that must stand alone as files (an export, a letter) keep their one `<style>` block, allowed by its
  sha256 (`allow_own_styles`), so a saved copy looks the same and nothing else inline runs;
- third-party scripts and frames load only after a visitor accepted cookies (waarborg.modules.statistics.cookies):
  the page that shows them allows exactly their origins (`allow`), on that answer only.
"""

from __future__ import annotations

import base64
import hashlib
import re
from typing import Any
from urllib.parse import urlsplit

from csp.middleware import CSPMiddleware, PolicyParts

_STYLE_BLOCK = re.compile(rb"<style(?:\s[^>]*)?>(.*?)</style\s*>", re.IGNORECASE | re.DOTALL)


def origin_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def allow(target: Any, **directives: list[str]) -> None:
    """Widen the policy of one answer: `allow(response_or_request, script_src=[...], frame_src=[...])`."""
    extra: dict[str, list[str]] = getattr(target, "_waarborg_csp_allow", None) or {}
    for name, sources in directives.items():
        listed = extra.setdefault(name.replace("_", "-"), [])
        listed += [s for s in sources if s not in listed]
    target._waarborg_csp_allow = extra


def allow_own_styles(response: Any) -> Any:
    """A stand-alone HTML document's own `<style>` blocks, allowed by their sha256."""
    hashes = ["'sha256-" + base64.b64encode(hashlib.sha256(block).digest()).decode() + "'"
              for block in _STYLE_BLOCK.findall(response.content)]
    if hashes:
        allow(response, style_src=hashes)
    return response


class Middleware(CSPMiddleware):
    """django-csp's middleware, plus what `allow` added to this request or answer."""

    def get_policy_parts(self, request: Any, response: Any, report_only: bool = False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if report_only:
            return parts
        update: dict[str, Any] = {key: list(value) for key, value in (parts.update or {}).items()}
        for source in (request, response):
            for name, values in (getattr(source, "_waarborg_csp_allow", None) or {}).items():
                update[name] = [*update.get(name, []), *values]
        if update:
            parts.update = update
        return parts
