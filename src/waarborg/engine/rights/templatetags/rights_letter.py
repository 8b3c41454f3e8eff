"""Filters for the readable export and the answer letter: dates in words, labels looked up by key.

`{{ moment|when:lang }}` gives "3 december 2026, 14:05" (local time) for a datetime, a date or RFC 3339 text;
`{{ labels|label:key }}` the label of a field (or the key in words when there is none);
`{{ key|fact:lang }}` the words for a fact about the subject or their account (`birth_date`, `last_login`).
"""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.translation import gettext

from waarborg.core.language import in_language
from waarborg.core.times import in_words
from waarborg.engine.rights.words import fact_label

register = template.Library()


@register.filter
def when(moment: Any, lang: str = "nl") -> str:
    return in_words(moment, "en" if lang == "en" else "nl")


@register.filter
def label(labels: Any, key: str) -> Any:
    found = labels.get(key) if isinstance(labels, dict) else None
    return found if found else key.replace("_", " ").capitalize()


@register.filter
def fact(key: str, lang: str = "nl") -> str:
    return fact_label(key)["en" if lang == "en" else "nl"]


@register.filter
def value_words(value: Any, lang: str = "nl") -> Any:
    """Yes/no for booleans, a date in words for a date; anything else as it is."""
    if value is True:
        return in_language(lang, lambda: gettext("ja"))
    if value is False:
        return in_language(lang, lambda: gettext("nee"))
    if value is None or value == "":
        return "-"
    if isinstance(value, str) and len(value) >= 10 and value[4:5] == "-" and value[7:8] == "-":
        words = in_words(value, lang)
        return words or value
    return value
