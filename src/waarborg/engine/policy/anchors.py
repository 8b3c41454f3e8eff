"""A retention rule compiled once into the one form that both its words and its clock are made from.

A rule's `start` and `until` may each be one moment (collection, an event, a calendar date, a date field of
the record) or the `earliest`/`latest` of several. Before this module, the statement described `until` and
ignored `start` while the clock waited for both in order, so a rule could say one thing and do another.
Now `compile_rule` turns every rule into a `Plan`:

- `start`: when the clock starts; the ceiling counts from here;
- `until`: if given, nothing expires before it; the period then runs from whichever of `start` and `until`
  comes last (without a `start` of its own that is simply `until`);
- `period`: how long after that (none: at once, only with `until`).

`Plan.words` writes the rule as a sentence and `Plan.resolve` computes the moment the period runs from,
given a function that says when one term happened (`retention.clock` supplies that from the database).
The property-based test `tests/retention/test_anchor_expressions_agree.py` checks words, clock and sweep
against each other on generated rules and histories.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from django.utils.translation import pgettext, pgettext_lazy

from waarborg.core.language import in_language
from waarborg.engine.policy.schema import CalendarStart, Earliest, EventStart, FieldDate, Latest, Policy, RetentionRule

TermSpec = Any  # Literal["collected"] | CalendarStart | EventStart | FieldDate
MomentOf = Callable[[TermSpec], datetime | None]


@dataclass(frozen=True)
class Anchor:
    """One moment, or the earliest or latest of several."""

    how: Literal["one", "earliest", "latest"]
    terms: tuple[TermSpec, ...]

    @classmethod
    def of(cls, spec: Any) -> Anchor:
        if isinstance(spec, Earliest):
            return cls("earliest", spec.earliest)
        if isinstance(spec, Latest):
            return cls("latest", spec.latest)
        return cls("one", (spec,))

    @property
    def collected(self) -> bool:
        return self.how == "one" and self.terms[0] == "collected"

    def resolve(self, moment_of: MomentOf) -> datetime | None:
        """The moment, or None while it is not known yet. The earliest is known once one term happened
        (a term still to come can only be later); the latest only once all of them did."""
        moments = [moment_of(term) for term in self.terms]
        known = [m for m in moments if m is not None]
        if self.how == "earliest":
            return min(known) if known else None
        if len(known) < len(moments):
            return None
        return max(known)

    def words(self, policy: Policy, lang: str) -> str:
        parts = [term_words(policy, term, lang, alone=self.how == "one") for term in self.terms]
        if self.how == "one":
            return parts[0]
        values = {"items": ", ".join(parts[:-1]), "last": parts[-1]}
        if self.how == "earliest":
            return in_language(lang, lambda: pgettext(
                "retention rule in words", "%(items)s of %(last)s, wat het eerst komt") % values)
        return in_language(lang, lambda: pgettext(
            "retention rule in words", "%(items)s en %(last)s, wat het laatst komt") % values)


@dataclass(frozen=True)
class Plan:
    """A compiled retention rule: what its words say and what its clock does."""

    rule: RetentionRule
    start: Anchor
    until: Anchor | None

    def runs_from(self, start_at: datetime | None, until_at: datetime | None) -> datetime | None:
        """The moment the period runs from, given the resolved start and until (None: not known yet)."""
        if start_at is None:
            return None
        if self.until is None:
            return start_at
        if until_at is None:
            return None
        return max(start_at, until_at)

    def expiry(self, start_at: datetime | None, until_at: datetime | None) -> datetime | None:
        """The base expiry (before extensions, early ends, holds and the ceiling)."""
        base = self.runs_from(start_at, until_at)
        if base is None or self.rule.period is None:
            return base
        return self.rule.period.after(base)

    def words(self, policy: Policy, lang: str) -> str:
        """The main clause of the rule's sentence, without capital or full stop."""
        return in_language(lang, lambda: self._words(policy, lang))

    def _words(self, policy: Policy, lang: str) -> str:
        rule = self.rule
        period = rule.period.words(lang) if rule.period else ""
        if self.until is not None:
            main = pgettext("retention rule in words", "tot %(until)s") % {"until": self.until.words(policy, lang)}
            if not self.start.collected:
                main += pgettext("retention rule in words", ", maar niet eerder dan %(since)s") % {
                    "since": self.start.words(policy, lang)}
            if period:
                main += pgettext("retention rule in words", ", daarna nog %(period)s") % {"period": period}
            return main
        if self.start.how == "one" and isinstance(self.start.terms[0], CalendarStart):
            cal = term_words(policy, self.start.terms[0], lang, alone=True)
            return pgettext("retention rule in words", "tot %(period)s na %(calendar)s") % {
                "period": period, "calendar": cal}
        if self.start.collected:
            return pgettext("retention rule in words", "%(period)s na ontvangst") % {"period": period}
        return pgettext("retention rule in words", "%(period)s na %(start)s") % {"period": period,
                                                              "start": self.start.words(policy, lang)}


def compile_rule(rule: RetentionRule) -> Plan:
    return Plan(rule=rule, start=Anchor.of(rule.start), until=Anchor.of(rule.until) if rule.until else None)


_ORDINALS = [pgettext_lazy("ordinal", "eerste"), pgettext_lazy("ordinal", "tweede"), pgettext_lazy("ordinal", "derde"),
             pgettext_lazy("ordinal", "vierde"), pgettext_lazy("ordinal", "vijfde"), pgettext_lazy("ordinal", "zesde"),
             pgettext_lazy("ordinal", "zevende"), pgettext_lazy("ordinal", "achtste"),
             pgettext_lazy("ordinal", "negende"), pgettext_lazy("ordinal", "tiende")]


def event_words(policy: Policy, event: str, lang: str) -> str:
    if event in policy.events:
        return policy.events[event].label.get(lang)
    return event.replace("_", " ")  # not reached for a checked policy: every awaited event is declared


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def field_label(policy: Policy, field: str, lang: str) -> str:
    """The label of a date field, from the first record type that has it (the check makes sure one does)."""
    for record_type in policy.record_types.values():
        spec = record_type.fields.get(field)
        if spec is not None and spec.label is not None:
            return _lower_first(spec.label.get(lang))
    return field.replace("_", " ")


def term_words(policy: Policy, term: TermSpec, lang: str, alone: bool = False) -> str:
    """One moment in words, to read after "na"/"after" or "tot"/"until"."""
    if isinstance(term, EventStart):
        return event_words(policy, term.event, lang)
    calendar = policy.calendars.get(term.calendar) if isinstance(term, CalendarStart) else None
    if calendar is not None and len(calendar.occurrences) >= term.occurrence:
        return str(calendar.occurrences[term.occurrence - 1].get(lang))
    return in_language(lang, lambda: _term_words(policy, term, lang, alone))


def _term_words(policy: Policy, term: TermSpec, lang: str, alone: bool) -> str:
    if term == "collected":
        if alone:
            return pgettext("retention rule in words", "ontvangst")
        return pgettext("retention rule in words", "de ontvangst van de gegevens")
    if isinstance(term, FieldDate):
        return pgettext("retention rule in words", "de datum '%(label)s' in het dossier") % {
            "label": field_label(policy, term.field, lang)}
    # Without author-written phrases the label goes in brackets, which reads right whatever its article.
    calendar = policy.calendars.get(term.calendar)
    label = _lower_first(calendar.label.get(lang)) if calendar else term.calendar.replace("_", " ")
    return pgettext("retention rule in words", "de %(ordinal)s datum (%(label)s) na het verzamelen") % {
        "ordinal": _ORDINALS[term.occurrence - 1], "label": label}
