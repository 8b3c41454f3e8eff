"""Meaning checks across sections of a policy: each returns located problems, never raises.

The policy checked may be one with broken entries left out (see loader.py): a check that reports
something *missing* (undefined, unused, none at all) first asks `left_out` whether it may be there.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from waarborg.engine.policy.groups import check_groups, group_warnings
from waarborg.engine.policy.loader import LeftOut, Positions, Problem
from waarborg.engine.policy.modules import check_modules
from waarborg.engine.policy.schema import (
    PLATFORM_EVENTS,
    Art9Condition,
    CalendarStart,
    DisclosureReason,
    Earliest,
    EventStart,
    FieldDate,
    FieldType,
    Latest,
    LegalBasis,
    Policy,
)

_ART9_NEEDS_LAW = {
    Art9Condition.EMPLOYMENT_SOCIAL_SECURITY,
    Art9Condition.SUBSTANTIAL_PUBLIC_INTEREST,
    Art9Condition.HEALTH_SOCIAL_CARE,
    Art9Condition.PUBLIC_HEALTH,
    Art9Condition.ARCHIVING_RESEARCH,
}


def check_warnings(policy: Policy, pos: Positions) -> list[Problem]:
    """What a valid policy seems to allow but enforcement will refuse: reported, not fatal."""
    return [pos.problem(path, f"warning: {message}") for check in (_agreements, group_warnings)
            for path, message in check(policy)]


def _agreements(policy: Policy) -> Finding:
    """Every disclosure to a recipient without the agreement it needs is refused (`disclosures.actions`); a
    policy may still name it (an agreement under negotiation), but the author should know."""
    for name, recipient in policy.recipients.items():
        base = ("recipients", name)
        # (`public` is what the site publishes on purpose, listings: nothing is disclosed to it one by one;
        # a processor without any agreement is an error of its own.)
        if recipient.needs_agreement and recipient.kind not in ("public", "processor") and recipient.agreement is None:
            yield (*base, "kind"), (
                f"recipient {name!r} ({recipient.kind}) has no agreement, so every disclosure to it will be refused: "
                "name the contract or covenant under agreement (only an authority needs none)")
        elif recipient.kind == "processor" and recipient.agreement and recipient.agreement.kind != "processor_agreement":
            yield (*base, "agreement", "kind"), (
                f"processor {name!r} has a {recipient.agreement.kind}, so every disclosure to it will be refused: "
                "a processor needs kind processor_agreement (art. 28 AVG)")


def check_meaning(policy: Policy, left_out: LeftOut, pos: Positions) -> list[Problem]:
    problems: list[Problem] = []
    for check in (_record_types, _public_forms, _purposes, _retention, _events, _recipients, _roles, _caseloads,
                  _statement, _fiscal, _endless, check_groups):
        problems.extend(pos.problem(left_out.original(path), message) for path, message in check(policy, left_out))
    return problems + check_modules(policy, left_out, pos)


Finding = Iterator[tuple[tuple[str | int, ...], str]]


def _record_types(policy: Policy, left_out: LeftOut) -> Finding:
    for name, rt in policy.record_types.items():
        base = ("record_types", name)
        if rt.purpose not in policy.purposes and not left_out.may_define("purposes", rt.purpose):
            yield (*base, "purpose"), f"record type {name!r} names purpose {rt.purpose!r}, which is not defined"
        if rt.retention not in policy.retention and not left_out.may_define("retention", rt.retention):
            yield (*base, "retention"), f"record type {name!r} names retention rule {rt.retention!r}, which is not defined"
        for field, spec in rt.fields.items():
            if spec.category not in policy.categories and not left_out.may_define("categories", spec.category):
                yield (*base, "fields", field, "category"), (
                    f"field {name}.{field} names category {spec.category!r}, which is not defined")
            if left_out.touches((*base, "fields", field, "choices")):
                continue  # some choices were left out: the choice checks below cannot tell
            for value in spec.needs_signed_consent:
                if value not in spec.choices:
                    yield (*base, "fields", field, "needs_signed_consent"), (
                        f"field {name}.{field}: needs_signed_consent names {value!r}, which is not one of its choices")
            for value in spec.choice_labels:
                if value not in spec.choices:
                    yield (*base, "fields", field, "choice_labels", value), (
                        f"field {name}.{field}: choice_labels names {value!r}, which is not one of its choices")
            if spec.type.value == "choice" and not spec.choices:
                yield (*base, "fields", field, "type"), f"field {name}.{field} is a choice without choices"
        rule = policy.retention.get(rt.retention)
        if rule and rule.action == "anonymise":
            keep = rule.anonymise.keep if rule.anonymise else ()
            for kept in keep:
                if kept in rt.fields and policy.categories.get(rt.fields[kept].category) and (
                    policy.categories[rt.fields[kept].category].special
                    or policy.categories[rt.fields[kept].category].national_id
                ):
                    yield (*base, "retention"), (
                        f"retention rule {rt.retention!r} keeps {kept!r} of {name!r} after anonymising, "
                        "but it is special or a BSN: anonymised data cannot keep it")


# What an anonymous form on the public site may ask: plain text, an e-mail address, a phone number.
_FORM_FIELD_TYPES = {FieldType.TEXT, FieldType.LONGTEXT, FieldType.EMAIL, FieldType.PHONE}


def _public_forms(policy: Policy, left_out: LeftOut) -> Finding:
    """An anonymous public form asks little (no special data, BSN or bank details), one record type per form,
    under a purpose nobody has to assign cases for and that needs no parent's consent (the form cannot check)."""
    seen: dict[str, str] = {}
    for name, rt in policy.record_types.items():
        if rt.public_form is None:
            continue
        base = ("record_types", name, "public_form")
        if rt.public_form in seen:
            yield base, f"record types {seen[rt.public_form]!r} and {name!r} both claim the {rt.public_form} form"
        seen.setdefault(rt.public_form, name)
        for field, spec in rt.fields.items():
            category = policy.categories.get(spec.category)
            if category is not None and (category.special or category.criminal or category.national_id
                                         or category.financial):
                yield ("record_types", name, "fields", field), (
                    f"field {name}.{field} is special, criminal, a BSN or financial: a public form never asks for it")
            if spec.type not in _FORM_FIELD_TYPES:
                yield ("record_types", name, "fields", field, "type"), (
                    f"field {name}.{field} is a {spec.type.value}: a public form asks only text, e-mail or phone")
        purpose = policy.purposes.get(rt.purpose)
        if purpose is not None and (purpose.need_to_know or purpose.minors_need_parent):
            yield base, (f"the {rt.public_form} form stores under purpose {rt.purpose!r}, which is need-to-know or "
                         "needs a parent's consent: an anonymous form can do neither")


