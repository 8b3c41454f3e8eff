"""The policy's cookie list is the truth: what may be set before a choice, what waits for "accepteren".

Cookies of kind `functional` (and `analytical` without consent_required) may be set at once; social-media
and embedded-content cookies (kind `social`/`embedded`, or `consent_required`) come with third-party
scripts and frames, which load only after the visitor accepted in the banner. The choice itself is kept
in the functional cookie `cookie_consent` ("accepted" or "declined"); withdrawing deletes it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from waarborg.engine.policy.schema import Cookie, Policy

CHOICE_COOKIE = "cookie_consent"
ACCEPTED, DECLINED = "accepted", "declined"
CHOICE_MAX_AGE = 365 * 24 * 60 * 60  # a year, as the seeds declare

# Providers the policy may name, with what their buttons load. Matched on the cookie's `provider`
# ("Twitter, Facebook, LinkedIn"). A provider not listed here is never loaded: nothing can ask for it.
SOCIAL_SCRIPTS = {
    "twitter": "https://platform.twitter.com/widgets.js",
    "x": "https://platform.twitter.com/widgets.js",
    "facebook": "https://connect.facebook.net/nl_NL/sdk.js",
    "linkedin": "https://platform.linkedin.com/in.js",
}
EMBED_FRAMES = {
    "youtube": "https://www.youtube-nocookie.com/embed/{ref}",
    "slideshare": "https://www.slideshare.net/slideshow/embed_code/{ref}",
    "storify": "https://storify.com/{ref}/embed",
    "vimeo": "https://player.vimeo.com/video/{ref}",
}


@dataclass(frozen=True)
class Banner:
    needed: bool  # the policy declares cookies that wait for consent
    choice: str | None  # accepted, declined, or None (not chosen yet)
    scripts: tuple[str, ...]  # what loads now (empty unless accepted)


def needs_consent(cookie: Cookie) -> bool:
    return cookie.consent_required or cookie.kind in ("social", "embedded")


def providers(policy: Policy, kind: str) -> list[str]:
    names: list[str] = []
    for cookie in policy.cookies:
        if cookie.kind == kind and needs_consent(cookie):
            names += [p.strip().lower() for p in cookie.provider.split(",") if p.strip()]
    return names


def choice_of(request: Any) -> str | None:
    value = request.COOKIES.get(CHOICE_COOKIE)
    return value if value in (ACCEPTED, DECLINED) else None


def banner_for(policy: Policy, request: Any) -> Banner:
    needed = any(needs_consent(c) for c in policy.cookies)
    choice = choice_of(request) if needed else None
    scripts: list[str] = []
    if choice == ACCEPTED:
        for name in providers(policy, "social"):
            url = SOCIAL_SCRIPTS.get(name)
            if url and url not in scripts:
                scripts.append(url)
    return Banner(needed=needed, choice=choice, scripts=tuple(scripts))


def embed_url(policy: Policy, request: Any, provider: str, ref: str) -> str | None:
    """The frame to show, or None while the visitor has not accepted (or the policy does not declare it)."""
    name = provider.strip().lower()
    if name not in providers(policy, "embedded") or name not in EMBED_FRAMES:
        return None
    if choice_of(request) != ACCEPTED:
        return None
    return EMBED_FRAMES[name].format(ref=ref)


def declared_before_consent(policy: Policy) -> set[str]:
    """Cookie names a page may set before any choice: declared and not waiting for consent."""
    return {c.name for c in policy.cookies if c.kind in ("functional", "analytical") and not needs_consent(c)}
