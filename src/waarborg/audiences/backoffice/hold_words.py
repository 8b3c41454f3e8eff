"""A hold in words for retention staff: a request's hold names the request's kind and date with a link to it,
never its uuid; what a hold covers names the client by a short reference (as search does) or the purpose by
its label in the policy."""

from __future__ import annotations

import re
from typing import Any

from django.template.defaultfilters import date as date_filter
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext

from waarborg.engine.retention.models import Hold
from waarborg.engine.rights.models import Request

# What engine.rights.effects writes as a request hold's justification (kept as is: release matches on it).
_REQUEST_HOLD = re.compile(r"pending \w+ request ([0-9a-f-]{36})\s*$")


def short_ref(pk: Any) -> str:
    return str(pk)[:8]


def justification_words(hold: Hold) -> str | SafeString:
    match = _REQUEST_HOLD.search(hold.justification or "") if hold.reason == Hold.Reason.RIGHTS_REQUEST else None
    req = Request.objects.filter(pk=match.group(1)).only("type", "received_at").first() if match else None
    if req is None:
        return hold.justification
    text = gettext("Lopend verzoek (%(kind)s) van %(day)s") % {
        "kind": req.get_type_display().lower(), "day": date_filter(timezone.localtime(req.received_at), "j F Y")}
    return format_html('<a href="{}">{}</a>', reverse("backoffice:request", args=[req.pk]), text)


def scope_words(hold: Hold, policy: Any, lang: str) -> str | SafeString:
    if hold.subject_id and not hold.record_id:
        return format_html('{} <a href="{}">{}</a>', gettext("alle gegevens van cliënt"),
                           reverse("backoffice:subject", args=[hold.subject_id]), short_ref(hold.subject_id))
    if hold.purpose and not hold.record_id and hold.purpose in policy.purposes:
        label = policy.purposes[hold.purpose].label.get(lang) or hold.purpose
        return gettext("alle gegevens voor doel '%(purpose)s'") % {"purpose": label}
    return hold.scope_words()


def hold_row(hold: Hold, policy: Any, lang: str) -> dict[str, Any]:
    return {"hold": hold, "scope": scope_words(hold, policy, lang), "justification": justification_words(hold)}
