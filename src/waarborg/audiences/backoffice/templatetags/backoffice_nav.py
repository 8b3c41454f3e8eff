"""`{% backoffice_pages as pages %}`: the back-office pages the signed-in user's roles open (landing.pages_for),
so the navigation never shows a link that would answer 403 (and none before the second factor is in)."""

from __future__ import annotations

from typing import Any

from django import template

from waarborg.audiences.backoffice.landing import pages_for

register = template.Library()


@register.simple_tag(takes_context=True)
def backoffice_pages(context: Any) -> list[dict[str, str]]:
    request = context.get("request")
    if getattr(request, "second_factor", ""):
        return []  # the second factor is not in yet: every page would send them back to it
    return pages_for(getattr(request, "user", None))
