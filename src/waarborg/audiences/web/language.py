"""One rule for the language of every page (docs/i18n.md), in one place:

1. `?lang=nl` / `?lang=en` on the URL: the language switch the pages offer, carried by their links;
2. else the browser's `Accept-Language`, its first language the platform speaks;
3. else Dutch (`LANGUAGE_CODE`).

Only the languages of the active policy count (`languages:`, default nl and en, within settings.LANGUAGES):
with `languages: [nl]` every page is Dutch, whatever the browser or the URL asks. No cookie remembers the
choice: several statements promise the reader which cookies the site sets, and a language cookie is not
among them; the switch's links carry `?lang=` instead.

The middleware activates the language for the request (`request.LANGUAGE_CODE`, `get_language()`); pages
never look at the request for it themselves. The API answers with its own words in both languages, so
under /api/ the policy is not asked: Django's and DRF's field messages follow the browser as before.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.middleware.locale import LocaleMiddleware
from django.utils import translation
from django.utils.translation.trans_real import parse_accept_lang_header

QUERY = "lang"
_NO_POLICY_PATHS = ("/api/", "/static/", "/admin/")


def platform_languages() -> tuple[str, ...]:
    return tuple(code for code, _ in settings.LANGUAGES)


def offered() -> tuple[str, ...]:
    """The languages the pages speak now: the active policy's among the platform's, in the platform's order."""
    from waarborg.engine.policy.active import NoActivePolicy, current

    codes = platform_languages()
    try:
        listed = current().languages
    except NoActivePolicy:
        return codes
    return tuple(code for code in codes if code in listed) or (settings.LANGUAGE_CODE,)


def _match(tag: str, allowed: tuple[str, ...]) -> str | None:
    """`en-GB` and `EN` are English; a language not allowed is no match."""
    tag = tag.strip().lower()
    for code in (tag, tag.split("-")[0]):
        if code in allowed:
            return code
    return None


def choose(request: HttpRequest, allowed: tuple[str, ...]) -> str:
    asked = _match(request.GET.get(QUERY, ""), allowed)
    if asked:
        return asked
    for tag, _quality in parse_accept_lang_header(request.headers.get("Accept-Language", "")):
        if tag == "*":
            break
        match = _match(tag, allowed)
        if match:
            return match
    return settings.LANGUAGE_CODE if settings.LANGUAGE_CODE in allowed else allowed[0]


class LanguageMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware (it adds `Content-Language` and `Vary: Accept-Language`) with our rule."""

    def process_request(self, request: HttpRequest) -> None:
        allowed = platform_languages() if request.path_info.startswith(_NO_POLICY_PATHS) else offered()
        translation.activate(choose(request, allowed))
        request.LANGUAGE_CODE = translation.get_language()


def context(request: HttpRequest) -> dict[str, Any]:
    """For every page's template: `lang` (for `<html lang>` and the `?lang=` of links) and the switch's
    `other_languages`, each named in its own language (`[("en", "English")]` on a Dutch page)."""
    lang = translation.get_language() or settings.LANGUAGE_CODE
    names = dict(settings.LANGUAGES)
    return {"lang": lang, "other_languages": [(code, names[code]) for code in offered() if code != lang]}


def reader_half(text: str) -> tuple[str, str]:
    """The reader's half of a domain message that says it in both languages, Dutch first: "Dutch. (English.)"
    or "Dutch / English" (a refusal's detail, docs/api.md). Returns the text and its language, for `lang=` where it
    differs from the page's: a message that does not split is Dutch."""
    text = text.strip()
    dutch, english = text, ""
    if text.endswith(")"):
        depth = 0
        for i in range(len(text) - 1, -1, -1):  # the "(" that matches the last ")": "(rol)" inside stays Dutch
            depth += {")": 1, "(": -1}.get(text[i], 0)
            if depth == 0:
                if i > 0 and text[i - 1] == " ":
                    dutch, english = text[:i].strip(), text[i + 1:-1].strip()
                break
    elif " / " in text:
        dutch, english = (part.strip() for part in text.split(" / ", 1))
    if translation.get_language() == "en" and english:
        return english, "en"
    return dutch if english else text, "nl"
