"""`{% securemail_link lang %}`: a link to the secure-mail pages, where the policy offers secure mail."""

from __future__ import annotations

from django import template
from django.urls import reverse
from django.utils.html import format_html

from waarborg.audiences.site.securemail.texts import TEXT
from waarborg.engine.policy.active import NoActivePolicy, current
from waarborg.modules.securemail.messages import offered

register = template.Library()


@register.simple_tag
def securemail_link(lang: str = "nl") -> str:
    try:
        policy = current()
    except NoActivePolicy:
        return ""
    if not offered(policy):
        return ""
    lang = "en" if lang == "en" else "nl"
    return format_html(' · <a href="{}?lang={}">{}</a>', reverse("securemail:start"), lang, TEXT[lang]["title"])
