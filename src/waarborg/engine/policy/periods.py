"""ISO 8601 durations (P3M, P12M, P5Y, P6W, PT72H) as calendar-aware periods."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from dateutil.relativedelta import relativedelta
from django.utils.translation import npgettext, pgettext

from waarborg.core.language import in_language

_PATTERN = re.compile(
    r"^P(?:(?P<years>\d+)Y)?(?:(?P<months>\d+)M)?(?:(?P<weeks>\d+)W)?(?:(?P<days>\d+)D)?"
    r"(?:T(?:(?P<hours>\d+)H)?(?:(?P<minutes>\d+)M)?)?$"
)


@dataclass(frozen=True, order=True)
class Period:
    years: int = 0
    months: int = 0
    weeks: int = 0
    days: int = 0
    hours: int = 0
    minutes: int = 0
    text: str = ""

    @classmethod
    def parse(cls, text: str) -> Period:
        match = _PATTERN.match(text.strip()) if isinstance(text, str) else None
        if not match or text.strip() in {"P", "PT"} or text.strip().endswith("T"):
            raise ValueError(f"{text!r} is not an ISO 8601 period such as P3M, P5Y, P6W or PT72H")
        parts = {k: int(v) for k, v in match.groupdict().items() if v}
        return cls(text=text.strip(), **parts)

    @property
    def delta(self) -> relativedelta:
        return relativedelta(
            years=self.years, months=self.months, weeks=self.weeks, days=self.days,
            hours=self.hours, minutes=self.minutes,
        )

    def after(self, moment: datetime) -> datetime:
        return moment + self.delta

    def approx_days(self) -> float:
        """For comparing periods (ceilings vs. period + extensions); calendar-exact math uses `after`."""
        return self.years * 365.25 + self.months * 30.44 + self.weeks * 7 + self.days + self.hours / 24

    def words(self, lang: str = "nl") -> str:
        """'12 maanden', '5 jaar', '6 weken', '72 uur' - for statements and explanations (in `lang`)."""
        return in_language(lang, self._words)

    def _words(self) -> str:
        parts = [text % {"n": n} for text, n in (
            (npgettext("period", "%(n)s jaar", "%(n)s jaar", self.years), self.years),
            (npgettext("period", "%(n)s maand", "%(n)s maanden", self.months), self.months),
            (npgettext("period", "%(n)s week", "%(n)s weken", self.weeks), self.weeks),
            (npgettext("period", "%(n)s dag", "%(n)s dagen", self.days), self.days),
            (npgettext("period", "%(n)s uur", "%(n)s uur", self.hours), self.hours),
            (npgettext("period", "%(n)s minuut", "%(n)s minuten", self.minutes), self.minutes),
        ) if n]
        if not parts:
            return pgettext("period", "direct")
        words = parts[0]
        for part in parts[1:]:
            words = pgettext("period", "%(first)s en %(second)s") % {"first": words, "second": part}
        return words

    def __str__(self) -> str:
        return self.text