def _categories_of(policy: Policy, purpose: str) -> set[str]:
    return {
        spec.category
        for rt in policy.record_types.values() if rt.purpose == purpose
        for spec in rt.fields.values()
    }


def _purposes(policy: Policy, left_out: LeftOut) -> Finding:
    for name, purpose in policy.purposes.items():
        base = ("purposes", name)
        cats = [policy.categories[c] for c in _categories_of(policy, name) if c in policy.categories]
        detail = purpose.basis_detail
        if purpose.basis in (LegalBasis.LEGAL_OBLIGATION, LegalBasis.PUBLIC_TASK) and not detail.law:
            yield (*base, "basis"), f"purpose {name!r} rests on {purpose.basis.value}: name the law in basis_detail.law"
        if purpose.basis is LegalBasis.CONTRACT and not detail.contract:
            yield (*base, "basis"), f"purpose {name!r} rests on a contract: name it in basis_detail.contract"
        if purpose.basis is LegalBasis.LEGITIMATE_INTEREST and not detail.interest:
            yield (*base, "basis"), f"purpose {name!r} rests on legitimate interest: name it in basis_detail.interest"
        if any(c.special for c in cats):
            if purpose.art9_condition is None:
                yield base, (f"purpose {name!r} processes special categories (art. 9 AVG) "
                             "but names no art9_condition")
            if purpose.marketing:
                yield (*base, "marketing"), f"marketing purpose {name!r} may never touch special categories"
        if purpose.art9_condition in _ART9_NEEDS_LAW and not purpose.art9_ground:
            yield (*base, "art9_condition"), (
                f"purpose {name!r}: art9_condition {purpose.art9_condition.value} needs art9_ground (the law)")
        if any(c.national_id for c in cats) and not purpose.bsn_ground:
            yield base, (f"purpose {name!r} processes a BSN but names no bsn_ground "
                         "(the BSN needs a statutory ground, UAVG art. 46)")
        if purpose.automated_decisions:
            yield (*base, "automated_decisions"), (
                f"purpose {name!r}: automated decisions with legal effect are not supported; "
                "set human_decision: true instead (AVG art. 22)")
        if purpose.statistics and purpose.marketing:
            yield (*base, "statistics"), f"purpose {name!r} cannot be both statistics and marketing"


def _retention(policy: Policy, left_out: LeftOut) -> Finding:
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


def _events(policy: Policy, left_out: LeftOut) -> Finding:
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


