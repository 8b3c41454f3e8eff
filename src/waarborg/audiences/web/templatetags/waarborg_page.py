"""`{% lang_url "en" %}`: this page's address in another language (its query kept, `lang` replaced), for the
language switch of `waarborg/page.html` (the rule: waarborg.audiences.web.language)."""

from __future__ import annotations

from typing import Any

from django import template

from waarborg.audiences.web.language import QUERY

register = template.Library()


@register.simple_tag(takes_context=True)
def lang_url(context: Any, code: str) -> str:
    request = context.get("request")
    if request is None:
        return f"?{QUERY}={code}"
    query = request.GET.copy()
    query[QUERY] = code
    return f"{request.path}?{query.urlencode()}"
