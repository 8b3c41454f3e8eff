"""`{% embed "youtube" "VIDEO_ID" "title" %}`: third-party content behind the cookie banner (S3-33).

Until the visitor accepted, a placeholder shows instead of the frame, so the provider sees nothing.
"""

from __future__ import annotations

from typing import Any

from django import template

from waarborg.audiences.web.headers import allow, origin_of
from waarborg.engine.policy.active import current
from waarborg.modules.statistics.cookies import embed_url

register = template.Library()


@register.inclusion_tag("statistics/embed.html", takes_context=True)
def embed(context: Any, provider: str, ref: str, title: str = "") -> dict[str, Any]:
    request = context.get("request")
    url = embed_url(current(), request, provider, ref) if request is not None else None
    if url:
        allow(request, frame_src=[origin_of(url)])  # the accepted frame, on this page only
    return {"url": url, "provider": provider, "title": title}
