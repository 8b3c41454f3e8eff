"""The organisation's look on every page (docs/design.md).

Every page links three style sheets: NL Design System's (`static/waarborg/nlds.css`, built from npm by
`make install`), the platform's layout on its tokens (`static/waarborg/waarborg.css`), and this organisation's
colours (`/thema/<key>.css`, this module). The last is a few custom properties computed from the active policy's
`organisation.theme`; it is a file of its own, not an inline `<style>`, because the Content Security Policy runs
no inline styles. Its name carries a hash of its text, so a browser may keep it for a year and still sees a new
policy's colours at once.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.urls import reverse

from waarborg.engine.policy.colours import WHITE, mix
from waarborg.engine.policy.schema import Theme

PLATFORM = "Waarborg"
YEAR = 365 * 24 * 3600


@dataclass(frozen=True)
class Look:
    name: str  # the organisation's name (the platform's, without an active policy)
    logo: str
    css: str
    key: str


@lru_cache(maxsize=16)
def _look(name: str, theme: Theme) -> Look:
    primary = theme.primary
    background = theme.background or mix(primary, WHITE, 0.92)
    values = {
        "--waarborg-primary": primary,
        "--waarborg-primary-hover": mix(primary, "#000000", 0.25),
        "--waarborg-primary-subtle": mix(primary, WHITE, 0.85),
        "--waarborg-background": background,
        # NL Design System's example theme ("voorbeeld") in the organisation's colours: primary buttons
        # (action 1), links (action 2), headings' accent and the focus ring stay its own, readable everywhere
        "--basis-color-action-1-inverse-bg-default": "var(--waarborg-primary)",
        "--basis-color-action-1-inverse-bg-hover": "var(--waarborg-primary-hover)",
        "--basis-color-action-1-inverse-bg-active": "var(--waarborg-primary-hover)",
        "--basis-color-action-1-inverse-border-default": "var(--waarborg-primary)",
        "--basis-color-action-1-inverse-border-hover": "var(--waarborg-primary-hover)",
        "--basis-color-action-1-color-default": "var(--waarborg-primary)",
        "--basis-color-action-1-color-hover": "var(--waarborg-primary-hover)",
        "--basis-color-action-1-border-default": "var(--waarborg-primary)",
        "--basis-color-action-2-color-default": "var(--waarborg-primary)",
        "--basis-color-action-2-color-hover": "var(--waarborg-primary-hover)",
        "--basis-color-action-2-color-active": "var(--waarborg-primary-hover)",
        "--basis-color-accent-1-color-default": "var(--waarborg-primary)",
    }
    body = "".join(f"  {prop}: {value};\n" for prop, value in values.items())
    css = f"/* {name}: organisation.theme of the active policy (docs/design.md) */\n.waarborg-theme.voorbeeld-theme {{\n{body}}}\n"
    return Look(name=name, logo=theme.logo, css=css, key=hashlib.sha256(css.encode()).hexdigest()[:12])


def current_look() -> Look:
    """The active policy's look; the platform's own without a policy (or when asking fails: an error page
    must still draw)."""
    from waarborg.engine.policy.active import current

    try:
        organisation = current().organisation
    except Exception:  # an error page (500) draws even when the database is away
        return _look(PLATFORM, Theme())
    return _look(organisation.name, organisation.theme)


def context(request: HttpRequest) -> dict[str, Any]:
    """For every page's template: `waarborg_theme.name`, `.logo` and `.css_url` (not `theme`: the sociale kaart
    has themes of its own)."""
    look = current_look()
    return {"waarborg_theme": {"name": look.name, "logo": look.logo, "css_url": reverse("theme-css", args=[look.key])}}


def stylesheet(request: HttpRequest, key: str) -> HttpResponse:
    """`/thema/<key>.css`: the organisation's colours. An old key still answers, with the current colours, but
    is not cached: only the name of today's text may be kept for a year."""
    look = current_look()
    response = HttpResponse(look.css, content_type="text/css; charset=utf-8")
    response["Cache-Control"] = f"public, max-age={YEAR}, immutable" if key == look.key else "no-cache"
    return response
