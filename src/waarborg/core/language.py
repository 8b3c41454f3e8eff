"""Texts in a given language, or in every language at once, through Django's gettext (docs/i18n.md).

A page speaks the reader's language, which the middleware activated (`audiences.web.language`). Some texts have a
language of their own instead: a letter in the language staff chose, a mail or notice in Dutch and English
because the platform does not know which one the person reads, an export whose rows carry both
(`{"nl": ..., "en": ...}`). Those are made here, by running the same gettext code once per language.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from django.utils import translation

T = TypeVar("T")
LANGUAGES = ("nl", "en")  # the platform's (settings.LANGUAGES), Dutch first
MAIL_HALVES = "\n\n---\n\n"  # between the languages of a mail's body


def in_language(lang: str, make: Callable[[], T]) -> T:
    """`make()` with `lang` active (an unknown language falls back to Dutch, the source language)."""
    with translation.override(lang if lang in LANGUAGES else LANGUAGES[0]):
        return make()


def each_language(make: Callable[[], T], languages: tuple[str, ...] = LANGUAGES) -> dict[str, T]:
    """`{"nl": make() in Dutch, "en": make() in English}`."""
    return {lang: in_language(lang, make) for lang in languages}


def words(text: Any) -> dict[str, str]:
    """A (lazy) translatable text as `{"nl": ..., "en": ...}`."""
    return each_language(lambda: str(text))


def dutch(text: Any) -> str:
    """A (lazy) translatable text in Dutch, whatever the reader's language: for what is filed in Dutch (the
    AP's notification form, the audit trail, the platform's Dutch half of a text)."""
    return in_language("nl", lambda: str(text))


def joined(make: Callable[[], str], languages: Iterable[str] = LANGUAGES, between: str = " / ") -> str:
    """`make()` once in each of `languages` (Dutch first), joined by `between`: the subject or body of a mail to
    someone whose language the platform does not know (`languages`: the policy's)."""
    wanted = set(languages)
    order = [lang for lang in LANGUAGES if lang in wanted] or [LANGUAGES[0]]
    return between.join(in_language(lang, make) for lang in order)
