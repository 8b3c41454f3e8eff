"""Which organisation modules a policy switches on, and which of its purposes each one works under.

The modules under `waarborg/modules/` (the sociale kaart, newsletters, visit statistics, recordings,
research, secure mail, tips) are installed in every installation, so their tables exist everywhere, but
only an organisation that uses one has it: its pages, endpoints and jobs answer only where the policy's
`modules` section names it.

    modules:
      research:
        purposes: {research: research, profiling: profiling}   # the module's name -> the policy's purpose id

A module knows its purposes by the part they play in it (`profiling`: the purpose profiling consents are
asked for); the policy says which of its own purposes plays that part, so nothing in a module hard-codes a
purpose id. `CATALOGUE` lists each module's parts, which of them it cannot work without, and the purpose id
the shipped examples use for it.

A policy without a `modules` section (one written before the section existed, stored in an installation's
history) keeps working as it did: a module is on where the policy has the purposes it was built around,
under those ids (`_inferred`). With the section, only what it names is on: `modules: {}` switches every
module off.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING

from waarborg.core.errors import NotFound

if TYPE_CHECKING:
    from waarborg.engine.policy.loader import LeftOut, Positions, Problem
    from waarborg.engine.policy.schema import Policy


@dataclass(frozen=True)
class Part:
    """A purpose a module works under, by the name the module gives it."""

    name: str
    default: str  # the purpose id of the shipped examples (and of policies without a `modules` section)
    required: bool = True  # the module cannot work without it; an optional part left out is simply not used


CATALOGUE: Mapping[str, tuple[Part, ...]] = MappingProxyType({
    # The sociale kaart: listings, their verification addresses, feedback on a listing, minors' reports.
    "listings": (Part("listing", "listing"), Part("verification", "verification"), Part("feedback", "feedback"),
                 Part("requests", "privacy_requests")),
    # Addresses collected for one of these may receive the module's messages of that kind (`mailings.kinds`);
    # a purpose marked `marketing` or `service_information` may receive newsletters or service information.
    "mailings": tuple(Part(name, name, required=False) for name in
                      ("newsletter", "feedback", "tips", "helpdesk", "events", "verification", "questions")),
    "recordings": (Part("recordings", "recordings"),),
    "research": (Part("research", "research"), Part("profiling", "profiling")),
    "securemail": (Part("questions", "questions"), Part("secure_mail", "secure_mail")),
    # Anonymous visits (`visits`) and the municipal policy report (`reports`): `statistics: true` purposes.
    "statistics": (Part("visits", "statistics", required=False), Part("reports", "policy_research", required=False)),
    # The tip form: the record type with `public_form: tip` stores under this purpose.
    "tips": (Part("tips", "tips"),),
})


@dataclass(frozen=True)
class Module:
    """The compiled answer to `policy.module(name)`: on or off, and the policy's purpose for each part."""

    name: str
    on: bool
    purposes: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))

    def purpose(self, part: str) -> str | None:
        """The policy's purpose id for the module's `part` (None: off, or an optional part not used)."""
        return self.purposes.get(part) if self.on else None

    def require(self, part: str) -> str:
        """The policy's purpose id for `part`; NotFound while the module is off (its doors answer 404 too)."""
        found = self.purpose(part)
        if found is None:
            raise NotFound(f"De module {self.name} is in het actieve privacybeleid niet ingeschakeld. "
                           f"(The {self.name} module is not switched on in the active policy.)")
        return found

    def part_of(self, purpose: str) -> str | None:
        """Which part the policy's `purpose` plays in this module, if any."""
        return next((part for part, named in self.purposes.items() if named == purpose), None) if self.on else None


def compile_modules(policy: Policy) -> Mapping[str, Module]:
    """Every module of the catalogue, on or off, for this policy."""
    if policy.modules is None:
        return MappingProxyType({name: _inferred(policy, name) for name in CATALOGUE})
    out = {}
    for name in CATALOGUE:
        spec = policy.modules.get(name)
        out[name] = Module(name, spec is not None, MappingProxyType(dict(spec.purposes) if spec else {}))
    return MappingProxyType(out)


