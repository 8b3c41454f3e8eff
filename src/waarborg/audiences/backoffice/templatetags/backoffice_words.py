"""Words for codes staff would otherwise read raw in the back office: a request's channel, an identity
check, a request status in its history. One place, so each page shows the same words; an unknown code is
shown as-is rather than hidden."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.translation import get_language, pgettext_lazy

from waarborg.audiences.backoffice.hold_words import scope_words
from waarborg.engine.policy.active import active
from waarborg.engine.policy.render.channels import CHANNELS
from waarborg.engine.rights.models import Request

register = template.Library()

CHANNEL_WORDS: dict[str, Any] = {
    **CHANNELS,
    "portal": pgettext_lazy("channel", "portaal"),
    "letter": pgettext_lazy("channel", "brief"),
    "secure_mail": pgettext_lazy("channel", "beveiligde mail"),
    "form": pgettext_lazy("channel", "formulier"),
    "website": pgettext_lazy("channel", "website"),
}

IDENTITY_WORDS: dict[str, Any] = {
    "id_copy": pgettext_lazy("identity check by staff", "kopie van het identiteitsbewijs"),
    "in_person": pgettext_lazy("identity check by staff", "identiteitsbewijs getoond aan de balie"),
    "portal_login": pgettext_lazy("identity check by staff", "inlog op het portaal"),
    "digid": pgettext_lazy("identity check by staff", "DigiD"),
    "email_code": pgettext_lazy("identity check by staff", "code per e-mail"),
}


@register.filter
def purpose_words(code: str) -> Any:
    """A purpose by its label in the policy, in the reader's language (the code when the policy lost it)."""
    purpose = active().policy.purposes.get(code) if code else None
    return (purpose.label.get(get_language()) or purpose.label.get("nl") or code) if purpose else code


@register.filter
def channel_words(code: str) -> Any:
    return CHANNEL_WORDS.get(code, code)


@register.filter
def identity_words(code: str) -> Any:
    return IDENTITY_WORDS.get(code, code)


@register.filter
def status_words(code: str) -> Any:
    return dict(Request.Status.choices).get(code, code)


ACTION_WORDS: dict[str, Any] = {
    "filed": pgettext_lazy("step in a request's history", "Ingediend"),
    "matched": pgettext_lazy("step in a request's history", "Gekoppeld aan betrokkene"),
    "verified": pgettext_lazy("step in a request's history", "Identiteit vastgesteld"),
}


@register.filter
def step_words(step: Any) -> Any:
    """What a step in a request's history did: its action in words, else its new status in words."""
    action = getattr(step, "action", "") or ""
    if action in ACTION_WORDS:
        return ACTION_WORDS[action]
    return status_words(getattr(step, "status", "") or action)


@register.filter
def step_note_words(note: str) -> Any:
    """A step's note: `channel:phone` and `identity:id_copy` in words; other notes (free text) as they are."""
    kind, _, code = (note or "").partition(":")
    if kind == "channel" and code:
        return pgettext_lazy("step note", "via %(channel)s") % {"channel": channel_words(code)}
    if kind == "identity" and code:
        return identity_words(code)
    return note


@register.filter
def hold_scope(hold: Any) -> Any:
    """What a hold covers, in words with a short client reference (as the holds page says it)."""
    return scope_words(hold, active().policy, get_language())
