"""`{% securemail_link %}`: a link to the secure-mail pages, where the policy offers secure mail."""

from __future__ import annotations

from django import template
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import get_language, gettext

from waarborg.engine.policy.active import NoActivePolicy, current
from waarborg.modules.securemail.messages import offered

register = template.Library()


@register.simple_tag
def securemail_link() -> str:
    try:
        policy = current()
    except NoActivePolicy:
        return ""
    if not offered(policy):
        return ""
    return format_html('<a href="{}?lang={}">{}</a>', reverse("securemail:start"), get_language(),
                       gettext("Beveiligde mail"))
