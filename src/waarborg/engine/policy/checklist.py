"""Is the statement this policy generates publishable? The AVG art. 13/14 checklist, as `policy check` runs it.

`rules.py` asks whether enforcement can honour the policy; this module asks whether the privacy statement
generated from it tells people everything art. 13 and 14 require, and nothing invented. Errors stop `policy
check` and `policy activate` (a statement with a placeholder address or "no profiling" beside a profiling
purpose must never be published); warnings point at what a privacy officer should look at (Dutch where the
English statement needs English, a DPO that seems required).

It runs on new files only (the CLI), never while loading a stored version: a version activated before a check
existed keeps loading, and keeps its statement, until its successor is activated.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

from waarborg.engine.policy.loader import LoadedPolicy, Positions, Problem, parse_yaml
from waarborg.engine.policy.schema import LegalBasis, Policy, Text, Words

Finding = Iterator[tuple[tuple[str | int, ...], str]]

# Addresses nobody owns: the reserved names of RFC 2606 / RFC 6761 and the usual stand-ins.
_PLACEHOLDER_HOST = re.compile(r"(^|[.@/])(example\.[a-z]+|[a-z0-9-]+\.(example|invalid|test|localhost))(\b|$)|"
                               r"(^|[@/])localhost\b", re.IGNORECASE)
_PLACEHOLDER_TEXT = re.compile(r"\b(TODO|TBD|FIXME|XXX+|lorem ipsum)\b|\[\s*(invullen|naam|datum|\.\.\.)\s*\]",
                               re.IGNORECASE)
_PLACEHOLDER_VERSION = re.compile(r"^(0(\.0)*|x(\.x)*|\?+|-|n/?a|todo|tbd|versie|version)$", re.IGNORECASE)


def checklist(loaded: LoadedPolicy) -> tuple[list[Problem], list[Problem]]:
    """The errors and the warnings of the art. 13/14 checklist, each with its FILE:LINE:COLUMN."""
    _, pos, _ = parse_yaml(loaded.source, loaded.file)
    policy = loaded.policy
    errors = [pos.problem(path, f"statement: {message}") for check in _ERRORS for path, message in check(policy)]
    warnings = [pos.problem(path, f"warning: statement: {message}")
                for check in _WARNINGS for path, message in check(policy, pos)]
    return sorted(set(errors)), sorted(set(warnings))


def _placeholders(policy: Policy) -> Finding:
    """Invented facts render as if true: an example.nl address, a version nobody set."""
    org = policy.organisation
    contacts: list[tuple[tuple[str | int, ...], Any]] = [(("organisation", "privacy_contact"), org.privacy_contact)]
    if org.dpo is not None:
        contacts.append((("organisation", "dpo"), org.dpo))
    for where, contact in contacts:
        for key in ("email", "url", "phone", "name"):
            value = getattr(contact, key)
            if value and (_PLACEHOLDER_HOST.search(value) or _PLACEHOLDER_TEXT.search(value)):
                yield (*where, key), f"{key} {value!r} is a placeholder: give the real one before publishing"
    for key in ("website", "name", "legal_entity"):
        value = getattr(org, key)
        if value and (_PLACEHOLDER_HOST.search(value) or _PLACEHOLDER_TEXT.search(value)):
            yield ("organisation", key), f"{key} {value!r} is a placeholder: give the real one before publishing"
    if (org.kvk and len(set(org.kvk)) == 1) or org.kvk in ("12345678", "87654321"):
        yield ("organisation", "kvk"), f"KvK number {org.kvk!r} is a placeholder"
    if policy.breaches.report_to and _PLACEHOLDER_HOST.search(policy.breaches.report_to):
        yield ("breaches", "report_to"), f"report_to {policy.breaches.report_to!r} is a placeholder address"
    st = policy.statement
    versions = [(("statement",), st.version, st.effective)] + [
        (("statement", "history", i), h.version, h.effective) for i, h in enumerate(st.history)]
    for where, version, effective in versions:
        if not version or _PLACEHOLDER_VERSION.match(version) or _PLACEHOLDER_TEXT.search(version):
            yield (*where, "version"), f"version {version!r} is a placeholder: give the version you publish"
        if effective.year < 2016:  # before the AVG was adopted: a date nobody set (1970-01-01, 2000-01-01)
            yield (*where, "effective"), f"effective date {effective} is a placeholder: give the real date"
    # An example.* address anywhere else: a request address, a recipient's or a cookie provider's site...
    named = {("organisation", "privacy_contact"), ("organisation", "dpo"), ("organisation", "website"),
             ("organisation", "name"), ("organisation", "legal_entity"), ("breaches", "report_to")}
    for path, value in _strings(policy, ()):
        if path[:2] not in named and _PLACEHOLDER_HOST.search(value):
            yield path, f"{value!r} names a placeholder address (example.*, .test, localhost): give the real one"
    for path, text in _texts(policy, ()):
        if _PLACEHOLDER_TEXT.search(str(text)) or (isinstance(text, Text) and _PLACEHOLDER_TEXT.search(text.en)):
            yield path, "this text is a placeholder (TODO, XXX, [invullen]...): write it before publishing"


def _contact(policy: Policy) -> Finding:
    """Art. 13(1)(a): who the controller is and how to reach them."""
    contact = policy.organisation.privacy_contact
    if not (contact.email or contact.phone or contact.url or contact.address):
        yield ("organisation", "privacy_contact"), (
            "the privacy contact needs a way to reach it (email, phone, url or address), art. 13(1)(a) AVG")


def _bases(policy: Policy) -> Finding:
    """Art. 13(1)(c),(d): every purpose with its basis; a legitimate interest named."""
    for name, purpose in policy.purposes.items():
        if purpose.basis is LegalBasis.LEGITIMATE_INTEREST and not (
                purpose.basis_detail.interest and purpose.basis_detail.interest.nl):
            yield ("purposes", name, "basis"), (
                f"purpose {name!r} rests on a legitimate interest: name the interest in basis_detail.interest "
                "(art. 13(1)(d) AVG)")


def _transfers(policy: Policy) -> Finding:
    """Art. 13(1)(f): a transfer outside the EEA with its safeguards."""
    from waarborg.engine.policy.render.context import EEA

    for name, recipient in policy.recipients.items():
        if recipient.country not in EEA and not recipient.safeguards:
            yield ("recipients", name, "country"), (
                f"recipient {name!r} is outside the EEA ({recipient.country}): name the safeguards (art. 46 AVG)")


def _rights(policy: Policy) -> Finding:
    """Art. 13(2)(b),(c): every right that applies, objection where art. 21 gives it, withdrawal of consent."""
    available = set(policy.rights.available)
    where = ("rights", "available")
    for right in ("access", "rectification", "erasure", "restriction", "complaint"):
        if right not in available:
            yield where, f"the right {right!r} is missing: every statement names it (art. 13(2)(b),(d) AVG)"
    objectable = [n for n, p in policy.purposes.items()
                  if p.basis in (LegalBasis.PUBLIC_TASK, LegalBasis.LEGITIMATE_INTEREST) or p.marketing]
    if objectable and "objection" not in available:
        yield where, (f"{_purposes(objectable)} {_verb(objectable, 'rests', 'rest')} on a public task or a legitimate interest: the right "
                      "to object must be stated, separately (art. 21(4) AVG); add objection")
    consent = [n for n, p in policy.purposes.items() if p.basis is LegalBasis.CONSENT]
    if consent and "withdraw_consent" not in available:
        yield where, (f"purposes {', '.join(consent)} rest on consent: say that it can be withdrawn at any time "
                      "(art. 13(2)(c) AVG); add withdraw_consent")
    portable = [n for n, p in policy.purposes.items() if p.basis in (LegalBasis.CONSENT, LegalBasis.CONTRACT)]
    if portable and "portability" not in available:
        yield where, (f"purposes {', '.join(portable)} rest on consent or a contract: the right to data portability "
                      "applies (art. 20 AVG); add portability")
    if not policy.rights.channels:
        yield ("rights", "channels"), "say how a request can be made: name at least one channel"


def _profiling(policy: Policy) -> Finding:
    """Art. 13(2)(f): automated decisions and profiling, said the same everywhere."""
    profiling = [n for n, p in policy.purposes.items() if p.profiling]
    research = policy.compiled_modules.get("research")
    pid = research.purpose("profiling") if research is not None else None
    if pid is not None and pid in policy.purposes and not policy.purposes[pid].profiling:
        yield ("purposes", pid), (f"purpose {pid!r} is the research module's profiling purpose: set profiling: "
                                  "true, so the statement does not say there is no profiling (art. 13(2)(f) AVG)")
    if not profiling:
        return
    denial = re.compile(r"\b(geen|nooit) (aan )?profiler|\bniet aan profiler|\bno profiling\b|\bnever profil",
                        re.IGNORECASE)
    for path, text in _texts(policy, ()):
        for words in (str(text), text.en if isinstance(text, Text) else ""):
            if denial.search(words):
                yield path, (f"this text denies profiling, but {', '.join(profiling)} profiles: say the same "
                             "everywhere (art. 13(2)(f) AVG)")


def _anonymous(policy: Policy) -> Finding:
    """A cookie called anonymous while its provider receives data that point to a person (an IP address)."""
    anonymous = re.compile(r"\banonie?m|\banonymous", re.IGNORECASE)
    for i, cookie in enumerate(policy.cookies):
        if not cookie.provider or not (anonymous.search(cookie.purpose.nl) or anonymous.search(cookie.purpose.en)):
            continue
        for name, recipient in policy.recipients.items():
            if cookie.provider in (recipient.label.nl, recipient.label.en) and recipient.categories:
                yield ("cookies", i, "purpose"), (
                    f"cookie {cookie.name!r} is called anonymous, but {cookie.provider} receives "
                    f"{', '.join(recipient.categories)} (recipient {name!r}): say what it receives")


def _sources(policy: Policy) -> Finding:
    """Art. 14(2)(f): where data does not come from the person, from where."""
    for name, purpose in policy.purposes.items():
        if not purpose.sources:
            yield ("purposes", name, "sources"), (
                f"purpose {name!r} names no source: say where the data comes from (art. 14(2)(f) AVG)")


def _required(policy: Policy, pos: Positions) -> Finding:
    """Art. 13(2)(e): whether providing the data is required, and what refusing means."""
    for name, purpose in policy.purposes.items():
        if purpose.requirement is None and purpose.basis in (LegalBasis.CONTRACT, LegalBasis.LEGAL_OBLIGATION) \
                and LegalBasis.CONSENT is not purpose.basis and "subject" in purpose.sources:
            yield ("purposes", name), (
                f"purpose {name!r}: say whether people must give these data and what happens if they do not "
                "(requirement, art. 13(2)(e) AVG)")


def _dpo(policy: Policy, pos: Positions) -> Finding:
    """Art. 37(1): a public body, or care and welfare data on a large scale, needs a DPO; art. 13(1)(b) names it."""
    if policy.organisation.dpo is not None:
        return
    public = [n for n, p in policy.purposes.items() if p.basis is LegalBasis.PUBLIC_TASK]
    care = [n for n, p in policy.purposes.items()
            if p.art9_condition is not None and p.art9_condition.value in ("health_social_care",
                                                                            "employment_social_security")]
    if public or care:
        yield ("organisation",), (
            f"no DPO named, while {_purposes(named := list(dict.fromkeys(public + care)))} "
            f"{_verb(named, 'rests on a public task or processes', 'rest on a public task or process')} care data: a public "
            "body or large-scale special data needs a DPO (art. 37(1) AVG); name organisation.dpo")


def _english(policy: Policy, pos: Positions) -> Finding:
    """Where the English statement would show the organisation's Dutch."""
    if "en" not in policy.languages:
        return
    for path, text in _texts(policy, ()):
        if path[0] in _STAFF_ONLY:
            continue
        if (isinstance(text, Text) and text.nl and not text.en) or (
                isinstance(text, Words) and str(text) and not text.en and path[-1] not in _NAMES):
            where = ".".join(str(p) for p in path)
            yield path, f"the English statement shows {where} in Dutch: write it as {{nl: ..., en: ...}}"


