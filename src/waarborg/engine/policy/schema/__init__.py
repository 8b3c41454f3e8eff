"""The policy language as frozen pydantic models: the *shape* of a policy file.

Meaning checks that span sections (undefined references, marketing touching special data, ...)
live in `rules.py`; both report through `loader.py` as FILE:LINE:COLUMN.

A loaded policy is deeply immutable: models are frozen, lists are tuples and mappings are read-only views
(`FrozenDict`) of a dict nobody else holds. One policy object is cached per process and shared by every
request (`active.py`), so a caller that changed it would change the rules for everyone after it; whoever
needs something to change asks for a copy (`dict(policy.roles)`).

The models by section: `base` (the building blocks), `organisation`, `processing`, `retention` and
`sections`; `Policy`, the whole file, is here, and every name is importable from here as before.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import cached_property
from typing import Literal

from pydantic import Field, field_validator

from waarborg.core.actors import Actor, is_system, role_ids
from waarborg.engine.policy.modules import Module, compile_modules
from waarborg.engine.policy.schema.base import (  # noqa: F401 (re-exported)
    Action,
    Art9Condition,
    Channel,
    DisclosureReason,
    FieldType,
    FrozenDict,
    Ident,
    K,
    LegalBasis,
    PeriodField,
    SourceKind,
    Strict,
    Text,
    TextField,
    V,
    Words,
    WordsField,
    _empty,
    _freeze,
    _period,
    _text,
    _thaw,
    _words,
    _words_out,
    in_lang,
)
from waarborg.engine.policy.schema.organisation import (  # noqa: F401 (re-exported)
    _LOGO,
    Address,
    Authority,
    Colour,
    Contact,
    Organisation,
    Statement,
    StatementVersion,
    Theme,
    _hex,
    _light,
    _primary,
)
from waarborg.engine.policy.schema.processing import (  # noqa: F401 (re-exported)
    IDENTIFYING_TYPES,
    BasisDetail,
    Category,
    Compatibility,
    ConsentCheck,
    ConsentCheckMethod,
    ConsentSignatory,
    FieldSpec,
    FurtherProcessing,
    Purpose,
    RecordType,
    stored_encrypted,
)
from waarborg.engine.policy.schema.retention import (  # noqa: F401 (re-exported)
    Anchor,
    Anonymise,
    Calendar,
    CalendarStart,
    Earliest,
    EventStart,
    Extension,
    FieldDate,
    Latest,
    RetentionRule,
    Term,
    _term,
)
from waarborg.engine.policy.schema.sections import (  # noqa: F401 (re-exported)
    _BY_OFFICE,
    _SYSTEM_AREAS,
    PLATFORM_EVENTS,
    Agreement,
    Backups,
    Breaches,
    Cookie,
    EventSpec,
    EventSpecField,
    GroupChannel,
    GroupKind,
    Language,
    Manages,
    ModuleSpec,
    ModuleSpecField,
    Recipient,
    Rights,
    Role,
    Staff,
    SubjectGroup,
    Team,
    _event_spec,
    _module_spec,
)


class Policy(Strict):
    waarborg: Literal[1] = 1
    # The languages the organisation speaks to the public: pages, mails and letters, and the statements
    # `make generated` writes. Dutch is always one of them: every text of a policy is Dutch first.
    languages: tuple[Language, ...] = ("nl", "en")
    organisation: Organisation
    statement: Statement
    categories: FrozenDict[Ident, Category] = Field(min_length=1)
    purposes: FrozenDict[Ident, Purpose] = Field(min_length=1)
    record_types: FrozenDict[Ident, RecordType] = Field(min_length=1)
    retention: FrozenDict[Ident, RetentionRule] = Field(min_length=1)
    calendars: FrozenDict[Ident, Calendar] = Field(default_factory=_empty)
    # The events clocks wait for, their words and who may post them.
    events: FrozenDict[Ident, EventSpecField] = Field(default_factory=_empty)
    recipients: FrozenDict[Ident, Recipient] = Field(default_factory=_empty)
    roles: FrozenDict[Ident, Role] = Field(min_length=1)
    teams: FrozenDict[Ident, Team] = Field(default_factory=_empty)
    rights: Rights = Rights()
    breaches: Breaches = Breaches()
    backups: Backups = Backups()
    staff: Staff = Staff()
    cookies: tuple[Cookie, ...] = ()
    # The organisation modules this policy uses; None (no section): found from the purposes, as before.
    modules: FrozenDict[Ident, ModuleSpecField] | None = None
    # Groups of data subjects; none (a policy written before groups): every subject may have every purpose.
    subject_groups: FrozenDict[Ident, SubjectGroup] = Field(default_factory=_empty)

    @property
    def default_group(self) -> str:
        """The group of a subject registered without one: the group marked `default`, else the first; "" when
        the policy declares no groups."""
        marked = [g for g, spec in self.subject_groups.items() if spec.default]
        return marked[0] if marked else next(iter(self.subject_groups), "")

    def group_of(self, group: str) -> str:
        """The group a subject stored with `group` belongs to ("" before groups: the default group)."""
        return group or self.default_group

    def group_label(self, group: str, lang: str) -> str:
        """The group in words (its label), for pages and the API; "" where the policy has no groups."""
        spec = self.subject_groups.get(self.group_of(group))
        return spec.label.get(lang) if spec else (group or "")

    def group_channels(self, group: str) -> tuple[str, ...] | None:
        """The rights channels of the subject's group; None where the group declares none (or there are no
        groups): then the rights section's channels are the only rule."""
        spec = self.subject_groups.get(self.group_of(group))
        return tuple(str(c) for c in spec.channels) if spec and spec.channels else None

    def keepers(self, of: str) -> list[tuple[str, FurtherProcessing]]:
        """The purposes that keep records collected for `of` past their own period (`access: [keep]`)."""
        return [(pid, f) for pid, spec in self.purposes.items() for f in spec.further_processing
                if f.of == of and "keep" in f.access and f.keep_for is not None]

    def further_grant(self, purpose: str, of: str) -> FurtherProcessing | None:
        """May `purpose` read records collected for `of` (further processing, art. 6(4) AVG)? A purpose that
        only keeps them (`access: [keep]`) does not read them."""
        spec = self.purposes.get(purpose)
        return next((f for f in spec.further_processing if f.of == of and "read" in f.access), None) if spec else None

    @cached_property
    def compiled_modules(self) -> Mapping[str, Module]:
        return compile_modules(self)

    def module(self, name: str) -> Module:
        """Is the organisation module `name` switched on, and under which purposes does it work?
        (`policy.module("research").purpose("profiling")`)"""
        return self.compiled_modules[name]

    @field_validator("languages")
    @classmethod
    def _dutch_first(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        if "nl" not in value:
            raise ValueError("the languages include nl: every text of a policy is Dutch first")
        if len(set(value)) != len(value):
            raise ValueError("a language is listed twice")
        return value

    # Questions the rest of the platform asks the policy about an actor (`waarborg.core.actors`): an account
    # with `roles` (role ids of this policy), the platform itself ("system:...", no role), or nobody.

    def role_names(self, actor: Actor) -> tuple[str, ...]:
        """The ids of the actor's roles that this policy defines (an account may still carry a role that a
        newer policy dropped: it opens nothing)."""
        return tuple(r for r in role_ids(actor) if r in self.roles)

    def roles_of(self, actor: Actor) -> tuple[Role, ...]:
        return tuple(self.roles[r] for r in self.role_names(actor))

    def granting_roles(self, actor: Actor, action: str, purpose: str) -> tuple[Role, ...]:
        """The actor's roles that grant `action` on `purpose`."""
        return tuple(role for role in self.roles_of(actor) if action in role.grants.get(purpose, ()))

    def grants(self, actor: Actor, action: str, purpose: str) -> bool:
        """Does one of the actor's roles grant `action` on `purpose`? The platform itself holds no grant:
        whoever lets a job through says so (the vault's gates pass "system:..." actors)."""
        return bool(self.granting_roles(actor, action, purpose))

    def grants_any(self, actor: Actor, actions: Iterable[str], purpose: str) -> bool:
        """Does one of the actor's roles grant one of `actions` on `purpose` (`Action`: anything at all)?"""
        return any(self.grants(actor, action, purpose) for action in actions)

    def granted_purposes(self, actor: Actor, action: str) -> tuple[str, ...]:
        """The purposes on which one of the actor's roles grants `action`, in the policy's order."""
        return tuple(p for p in self.purposes if self.grants(actor, action, p))

    def manages(self, actor: Actor, area: Manages) -> bool:
        """Does the actor manage `area` (requests, breaches, consents, retention, caseloads...)? A role does
        when it names the area in `manages` or by its office (privacy officer, DPO); the platform's own jobs
        do for retention and caseloads."""
        if is_system(actor):
            return area in _SYSTEM_AREAS
        return any(role.in_charge_of(area) for role in self.roles_of(actor))

    def managers(self, area: Manages) -> tuple[str, ...]:
        """The ids of the roles that manage `area`, in the policy's order (for messages and notices)."""
        return tuple(rid for rid, role in self.roles.items() if role.in_charge_of(area))

    def oversees(self, actor: Actor) -> bool:
        """Is one of the actor's roles a privacy officer or the DPO (who see every request, breach, caseload
        and the audit log)?"""
        return any(role.oversees for role in self.roles_of(actor))

    def need_to_know_purposes(self) -> set[str]:
        """The purposes that have caseloads: need-to-know purposes, and those a need-to-know role is granted."""
        purposes = {p for p, spec in self.purposes.items() if spec.need_to_know}
        return purposes | {p for role in self.roles.values() for p in role.grants if role.needs_case(p)}

    def event_rules(self, event: str) -> dict[str, RetentionRule]:
        """The retention rules whose clocks `event` moves (as start, until, early end or calendar date)."""
        calendars = {name for name, calendar in self.calendars.items() if calendar.event == event}
        found = {}
        for name, rule in self.retention.items():
            terms = [term for _, term in rule.terms()]
            if any(isinstance(t, EventStart) and t.event == event for t in terms) or any(
                    isinstance(t, CalendarStart) and t.calendar in calendars for t in terms):
                found[name] = rule
        return found

    def rule_words(self, rule_id: str, lang: str) -> str:
        """A retention rule in words, never its id: its label, else the record types it keeps ("Tip, Helpdeskvraag"),
        else its period ("3 maanden")."""
        rule = self.retention.get(rule_id)
        if rule is None:
            return rule_id  # a rule of an older policy version, gone from this one: its id is all there is
        if rule.label:
            return str(rule.label.get(lang))
        kinds = [str(rt.label.get(lang)) for rt in self.record_types.values() if rt.retention == rule_id]
        return ", ".join(kinds) or (rule.period.words(lang) if rule.period else rule_id)

    def event_purposes(self, event: str) -> set[str]:
        """The purposes whose records' clocks `event` moves."""
        rules = self.event_rules(event)
        return {rt.purpose for rt in self.record_types.values() if rt.retention in rules}

    def organisation_event(self, event: str) -> bool:
        """Is `event` organisation-wide (a calendar's dates), rather than about one subject or record?"""
        return any(calendar.event == event for calendar in self.calendars.values())
