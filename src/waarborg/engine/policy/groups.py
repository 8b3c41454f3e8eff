"""Meaning checks of subject groups, further processing and criminal data (art. 10 AVG).

Three constructs a Dutch welfare organisation's statement needs and enforcement honours exactly:

- `subject_groups`: who the data is about (clients, relatives, volunteers, employees...). A record is stored
  only under a purpose of its subject's group (`vault.authorisation.subject_group`), so a group naming a
  purpose that does not exist, or a purpose with record types that no group has, is a policy enforcement
  could never follow.
- `further_processing`: a purpose reading records collected for another one (complaints reading the care file,
  an inspector's review), or keeping them past their own period (`access: [keep]`, `keep_for`: an archive,
  complaints that may still come; the retention clock adds it). The vault's gate lets exactly that read through; art. 6(4) AVG asks why it is
  compatible (link, context, nature, consequences, safeguards) unless a law prescribes it.
- criminal data (`criminal: true`, a VOG): only under a purpose that names the law allowing it (UAVG art.
  31-33), like the art. 9 condition for special data; a recipient gets it only with a ground of its own.

Called from `rules.check_meaning` (errors) and `rules.check_warnings`; each finding is (path, message).
"""

from __future__ import annotations

from collections.abc import Iterator

from waarborg.engine.policy.loader import LeftOut
from waarborg.engine.policy.schema import Policy

Finding = Iterator[tuple[tuple[str | int, ...], str]]


def _kinds_of(policy: Policy, purpose: str) -> tuple[bool, bool, bool]:
    """(special, criminal, BSN): does a record type of `purpose` hold such a field?"""
    cats = [policy.categories[spec.category] for rt in policy.record_types.values() if rt.purpose == purpose
            for spec in rt.fields.values() if spec.category in policy.categories]
    return any(c.special for c in cats), any(c.criminal for c in cats), any(c.national_id for c in cats)


def check_groups(policy: Policy, left_out: LeftOut) -> Finding:
    yield from _groups(policy, left_out)
    yield from _further(policy, left_out)
    yield from _criminal(policy)


def _groups(policy: Policy, left_out: LeftOut) -> Finding:
    defaults = [name for name, group in policy.subject_groups.items() if group.default]
    for name in defaults[1:]:
        yield ("subject_groups", name, "default"), (
            f"subject groups {defaults[0]!r} and {name!r} are both the default: one group takes the subjects "
            "registered without a group")
    for name, group in policy.subject_groups.items():
        for i, channel in enumerate(group.channels):
            if channel not in policy.rights.channels and not left_out.touches(("rights",)):
                yield ("subject_groups", name, "channels", i), (
                    f"subject group {name!r} exercises its rights by {channel}, which rights.channels does not list: "
                    "requests that way would not be accepted")
        for i, purpose in enumerate(group.purposes):
            if purpose not in policy.purposes and not left_out.may_define("purposes", purpose):
                yield ("subject_groups", name, "purposes", i), (
                    f"subject group {name!r} names purpose {purpose!r}, which is not defined")
    if not policy.subject_groups or left_out.touches(("subject_groups",)):
        return
    grouped = {p for group in policy.subject_groups.values() for p in group.purposes}
    for rt in policy.record_types.values():
        if rt.purpose in policy.purposes and rt.purpose not in grouped:
            yield ("purposes", rt.purpose), (
                f"purpose {rt.purpose!r} belongs to no subject group, so no record of it can be stored: "
                "add it to the purposes of a group")
            grouped.add(rt.purpose)  # once per purpose


def _further(policy: Policy, left_out: LeftOut) -> Finding:
    for name, purpose in policy.purposes.items():
        for i, further in enumerate(purpose.further_processing):
            where = ("purposes", name, "further_processing", i)
            if further.of not in policy.purposes:
                if not left_out.may_define("purposes", further.of):
                    yield (*where, "of"), (
                        f"purpose {name!r} further processes purpose {further.of!r}, which is not defined")
                continue
            if further.of == name:
                yield (*where, "of"), f"purpose {name!r} names itself under further_processing"
                continue
            if further.compatibility is None and not further.law:
                yield where, (
                    f"purpose {name!r} further processes {further.of!r} without grounds: state the compatibility "
                    "test (art. 6(4) AVG: link, context, nature, consequences, safeguards) under compatibility, "
                    "or the law that prescribes it under law")
            if "keep" in further.access and further.keep_for is None:
                yield (*where, "access"), (
                    f"purpose {name!r} keeps records of {further.of!r} but says not how long: give keep_for "
                    "(how long past their own period, e.g. P2Y)")
            if further.keep_for is not None and "keep" not in further.access:
                yield (*where, "keep_for"), (
                    f"purpose {name!r} gives keep_for for {further.of!r} but its access does not list keep: "
                    "add keep to access, or leave keep_for out")
            special, criminal, bsn = _kinds_of(policy, further.of)
            if special and purpose.art9_condition is None:
                yield where, (f"purpose {name!r} further processes special categories of {further.of!r} "
                              "(art. 9 AVG) but names no art9_condition")
            if criminal and not purpose.art10_ground:
                yield where, (f"purpose {name!r} further processes criminal data of {further.of!r} "
                              "(art. 10 AVG) but names no art10_ground")
            if bsn and not purpose.bsn_ground:
                yield where, (f"purpose {name!r} further processes a BSN of {further.of!r} but names no bsn_ground "
                              "(UAVG art. 46)")


def _criminal(policy: Policy) -> Finding:
    for name, purpose in policy.purposes.items():
        if _kinds_of(policy, name)[1] and not purpose.art10_ground:
            yield ("purposes", name), (
                f"purpose {name!r} processes criminal data (art. 10 AVG) but names no art10_ground (the law "
                "that allows it, UAVG art. 31-33)")


def group_warnings(policy: Policy) -> Finding:
    """Valid, but enforcement refuses what it seems to allow: criminal data to a recipient without a ground."""
    for name, recipient in policy.recipients.items():
        criminal = [c for c in recipient.categories if c in policy.categories and policy.categories[c].criminal]
        if criminal and not recipient.art10_ground:
            yield ("recipients", name, "categories"), (
                f"recipient {name!r} may receive criminal data ({', '.join(criminal)}) but names no art10_ground, "
                "so every disclosure of it will be refused (art. 10 AVG)")
