"""How long data is kept: the clocks' starts (collection, a calendar, an event, a date field), extensions
and anonymisation, and the organisation's calendars.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import (
    BeforeValidator,
    Field,
)

from waarborg.engine.policy.schema.base import Ident, PeriodField, Strict, TextField, Words, WordsField


class CalendarStart(Strict):
    """Start the clock at a date of an organisation calendar (e.g. edition closings)."""

    calendar: Ident
    occurrence: int = Field(default=1, ge=1, le=10)  # 1 = first date after collection, 2 = the one after


class EventStart(Strict):
    """Start the clock at an event on the record or its subject (e.g. `service_ended`)."""

    event: Ident
    of: Literal["record", "subject"] = "subject"  # not `on`: YAML 1.1 reads `on` as true


class FieldDate(Strict):
    """Count from a date field of the record itself (the end date of a decision, a contract's last day)."""

    field: Ident


def _term(value: Any) -> Any:
    # Inside `earliest`/`latest` a bare name is an event of the subject: `[service_ended, consent_withdrawn]`.
    if isinstance(value, str) and value != "collected":
        return {"event": value}
    return value


Term = Annotated[Literal["collected"] | CalendarStart | EventStart | FieldDate, BeforeValidator(_term)]


class Earliest(Strict):
    """Whichever of these happens first ("two years after the end of the service or the withdrawal of
    consent, whichever is earlier"). Known as soon as one of them has happened."""

    earliest: tuple[Term, ...] = Field(min_length=2, max_length=6)


class Latest(Strict):
    """Whichever of these happens last: known only once all of them have happened."""

    latest: tuple[Term, ...] = Field(min_length=2, max_length=6)


Anchor = Literal["collected"] | CalendarStart | EventStart | FieldDate | Earliest | Latest


class Extension(Strict):
    by: PeriodField
    times: int = Field(default=1, ge=1, le=10)
    requires: Literal["subject_request", "subject_consent", "staff"] = "subject_request"


class Anonymise(Strict):
    keep: tuple[Ident, ...] = ()
    generalise_dates: Literal["year", "month", "none"] = "year"


class RetentionRule(Strict):
    label: TextField | None = None
    period: PeriodField | None = None
    # When the clock starts (the ceiling counts from here): one moment, or the earliest/latest of several.
    start: Anchor = "collected"
    # Open-ended: nothing expires until this moment (then `period` more, or at once); with a `start` too,
    # the period runs from whichever of the two comes last. `waarborg.engine.policy.anchors` compiles both.
    until: CalendarStart | EventStart | FieldDate | Earliest | Latest | None = None
    # The data goes at once when one of these events happens, even before the period has run out
    # (a relation that ends without agreement: S2-18).
    ends_early: tuple[EventStart, ...] = ()
    restart_on_new_record: bool = False  # S0-30: a new record of the purpose restarts every clock
    extension: Extension | None = None
    shorten_on_request: bool = False
    ceiling: PeriodField | None = None  # never longer than this after the start
    holds_allowed: bool = True
    action: Literal["delete", "anonymise"] = "delete"
    anonymise: Anonymise | None = None
    reason: Literal["necessity", "legal"] = "necessity"
    legal_ground: WordsField = Words()  # for reason=legal, e.g. "art. 52 AWR"
    justification: TextField | None = None  # why this period, in words

    def terms(self) -> list[tuple[tuple[str | int, ...], Any]]:
        """Every moment the rule waits for, with where it is written (for checks and for recomputing)."""
        found: list[tuple[tuple[str | int, ...], Any]] = []
        for key, anchor in (("start", self.start), ("until", self.until)):
            if isinstance(anchor, Earliest | Latest):
                how = "earliest" if isinstance(anchor, Earliest) else "latest"
                found.extend(((key, how, i), term) for i, term in enumerate(getattr(anchor, how)))
            elif anchor is not None:
                found.append(((key,), anchor))
        found.extend((("ends_early", i), term) for i, term in enumerate(self.ends_early))
        return found


class Calendar(Strict):
    label: TextField
    event: Ident | None = None  # org-level events of this name add dates
    dates: tuple[dt.date, ...] = ()
    # How the statement names the 1st, 2nd, ... date after collection ("de sluiting van de volgende ronde");
    # without it the statement says "de tweede <label> na het verzamelen".
    occurrences: tuple[TextField, ...] = ()
