"""What the register says about a retention rule, the expiry the clock stores and what the sweep does agree,
for generated rules (`start`/`until` as one moment or the earliest/latest of several, a period, an early
end, a ceiling) and generated histories (which events happened when, the record's own end date).

The expected expiry is worked out by a *reader* of the published Dutch sentence (`_read`), not by the
code under test: if the words say "wat het eerst komt" while the clock waits for both, this test fails.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

import pytest
import time_machine
import yaml
from dateutil.relativedelta import relativedelta
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import Persona, make_staff
from tests.retention.conftest import at
from waarborg.engine.policy.active import activate
from waarborg.engine.policy.loader import load_text
from waarborg.engine.policy.render.register import register_entries
from waarborg.engine.records.actions import record_create, subject_create
from waarborg.engine.retention.events import event_record
from waarborg.engine.retention.sweep import sweep_expired
from waarborg.engine.vault.models import Record

COLLECTED = at(2024, 1, 10)
NOW = at(2026, 6, 1)

# The moments a rule may wait for, with the words the statement uses for them.
EVENTS = {"a_ended": "de afsluiting", "b_ended": "het vertrek", "consent_withdrawn": "de intrekking van de toestemming"}
EARLY = {"c_ended": "de beëindiging zonder overeenkomst"}  # ends the clock early
FIELD_WORDS = "de datum 'einddatum' in het dossier"
TERMS = ["collected", "a_ended", "b_ended", "consent_withdrawn", "field"]

BASE = {
    "organisation": {"id": "org", "name": "Org", "privacy_contact": {"email": "privacy@org.nl"}},
    "statement": {"version": "1", "effective": "2024-01-01"},
    "categories": {"contact": {"label": "Contact"}},
    "purposes": {"service": {"label": "Dienst", "description": "De dienst", "basis": "consent"}},
    "record_types": {"file": {"purpose": "service", "label": "Dossier", "retention": "rule", "fields": {
        "name": {"category": "contact"},
        "ends_on": {"category": "contact", "type": "date", "label": {"nl": "Einddatum", "en": "End date"}}}}},
    "events": {name: {"nl": words, "en": name} for name, words in {**EVENTS, **EARLY}.items()},
    "roles": {"po": {"label": "PO", "privacy_officer": True, "manages": ["retention"],
                     "grants": {"service": ["read", "write"]}}},
}


def _term_yaml(term: str) -> Any:
    return {"field": "ends_on"} if term == "field" else term if term == "collected" else {"event": term}


def _anchor(terms: list[str]) -> st.SearchStrategy[Any]:
    one = st.sampled_from(terms).map(_term_yaml)
    several = st.tuples(st.sampled_from(["earliest", "latest"]),
                        st.lists(st.sampled_from(terms), min_size=2, max_size=3, unique=True))
    return st.one_of(one, several.map(lambda s: {s[0]: [_term_yaml(t) for t in s[1]]}))


@st.composite
def rules(draw: st.DrawFn) -> dict[str, Any]:
    rule: dict[str, Any] = {"start": draw(_anchor(TERMS))}
    if draw(st.booleans()):
        rule["until"] = draw(_anchor(TERMS[1:]))
    if "until" not in rule or draw(st.booleans()):
        rule["period"] = f"P{draw(st.integers(1, 24))}M"
    if draw(st.booleans()):
        rule["ends_early"] = [{"event": "c_ended"}]
    if draw(st.booleans()):
        months = int(rule.get("period", "P0M")[1:-1])
        rule["ceiling"] = f"P{months + draw(st.integers(0, 24))}M"
    return rule


@dataclass(frozen=True)
class History:
    events: dict[str, int]  # event -> days after collection
    ends_on: int | None  # the record's own end date, days after collection (may lie before it or ahead)


histories = st.builds(
    History,
    # Each event happened (at some day) or not yet; the early end is rarer, else it would decide most cases.
    events=st.fixed_dictionaries({name: st.none() | st.integers(0, 800) for name in EVENTS},
                                 optional={"c_ended": st.integers(0, 800)}).map(
        lambda found: {name: days for name, days in found.items() if days is not None}),
    ends_on=st.none() | st.integers(-100, 900),
)


def _when(history: History, term: str) -> datetime | None:
    if term == "collected":
        return COLLECTED
    if term == "field":
        if history.ends_on is None:
            return None
        day = COLLECTED.date() + timedelta(days=history.ends_on)
        return timezone.make_aware(datetime.combine(day, datetime.min.time()))
    days = history.events.get(term)
    return None if days is None else COLLECTED + timedelta(days=days, hours=3)


# --- the reader: from the Dutch sentence to a date, knowing only the words of the policy -----------------

_WORD_TERMS = {**{words: name for name, words in {**EVENTS, **EARLY}.items()}, FIELD_WORDS: "field",
               "ontvangst": "collected", "de ontvangst van de gegevens": "collected"}


def _moment(words: str, history: History) -> datetime | None:
    """"A", or "A, B of C, wat het eerst komt", or "A en B, wat het laatst komt", as a moment."""
    for suffix, how in ((", wat het eerst komt", "earliest"), (", wat het laatst komt", "latest")):
        if words.endswith(suffix):
            *head, last = words.removesuffix(suffix).rsplit(" of " if how == "earliest" else " en ", 1)
            parts = [*head[0].split(", "), last] if head else [last]
            moments = [_when(history, _WORD_TERMS[p]) for p in parts]
            known = [m for m in moments if m is not None]
            if how == "earliest":
                return min(known) if known else None
            return max(known) if len(known) == len(moments) else None
    return _when(history, _WORD_TERMS[words])


def _months(words: str | None) -> relativedelta:
    return relativedelta(months=int(words.split()[0])) if words else relativedelta()


def _read(sentence: str, history: History) -> datetime | None:
    """The expiry a reader of the statement expects."""
    first = sentence.split(". ")[0]
    main, _, limits = first.partition("; ")
    main, _, early = main.partition(", of eerder bij ")
    ceiling = re.search(r"nooit langer dan (\d+ maand(?:en)?)", limits)
    expires: datetime | None = None
    shape = re.fullmatch(r"Tot (?P<until>.+?)(?:, maar niet eerder dan (?P<start>.+?))?"
                         r"(?:, daarna nog (?P<period>\d+ maand(?:en)?))?", main)
    if shape:
        until, start = _moment(shape["until"], history), (
            _moment(shape["start"], history) if shape["start"] else COLLECTED)
        if until is not None and start is not None:
            expires = max(until, start) + _months(shape["period"])
    else:
        shape = re.fullmatch(r"(?P<period>\d+ maand(?:en)?) na (?P<start>.+)", main)
        assert shape, f"the reader does not understand: {main!r}"
        start = _moment(shape["start"], history)
        if start is not None:
            expires = start + _months(shape["period"])
    if early:
        ended = _moment(early, history)
        if ended is not None and (expires is None or ended < expires):
            expires = ended
    if ceiling and start is not None:
        cap = start + _months(ceiling[1])
        expires = cap if expires is None or expires > cap else expires
    return expires


# --------------------------------------------------------------------------------------------------------

@pytest.fixture
def officer(db: Any) -> Persona:
    activate(load_text(yaml.safe_dump({**BASE, "retention": {"rule": {"period": "P1M"}}})))
    return Persona(*make_staff("pim", ["po"]))


def _given(rule: dict[str, Any], history: History, officer: Persona) -> tuple[Record, str]:
    activate(load_text(yaml.safe_dump({**BASE, "retention": {"rule": rule}})))
    [entry] = register_entries(load_text(yaml.safe_dump({**BASE, "retention": {"rule": rule}})).policy)
    ends_on = (COLLECTED.date() + timedelta(days=history.ends_on)).isoformat() if history.ends_on is not None else None
    with time_machine.travel(COLLECTED, tick=False):
        subject = subject_create(officer.user)
        record = record_create(officer.user, subject=subject, type="file", purpose="service", collected_at=COLLECTED,
                               data={"name": "Mila", **({"ends_on": ends_on} if ends_on else {})})
    with time_machine.travel(NOW, tick=False):
        for name, days in sorted(history.events.items(), key=lambda item: item[1]):
            event_record(officer.user, name=name, at=COLLECTED + timedelta(days=days, hours=3), subject=subject)
    return record, entry["retention"][0]["words"]


@settings(max_examples=50, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(rule=rules(), history=histories)
def test_the_words_the_clock_and_the_sweep_agree(rule: dict[str, Any], history: History, officer: Persona) -> None:
    # Given a generated rule, active, and a record with a generated history
    record, words = _given(rule, history, officer)
    expected = _read(words, history)
    # When the clock is asked through the API, and the sweep runs at NOW
    with time_machine.travel(NOW, tick=False):
        shown = officer.get(f"/api/v1/records/{record.pk}/retention").json()
        swept = sweep_expired(only=[record.pk])
    # Then the stored expiry is the one the words describe, and the sweep took the record exactly when it was due
    stored = Record.objects.filter(pk=record.pk).values_list("expires_at", flat=True).first()
    assert (datetime.fromisoformat(shown["expires_at"]) if shown["expires_at"] else None) == expected, (words, shown)
    gone = expected is not None and expected <= NOW
    assert swept.processed == (1 if gone else 0)
    assert Record.objects.filter(pk=record.pk).exists() is not gone
    if not gone:
        assert stored == expected


def test_the_reader_understands_the_shapes_it_is_given() -> None:
    history = History(events={"a_ended": 10}, ends_on=400)
    a_ended, field = _when(history, "a_ended"), _when(history, "field")
    assert a_ended is not None and field is not None
    assert _read("3 maanden na de afsluiting of het vertrek, wat het eerst komt. Daarna", history) == (
        a_ended + relativedelta(months=3))
    assert _read("3 maanden na de afsluiting en het vertrek, wat het laatst komt. Daarna", history) is None
    assert _read("Tot de afsluiting, maar niet eerder dan de datum 'einddatum' in het dossier, daarna nog 1 maand. D",
                 history) == field + relativedelta(months=1)
    assert date(2024, 1, 10) == COLLECTED.date()