def _inferred(policy: Policy, name: str) -> Module:
    """What a policy without a `modules` section had before the section existed."""
    present = {part.name: part.default for part in CATALOGUE[name] if part.default in policy.purposes}
    if name == "statistics":  # found by the flags: visits under the statistics purpose with an IP field
        flagged = [p for p, spec in policy.purposes.items() if spec.statistics]
        visits = next((rt.purpose for rt in policy.record_types.values() if rt.purpose in flagged
                       and any(f.type == "ip" for f in rt.fields.values())), None)
        reports = next((p for p in flagged if p != visits), None)
        present = {k: v for k, v in (("visits", visits), ("reports", reports)) if v is not None}
        return Module(name, bool(present), MappingProxyType(present))
    if name == "tips":  # the purpose of the record type that is the tip form
        form = next((rt.purpose for rt in policy.record_types.values() if rt.public_form == "tip"), None)
        return Module(name, form is not None, MappingProxyType({"tips": form} if form else {}))
    on = name == "mailings" or all(part.name in present for part in CATALOGUE[name] if part.required)
    return Module(name, on, MappingProxyType(present if on else {}))


# -- meaning checks (called by `rules.check_meaning`) ------------------------------------------------------


def check_modules(policy: Policy, left_out: LeftOut, pos: Positions) -> list[Problem]:
    """Each problem with the `modules` section, located at the module, part or purpose it is about."""
    return [pos.problem(left_out.original(path), message, key=key) for path, message, key in _findings(policy, left_out)]


Finding = Iterator[tuple[tuple[str | int, ...], str, bool]]


def _findings(policy: Policy, left_out: LeftOut) -> Finding:
    if policy.modules is None:
        return
    names = ", ".join(CATALOGUE)
    for name, spec in policy.modules.items():
        base = ("modules", name)
        parts = {part.name: part for part in CATALOGUE.get(name, ())}
        if not parts:
            yield base, f"unknown module {name!r}: the modules are {names}", True
            continue
        for part, purpose in spec.purposes.items():
            if part not in parts:
                yield (*base, "purposes", part), (f"module {name!r} has no purpose {part!r}: its purposes are "
                                                  f"{', '.join(parts)}"), True
            elif purpose not in policy.purposes:
                if not left_out.may_define("purposes", purpose):
                    yield (*base, "purposes", part), (f"module {name!r} works under purpose {purpose!r} for {part}, "
                                                      "which is not defined"), False
            elif name == "statistics" and not policy.purposes[purpose].statistics:
                yield (*base, "purposes", part), (f"module 'statistics' keeps {part} under purpose {purpose!r}, which "
                                                  "is not a statistics purpose: mark it statistics: true (never "
                                                  "given to anyone but a processor)"), False
        for needed in parts.values():
            if needed.required and needed.name not in spec.purposes and not left_out.touches((*base, "purposes")):
                yield base, (f"module {name!r} needs a purpose for {needed.name}: name it under "
                             f"modules.{name}.purposes ({needed.name}: <purpose id>)"), True
        twice = sorted({p for p in spec.purposes.values() if list(spec.purposes.values()).count(p) > 1})
        for purpose in twice:
            yield (*base, "purposes"), (f"module {name!r} names purpose {purpose!r} for more than one of its "
                                        "purposes: each part is a purpose of its own"), True
    yield from _tip_form(policy, left_out)


def _tip_form(policy: Policy, left_out: LeftOut) -> Finding:
    """The tip form and the tips module come together: the form stores under the module's purpose."""
    assert policy.modules is not None
    spec = policy.modules.get("tips")
    tips = spec.purposes.get("tips") if spec else None
    forms = [(name, rt) for name, rt in policy.record_types.items() if rt.public_form == "tip"]
    for name, rt in forms:
        if spec is None:
            yield ("record_types", name, "public_form"), (f"record type {name!r} is the tip form, but the tips module "
                                                          "is not switched on: add tips under modules"), False
        elif tips is not None and rt.purpose != tips:
            yield ("record_types", name, "public_form"), (f"record type {name!r} is the tip form under purpose "
                                                          f"{rt.purpose!r}, but the tips module works under "
                                                          f"{tips!r}"), False
    if spec is not None and tips in policy.purposes and not forms and not left_out.touches(("record_types",)):
        yield ("modules", "tips"), (f"module 'tips' works under purpose {tips!r}, but no record type is the tip "
                                    "form: mark one public_form: tip"), True