def _recipients(policy: Policy, left_out: LeftOut) -> Finding:
    for name, recipient in policy.recipients.items():
        base = ("recipients", name)
        for i, purpose in enumerate(recipient.purposes):
            if purpose not in policy.purposes:
                if left_out.may_define("purposes", purpose):
                    continue
                yield (*base, "purposes", i), f"recipient {name!r} names purpose {purpose!r}, which is not defined"
            elif policy.purposes[purpose].statistics and recipient.kind != "processor":
                yield (*base, "purposes", i), (
                    f"recipient {name!r}: visit statistics ({purpose!r}) are never given to third parties")
        for i, category in enumerate(recipient.categories):
            if category not in policy.categories and not left_out.may_define("categories", category):
                yield (*base, "categories", i), f"recipient {name!r} names category {category!r}, which is not defined"
        if recipient.kind == "processor" and recipient.agreement is None:
            yield base, f"processor {name!r} needs an agreement (verwerkersovereenkomst, art. 28 AVG)"
        agreement = recipient.agreement
        if agreement and agreement.valid_from and agreement.valid_until and agreement.valid_until < agreement.valid_from:
            yield (*base, "agreement", "valid_until"), f"recipient {name!r}: the agreement ends before it starts"
        if not recipient.reasons and not left_out.touches((*base, "reasons")):
            yield base, f"recipient {name!r} lists no reasons under which data may be disclosed to it"
        if DisclosureReason.CONSENT in recipient.reasons and not any(
            policy.purposes[p].basis is LegalBasis.CONSENT for p in recipient.purposes if p in policy.purposes
        ) and recipient.purposes:
            pass  # consent for a disclosure may be asked separately; nothing to report
        if recipient.country not in _EEA and not recipient.safeguards:
            yield (*base, "country"), (
                f"recipient {name!r} is outside the EEA ({recipient.country}): name the safeguards (art. 46 AVG)")


_EEA = {
    "NL", "BE", "LU", "DE", "FR", "IT", "ES", "PT", "AT", "IE", "DK", "SE", "FI", "PL", "CZ", "SK", "SI", "HU",
    "HR", "RO", "BG", "GR", "CY", "MT", "EE", "LV", "LT", "IS", "NO", "LI",
}


def _roles(policy: Policy, left_out: LeftOut) -> Finding:
    for name, role in policy.roles.items():
        for purpose in role.grants:
            if purpose not in policy.purposes and not left_out.may_define("purposes", purpose):
                yield ("roles", name, "grants", purpose), f"role {name!r} names purpose {purpose!r}, which is not defined"
        if not isinstance(role.need_to_know, bool):
            for i, purpose in enumerate(role.need_to_know):
                if purpose not in role.grants:
                    yield ("roles", name, "need_to_know", i), (
                        f"role {name!r} is need-to-know on purpose {purpose!r}, which it is not granted")
    maybe_left_out = [v for key in ("dpo", "privacy_officer") for v in left_out.values_of(key) if v is not False]
    if not any(role.dpo or role.privacy_officer for role in policy.roles.values()) and not maybe_left_out:
        yield ("roles",), "no role is a privacy officer or DPO: someone must handle requests and breaches"


def _caseloads(policy: Policy, left_out: LeftOut) -> Finding:
    """Need-to-know purposes need someone who assigns cases (and hands them over when staff leave)."""
    if left_out.touches(("roles",)):
        return
    need_to_know = policy.need_to_know_purposes()
    assigners = policy.managers("caseloads")
    if need_to_know and not assigners:
        yield ("roles",), (f"need-to-know purposes ({', '.join(sorted(need_to_know))}) need a role that assigns "
                           "cases: add `caseloads` to the manages list of a coordinating role")


def _statement(policy: Policy, left_out: LeftOut) -> Finding:
    seen: set[str] = set()
    for i, entry in enumerate(policy.statement.history):
        if entry.version in seen:
            yield ("statement", "history", i, "version"), f"statement version {entry.version!r} appears twice"
        seen.add(entry.version)
        if entry.effective > policy.statement.effective:
            yield ("statement", "history", i, "effective"), (
                f"statement version {entry.version!r} takes effect after the current version")


FISCAL_DAYS = 7 * 365.25 - 1  # art. 52 AWR, art. 2:10 BW: seven years


def _fiscal(policy: Policy, left_out: LeftOut) -> Finding:
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


def _endless(policy: Policy, left_out: LeftOut) -> Finding:
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
        return True  # undeclared events are reported by `_events`
    spec = policy.events[term.event]
    writers = [rid for rid, role in policy.roles.items()
               if any("write" in role.grants.get(p, ()) for p in policy.event_purposes(term.event))
               and (not spec.posted_by or rid in spec.posted_by)]
    return bool(writers) or (policy.organisation_event(term.event) and bool(spec.posted_by))
