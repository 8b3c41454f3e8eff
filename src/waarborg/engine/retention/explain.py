"""The words of the retention clock's explanation (`retention.clock`), through gettext (docs/i18n.md).

The clock is computed for every record a change touches, and read by a person only now and then, in Dutch or
English (the API's `?lang=`, a page, a letter that says both). So a step of the explanation is kept as a
sentence with its values, and becomes text only when it is read, in the language active then: a `Step` is a
lazy gettext text plus values that are themselves turned into words at that moment (a day as "04-03-2026" or
"2026-03-04", a period as "2 jaar" or "2 years", a policy text in its own language).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import get_language, pgettext, pgettext_lazy

from waarborg.engine.policy.periods import Period
from waarborg.engine.policy.schema import EventStart, FieldDate, Policy, Text, Words


class Step:
    """A sentence (a lazy gettext text with `%(name)s` placeholders) and its values; `str()` reads it."""

    __slots__ = ("text", "values")

    def __init__(self, text: Any, **values: Any) -> None:
        self.text, self.values = text, values

    def __str__(self) -> str:
        return str(self.text) % self.values if self.values else str(self.text)


class On:
    """A day as the reader's language writes it in an explanation: 04-03-2026, or 2026-03-04 in English."""

    __slots__ = ("day",)

    def __init__(self, moment: datetime | date) -> None:
        self.day = timezone.localtime(moment).date() if isinstance(moment, datetime) else moment

    def __str__(self) -> str:
        return date_format(self.day, pgettext("date in a retention explanation", "d-m-Y"))


class Lasting:
    """A period in words: "2 jaar", "2 years"."""

    __slots__ = ("period",)

    def __init__(self, period: Period) -> None:
        self.period = period

    def __str__(self) -> str:
        return self.period.words(get_language() or "nl")


class Own:
    """A text of the policy (Dutch first, English beside it), in the reader's language."""

    __slots__ = ("text",)

    def __init__(self, text: Text | Words) -> None:
        self.text = text

    def __str__(self) -> str:
        lang = get_language() or "nl"
        return self.text.in_lang(lang) if isinstance(self.text, Words) else self.text.get(lang)


class Capital:
    """The words of `value` with a capital first letter (the start of a sentence)."""

    __slots__ = ("value",)

    def __init__(self, value: Any) -> None:
        self.value = value

    def __str__(self) -> str:
        text = str(self.value)
        return text[:1].upper() + text[1:]


class Labels:
    """Choice labels (hold reasons), lower case, sorted in the reader's language and joined with commas."""

    __slots__ = ("labels",)

    def __init__(self, labels: Any) -> None:
        self.labels = list(labels)

    def __str__(self) -> str:
        return ", ".join(sorted({str(label).lower() for label in self.labels}))


class Joined:
    __slots__ = ("parts",)

    def __init__(self, parts: Any) -> None:
        self.parts = list(parts)

    def __str__(self) -> str:
        return ", ".join(str(part) for part in self.parts)


def event_words(start: EventStart) -> Step:
    of = pgettext_lazy("retention clock", "dit gegeven") if start.of == "record" else pgettext_lazy(
        "retention clock", "de betrokkene")
    return Step(pgettext_lazy("retention clock", "de gebeurtenis '%(event)s' bij %(of)s"), event=start.event, of=of)


def what(term: Any, policy: Policy) -> Any:
    """One term of an anchor, named for staff (raw ids: the explanation is for people who know the policy)."""
    if term == "collected":
        return pgettext_lazy("retention clock", "de vastlegging")
    if isinstance(term, EventStart):
        return event_words(term)
    if isinstance(term, FieldDate):
        return Step(pgettext_lazy("retention clock", "de datum in het veld '%(field)s'"), field=term.field)
    return Step(pgettext_lazy("retention clock", "de %(n)se '%(label)s' na de vastlegging"), n=term.occurrence,
                label=Own(policy.calendars[term.calendar].label))


def anchor_words(how: str, terms: Any, policy: Policy) -> Any:
    if how == "one":
        return what(terms[0], policy)
    parts = Joined(what(term, policy) for term in terms)
    if how == "earliest":
        return Step(pgettext_lazy("retention clock", "de eerste van: %(terms)s"), terms=parts)
    return Step(pgettext_lazy("retention clock", "de laatste van: %(terms)s"), terms=parts)


def hold_words(hold: Any) -> Step:
    """One hold in words: which one, what it covers, and when it is to be reviewed."""
    if hold.record_id:
        covers: Any = pgettext_lazy("retention clock", "dit gegeven")
    elif hold.subject_id:
        covers = pgettext_lazy("retention clock", "alle gegevens van deze betrokkene")
    else:
        covers = Step(pgettext_lazy("retention clock", "alle gegevens voor het doel '%(purpose)s'"),
                      purpose=hold.purpose)
    review: Any = ""
    if hold.review_at is not None:
        if hold.review_at <= timezone.now():
            review = Step(pgettext_lazy("retention clock", "; de herzieningsdatum %(day)s is verstreken: te herzien"),
                          day=On(hold.review_at))
        else:
            review = Step(pgettext_lazy("retention clock", "; herzien op %(day)s"), day=On(hold.review_at))
    return Step(pgettext_lazy("retention clock", "Bewaarplicht nr. %(number)s geldt voor %(covers)s%(review)s."),
                number=hold.pk, covers=covers, review=review)
