"""Meaning checks of retention: rules, their anchors and date fields, the events they wait for, the fiscal
minimum and rules that could never end. Each returns located problems, never raises (see `rules.py`).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from waarborg.engine.policy.loader import LeftOut
from waarborg.engine.policy.schema import (
    PLATFORM_EVENTS,
    Art9Condition,
    CalendarStart,
    Earliest,
    EventStart,
    FieldDate,
    FieldType,
    Latest,
    LegalBasis,
    Policy,
)

Finding = Iterator[tuple[tuple[str | int, ...], str]]


def check_retention(policy: Policy, left_out: LeftOut) -> Finding:
    for name, rule in policy.retention.items():
        base = ("retention", name)
        if rule.period is None and rule.until is None:
            yield base, f"retention rule {name!r} needs a period, an `until` event, or both"
        for where, term in rule.terms():
            if isinstance(term, CalendarStart) and term.calendar not in policy.calendars and (
                not left_out.may_define("calendars", term.calendar)
            ):
                yield (*base, *where, "calendar"), (
                    f"retention rule {name!r} starts at calendar {term.calendar!r}, which is not defined")
            if isinstance(term, FieldDate):
                yield from _date_field(policy, left_out, name, (*base, *where, "field"), term.field)
        if rule.reason == "legal" and not rule.legal_ground:
            yield (*base, "reason"), f"retention rule {name!r} is a legal period: name it in legal_ground"
        if rule.action == "anonymise" and rule.anonymise is None:
            yield (*base, "action"), f"retention rule {name!r} anonymises: say which fields to keep under anonymise.keep"
        if rule.ceiling and rule.period:
            longest = rule.period.approx_days()
            if rule.extension:
                longest += rule.extension.by.approx_days() * rule.extension.times
            if rule.period.approx_days() > rule.ceiling.approx_days():
                yield (*base, "period"), f"retention rule {name!r}: the period {rule.period} exceeds the ceiling {rule.ceiling}"
            elif longest > rule.ceiling.approx_days() + 0.5:
                yield (*base, "extension"), (
                    f"retention rule {name!r}: period plus extensions ({rule.period} + "
                    f"{rule.extension.times if rule.extension else 0}x{rule.extension.by if rule.extension else ''}) "
                    f"exceeds the ceiling {rule.ceiling}")
        if rule.extension and rule.ceiling is None:
            yield (*base, "extension"), f"retention rule {name!r} can be extended, so it needs a ceiling"
    used = {rt.retention for rt in policy.record_types.values()} | set(map(str, left_out.values_of("retention")))
    for name in policy.retention:
        if name not in used:
            yield ("retention", name), f"retention rule {name!r} is not used by any record type"


def _date_field(policy: Policy, left_out: LeftOut, rule: str, where: tuple[str | int, ...], field: str) -> Finding:
    """A clock that counts from a field of the record needs that field, as a date, in every record type
    under the rule, readable without the subject's key (the sweep computes clocks without opening data)."""
    for type_name, rt in policy.record_types.items():
        if rt.retention != rule or left_out.touches(("record_types", type_name, "fields")):
            continue
        spec = rt.fields.get(field)
        if spec is None or spec.type not in (FieldType.DATE, FieldType.DATETIME):
            yield where, (f"retention rule {rule!r} counts from field {field!r}, but record type {type_name!r} "
                          "has no date field of that name")
        elif spec.category in policy.categories and policy.categories[spec.category].must_encrypt:
            yield where, (f"retention rule {rule!r} counts from field {field!r} of {type_name!r}, which is encrypted: "
                          "a clock can only count from a date in a category that is not encrypted")


def check_events(policy: Policy, left_out: LeftOut) -> Finding:
    """Every event a clock waits for is declared, and someone may report it."""
    for name, rule in policy.retention.items():
        anchors = [((*path, "event"), term) for path, term in rule.terms() if isinstance(term, EventStart)]
        for where, anchor in anchors:
            if anchor.event not in policy.events and not left_out.may_define("events", anchor.event):
                yield ("retention", name, *where), (
                    f"retention rule {name!r} waits for event {anchor.event!r}, which is not declared under events "
                    "(declare it with the words the statement uses and who may report it)")
    for name, calendar in policy.calendars.items():
        if calendar.event and calendar.event not in policy.events and not left_out.may_define("events", calendar.event):
            yield ("calendars", name, "event"), (
                f"calendar {name!r} takes dates from event {calendar.event!r}, which is not declared under events")
    for name, spec in policy.events.items():
        base = ("events", name)
        for i, role in enumerate(spec.posted_by):
            if role not in policy.roles and not left_out.may_define("roles", role):
                yield (*base, "posted_by", i), f"event {name!r} may be posted by role {role!r}, which is not defined"
        if name in PLATFORM_EVENTS or left_out.touches(("roles",)):
            continue
        if policy.organisation_event(name):
            if not spec.posted_by and not left_out.touches((*base, "posted_by")):
                yield base, (f"event {name!r} is organisation-wide (it adds dates to a calendar): name the roles "
                             "that may report it in posted_by")
            continue
        purposes = policy.event_purposes(name)
        writers = [rid for rid, role in policy.roles.items()
                   if any("write" in role.grants.get(p, ()) for p in purposes)
                   and (not spec.posted_by or rid in spec.posted_by)]
        if purposes and not writers:
            yield base, (f"no role may report event {name!r}: it needs a role in posted_by that writes one of "
                         f"{', '.join(sorted(purposes))}")


