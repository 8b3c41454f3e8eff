"""`{{ due|deadline_words }}` and `{{ hours|hours_words }}`: deadlines in words, Dutch first ("nog 3 dagen",
"3 dagen te laat", "nog 40 uur"), through `engine.oversight.words`."""

from __future__ import annotations

from typing import Any

from django import template

from waarborg.engine.oversight import words

register = template.Library()


@register.filter
def deadline_words(due: Any) -> str:
    return words.days_left(due.days_left, due.overdue)


@register.filter
def hours_words(hours: float) -> str:
    return words.hours_left(hours)