# Sections only staff read (in Dutch, the back office's language): never in the statement.
_STAFF_ONLY = frozenset({"roles", "teams"})
# Words fields that are names or codes, the same in every language.
_NAMES = frozenset({"provider"})


def _address(policy: Policy, pos: Positions) -> Finding:
    """The organisation says "u": its own texts should too, beside the generated ones."""
    if policy.statement.address != "u":
        return
    informal = re.compile(r"\b(je|jij|jou|jouw|jezelf)\b", re.IGNORECASE)
    for path, text in _texts(policy, ()):
        if informal.search(str(text)):
            yield path, "the statement says 'u' (statement.address), but this Dutch text says 'je'"


def _texts(node: Any, path: tuple[str | int, ...]) -> Iterator[tuple[tuple[str | int, ...], Any]]:
    """Every text the organisation wrote, with its path (labels, descriptions, laws, ...)."""
    if isinstance(node, Text | Words):
        yield path, node
    elif isinstance(node, BaseModel):
        for name in type(node).model_fields:
            yield from _texts(getattr(node, name), (*path, name))
    elif isinstance(node, dict) or hasattr(node, "items"):
        for key, value in node.items():
            yield from _texts(value, (*path, key))
    elif isinstance(node, tuple):
        for i, value in enumerate(node):
            yield from _texts(value, (*path, i))


def _strings(node: Any, path: tuple[str | int, ...]) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """Every string of the policy, with its path (a text's Dutch and English at the text's own place)."""
    if isinstance(node, Text):
        yield from ((path, value) for value in (node.nl, node.en) if value)
    elif isinstance(node, Words):
        yield from ((path, value) for value in (str(node), node.en) if value)
    elif isinstance(node, str):
        yield path, node
    elif isinstance(node, BaseModel):
        for name in type(node).model_fields:
            yield from _strings(getattr(node, name), (*path, name))
    elif isinstance(node, dict) or hasattr(node, "items"):
        for key, value in node.items():
            yield from _strings(value, (*path, key))
    elif isinstance(node, tuple):
        for i, value in enumerate(node):
            yield from _strings(value, (*path, i))


_ERRORS = (_placeholders, _contact, _bases, _transfers, _rights, _profiling, _anonymous, _sources)
_WARNINGS = (_required, _dpo, _english, _address)


def _purposes(names: list[str]) -> str:
    return f"purpose {names[0]}" if len(names) == 1 else f"purposes {', '.join(names)}"


def _verb(names: list[str], one: str, more: str) -> str:
    return one if len(names) == 1 else more