FISCAL_DAYS = 7 * 365.25 - 1  # art. 52 AWR, art. 2:10 BW: seven years


def check_fiscal(policy: Policy, left_out: LeftOut) -> Finding:
    """Book-keeping data (`fiscal: true`) stays seven years. Anonymising that keeps fields keeps the figures
    (the amounts and dates the books need) without the person, which the fiscal duty allows."""
    for name, rt in policy.record_types.items():
        rule = policy.retention.get(rt.retention)
        if not rt.fiscal or rule is None:
            continue
        where = ("retention", rt.retention)
        if rule.action == "anonymise" and rule.anonymise and rule.anonymise.keep:
            continue
        if rule.period is None or rule.period.approx_days() < FISCAL_DAYS:
            yield (*where, "period") if rule.period else where, (
                f"record type {name!r} is fiscal, but retention rule {rt.retention!r} keeps it "
                f"{rule.period or 'no time at all'} after its start: book-keeping data stays seven years "
                "(art. 52 AWR, art. 2:10 BW)")
        elif rule.ends_early or rule.shorten_on_request:
            yield (*where, "ends_early" if rule.ends_early else "shorten_on_request"), (
                f"record type {name!r} is fiscal, but retention rule {rt.retention!r} may end before seven years "
                "(ends_early or shorten_on_request): book-keeping data stays seven years (art. 52 AWR)")


def check_endless(policy: Policy, left_out: LeftOut) -> Finding:
    """A rule whose clock waits only for what can never happen keeps data for ever, whatever it says."""
    if left_out.touches(("roles",)) or left_out.touches(("events",)):
        return
    for name, rule in policy.retention.items():
        purposes = {rt.purpose for rt in policy.record_types.values() if rt.retention == name}
        if not purposes:
            continue

        def possible(term: Any, purposes: set[str] = purposes) -> bool:
            return _can_happen(policy, term, purposes)

        start_ok = _anchor_possible(rule.start, possible)
        until_ok = rule.until is None or _anchor_possible(rule.until, possible)
        early_ok = any(possible(term) for term in rule.ends_early)
        if (start_ok and until_ok) or early_ok or (start_ok and rule.ceiling is not None) or rule.shorten_on_request:
            continue
        never = sorted({_term_name(t) for _, t in rule.terms() if not possible(t)})
        yield ("retention", name), (
            f"retention rule {name!r} can never end: it waits for {', '.join(never)}, which cannot happen for "
            f"{', '.join(sorted(purposes))} (no role may report it, or nothing records it)")


def _term_name(term: Any) -> str:
    for attribute in ("event", "field", "calendar"):
        if hasattr(term, attribute):
            return f"{attribute} {getattr(term, attribute)!r}"
    return str(term)


def _anchor_possible(anchor: Any, possible: Any) -> bool:
    if isinstance(anchor, Earliest):
        return any(possible(t) for t in anchor.earliest)
    if isinstance(anchor, Latest):
        return all(possible(t) for t in anchor.latest)
    return bool(possible(anchor))


def _can_happen(policy: Policy, term: Any, purposes: set[str]) -> bool:
    if term == "collected" or isinstance(term, FieldDate):
        return True  # a date field may be filled in or corrected at any time
    if isinstance(term, CalendarStart):
        calendar = policy.calendars.get(term.calendar)
        return calendar is None or bool(calendar.dates) or bool(calendar.event)  # undefined: reported elsewhere
    if term.event == "consent_withdrawn":
        # The platform records it when a consent is withdrawn: only where the purpose rests on consent.
        return any(policy.purposes[p].basis is LegalBasis.CONSENT or policy.purposes[p].art9_condition
                   is Art9Condition.EXPLICIT_CONSENT for p in purposes if p in policy.purposes)
    if term.event in PLATFORM_EVENTS or term.event not in policy.events:
        return True  # undeclared events are reported by `check_events`
    spec = policy.events[term.event]
    writers = [rid for rid, role in policy.roles.items()
               if any("write" in role.grants.get(p, ()) for p in policy.event_purposes(term.event))
               and (not spec.posted_by or rid in spec.posted_by)]
    return bool(writers) or (policy.organisation_event(term.event) and bool(spec.posted_by))
