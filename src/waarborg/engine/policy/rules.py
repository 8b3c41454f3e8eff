"""Meaning checks across sections of a policy: each returns located problems, never raises.

The policy checked may be one with broken entries left out (see loader.py): a check that reports
something *missing* (undefined, unused, none at all) first asks `left_out` whether it may be there.
"""

from __future__ import annotations

from collections.abc import Iterator

from waarborg.engine.policy.groups import check_groups, group_warnings
from waarborg.engine.policy.loader import LeftOut, Positions, Problem
from waarborg.engine.policy.modules import check_modules
from waarborg.engine.policy.rules_retention import check_endless, check_events, check_fiscal, check_retention
from waarborg.engine.policy.schema import (
    Art9Condition,
    DisclosureReason,
    FieldType,
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
    for check in (_record_types, _public_forms, _purposes, check_retention, check_events, _recipients, _roles,
                  _caseloads, _statement, check_fiscal, check_endless, check_groups):
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
