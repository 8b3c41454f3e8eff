"""ISO 8601 durations (P3M, P12M, P5Y, P6W, PT72H) as calendar-aware periods."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from dateutil.relativedelta import relativedelta

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
        """'12 maanden', '5 jaar', '6 weken', '72 uur' - for statements and explanations."""
        units_nl = [("years", "jaar", "jaar"), ("months", "maand", "maanden"), ("weeks", "week", "weken"),
                    ("days", "dag", "dagen"), ("hours", "uur", "uur"), ("minutes", "minuut", "minuten")]
        units_en = [("years", "year", "years"), ("months", "month", "months"), ("weeks", "week", "weeks"),
                    ("days", "day", "days"), ("hours", "hour", "hours"), ("minutes", "minute", "minutes")]
        units = units_nl if lang == "nl" else units_en
        parts = []
        for attr, one, many in units:
            n = getattr(self, attr)
            if n:
                parts.append(f"{n} {one if n == 1 else many}")
        joiner = " en " if lang == "nl" else " and "
        return joiner.join(parts) or ("direct" if lang == "nl" else "immediately")

    def __str__(self) -> str:
        return self.text
