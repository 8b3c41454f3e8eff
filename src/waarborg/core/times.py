"""One time format for everything the platform exchanges: RFC 3339.

The policy, in full (docs/api.md, "Times"):
- **Out**: every moment is written in UTC with `Z`, seconds always, a fraction only when there is one:
  `2026-03-02T08:00:00Z`, `2026-03-02T08:00:00.250000Z`. One form, whatever the server's time zone or
  the offset it was given in, so answers compare and sort as text. Pages and letters show local time.
- **In**: RFC 3339 with an offset: `Z` or `±HH:MM` (whole minutes; `-00:00` counts as UTC), a `T` (or a
  space) between date and time, seconds required, a fraction optional. A time without an offset is refused:
  which "09:00" was meant is exactly what a caller must say. Offsets as clocks on earth have them: -12:00 to
  +14:00, in whole hours, or with :30 or :45 (India, Nepal); `+23:59` is a typing error. Years 1900 to 2200
  only, in the given offset and in UTC alike (so no answer echoes 1899 or 2201): what lies outside is a typing
  error, not a date of this domain. Dates alone (`parse_date`) are `YYYY-MM-DD` in the same years.
Anything else is refused with a field error (422 in the API).
- **Given moments** lie in the past or at most 5 minutes ahead (`not_future`, `too_far_ahead`).
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta, timezone

from django.utils.formats import date_format

from waarborg.core.errors import Invalid
from waarborg.core.language import in_language

FIRST_YEAR, LAST_YEAR = 1900, 2200
_RFC3339 = re.compile(r"(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?(?:([Zz])|([+-])(\d{2}):(\d{2}))")
_LOCAL = re.compile(r"\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?")

EXAMPLE = "2026-03-02T09:30:00+01:00 of/or 2026-03-02T08:30:00Z"
NOT_RFC3339 = f"Geef een tijdstip volgens RFC 3339, bijvoorbeeld {EXAMPLE}. / Give an RFC 3339 date-time."
NO_OFFSET = (f"Tijdzone ontbreekt: voeg Z of +01:00 toe, bijvoorbeeld {EXAMPLE}. / "
             "The offset is missing: add Z or +01:00.")
OUT_OF_RANGE = f"Het jaar moet tussen {FIRST_YEAR} en {LAST_YEAR} liggen. / The year must lie between {FIRST_YEAR} and {LAST_YEAR}."
BAD_OFFSET = ("De tijdzone moet tussen -12:00 en +14:00 liggen, in hele of halve uren of met :45. / "
              "The offset must lie between -12:00 and +14:00, in whole or half hours or with :45.")
NOT_A_DATE = "Geef een datum als 2026-03-02 (JJJJ-MM-DD). / Give a date such as 2026-03-02 (YYYY-MM-DD)."
_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_OFFSET_MINUTES = (0, 30, 45)
NO_SUCH_MOMENT = "Deze datum of tijd bestaat niet. / This date or time does not exist."


class TimeFormatError(ValueError):
    """The text is not a moment in the platform's format; the message says why, in Dutch and English."""


def parse(text: str) -> datetime:
    """An aware datetime from RFC 3339 text, or TimeFormatError."""
    value = text.strip() if isinstance(text, str) else ""
    match = _RFC3339.fullmatch(value)
    if match is None:
        raise TimeFormatError(NO_OFFSET if _LOCAL.fullmatch(value) else NOT_RFC3339)
    year, month, day, hour, minute, second = (int(match.group(i)) for i in range(1, 7))
    fraction, zulu, sign, off_hours, off_minutes = match.group(7, 8, 9, 10, 11)
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise TimeFormatError(OUT_OF_RANGE)
    if zulu:
        zone = UTC
    else:
        offset = timedelta(hours=int(off_hours), minutes=int(off_minutes))
        if int(off_minutes) not in _OFFSET_MINUTES or offset > timedelta(hours=12 if sign == "-" else 14):
            raise TimeFormatError(BAD_OFFSET)
        zone = timezone(-offset if sign == "-" else offset) if offset else UTC
    micro = int((fraction or ".0")[1:].ljust(6, "0")[:6])
    try:
        moment = datetime(year, month, day, hour, minute, second, micro, tzinfo=zone)
    except ValueError:  # 31 February, 24:00, a leap second 60
        raise TimeFormatError(NO_SUCH_MOMENT) from None
    if not FIRST_YEAR <= moment.astimezone(UTC).year <= LAST_YEAR:  # 1900-01-01T00:00+01:00 is 1899 in UTC
        raise TimeFormatError(OUT_OF_RANGE)
    return moment


def parse_date(text: str) -> date:
    """A date from `YYYY-MM-DD` (nothing else Python would also read), years 1900-2200, or TimeFormatError."""
    match = _DATE.fullmatch(text.strip() if isinstance(text, str) else "")
    if match is None:
        raise TimeFormatError(NOT_A_DATE)
    if not FIRST_YEAR <= int(match.group(1)) <= LAST_YEAR:
        raise TimeFormatError(OUT_OF_RANGE)
    try:
        return date(*(int(part) for part in match.groups()))
    except ValueError:
        raise TimeFormatError(NO_SUCH_MOMENT) from None


# --- Moments given to us: the past is fine, the future only a little -------------------------------------
# CONTRACT.md: `collected_at`, `at`, `received_at` and `aware_at` may lie in the past (importing existing
# data), never more than 5 minutes in the future (clocks of callers drift a little, not more).
FUTURE_SLACK = timedelta(minutes=5)
TOO_FAR_AHEAD = "Mag niet meer dan 5 minuten in de toekomst liggen. / Must not lie more than 5 minutes in the future."


def too_far_ahead(moment: datetime | None, now: datetime | None = None) -> bool:
    return moment is not None and moment > (now or datetime.now(UTC)) + FUTURE_SLACK


def not_future(moment: datetime | None, field: str) -> datetime:
    """The moment (or now when absent); `Invalid` on `field` (a 422 in the API) when it lies too far ahead."""
    if too_far_ahead(moment):
        raise Invalid({field: [TOO_FAR_AHEAD]})
    return moment or datetime.now(UTC)


def rfc3339(moment: datetime) -> str:
    """RFC 3339 in UTC with Z; a naive moment is refused (it would be guessed)."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("a naive datetime has no place in the platform's output")
    text = moment.astimezone(UTC).isoformat()
    return text.removesuffix("+00:00") + "Z"


def rfc3339_or_none(moment: datetime | None) -> str | None:
    return None if moment is None else rfc3339(moment)


# --- Local time in words, for people (letters, exports, pages) -------------------------------------------

def day_in_words(day: date, lang: str = "nl") -> str:
    """`3 december 2026` / `3 December 2026`: the month as Django's own catalogue names it in `lang`."""
    return in_language(lang, lambda: date_format(day, "j F Y"))


def in_words(moment: datetime | date | str | None, lang: str = "nl") -> str:
    """A moment as a person reads it, in the platform's local time: `3 december 2026, 14:05`. A date alone
    gives the day; RFC 3339 text (as in an export) is read first; anything else is returned as it is."""
    if moment is None or moment == "":
        return ""
    if isinstance(moment, str):
        text = moment
        try:
            moment = parse(text)
        except TimeFormatError:
            try:
                moment = date.fromisoformat(text)
            except ValueError:
                return text
    if not isinstance(moment, datetime):
        return day_in_words(moment, lang)
    from django.utils import timezone  # the platform's zone (settings.TIME_ZONE), not the server's

    local = timezone.localtime(moment) if moment.tzinfo is not None else moment
    return f"{day_in_words(local.date(), lang)}, {local:%H:%M}"
