"""Who may do what and the remaining sections: agreements and recipients, roles and teams, events, rights,
breaches, backups, staff, cookies, groups of data subjects and organisation modules.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from types import MappingProxyType
from typing import Annotated, Any, Literal

from pydantic import (
    BeforeValidator,
    Field,
)

from waarborg.engine.policy.periods import Period
from waarborg.engine.policy.schema.base import (
    Action,
    Channel,
    DisclosureReason,
    FrozenDict,
    Ident,
    PeriodField,
    Strict,
    TextField,
    Words,
    WordsField,
    _empty,
)


class Agreement(Strict):
    reference: str
    kind: Literal["processor_agreement", "contract", "covenant", "legal"] = "processor_agreement"
    valid_from: dt.date | None = None
    valid_until: dt.date | None = None


class Recipient(Strict):
    label: TextField
    kind: Literal["processor", "third_party", "authority", "joint_controller", "public"]
    description: TextField | None = None
    agreement: Agreement | None = None
    purposes: tuple[Ident, ...] = ()
    categories: tuple[Ident, ...] = ()
    reasons: tuple[DisclosureReason, ...] = ()
    country: str = "NL"
    safeguards: WordsField = Words()  # for transfers outside the EEA
    art10_ground: str = ""  # the law under which it may receive criminal data (art. 10 AVG); none: never

    @property
    def needs_agreement(self) -> bool:
        """Does a disclosure to this recipient need an agreement on file? An authority acts on its own
        legal task and needs none; everyone else does (a processor: a processor agreement, art. 28)."""
        return self.kind != "authority"


Manages = Literal["requests", "breaches", "consents", "retention", "staff", "policy", "decisions", "caseloads"]

# Besides the roles that name an area in `manages`, who manages it by office. The privacy officer keeps the
# registers of requests, breaches, consents and retention; the DPO (FG) handles requests and consents too
# (S3-28: sees every request) but only oversees breaches and retention (`Policy.oversees`). Caseloads belong
# to the roles that name them: holding an office does not decide who sees a client's file. Nothing asks about
# `staff`, `policy` or `decisions` yet: those areas count only where a role names them.
_BY_OFFICE: Mapping[str, frozenset[str]] = MappingProxyType({
    "requests": frozenset({"privacy_officer", "dpo"}),
    "consents": frozenset({"privacy_officer", "dpo"}),
    "breaches": frozenset({"privacy_officer"}),
    "retention": frozenset({"privacy_officer"}),
})
# The platform's own jobs ("system:..." actors) hold no role but act where the work is theirs: the sweep and
# the CLI adjust retention; the CLI and intake assign cases.
_SYSTEM_AREAS = frozenset({"retention", "caseloads"})


class Role(Strict):
    label: TextField
    grants: FrozenDict[Ident, tuple[Action, ...]] = Field(default_factory=_empty)
    # Need-to-know: `true` for every purpose the role is granted (the first form, still read), or the list
    # of purposes on which this role opens only the subjects in its caseload. A purpose left out (an
    # emergency, where nobody waits for an assignment) is open to the role like any granted purpose.
    need_to_know: bool | tuple[Ident, ...] = False
    dpo: bool = False  # sees every request, breach and complaint (S3-28)
    privacy_officer: bool = False  # manages requests, breaches, consents and retention by office (_BY_OFFICE)
    # `caseloads`: assigns subjects to staff and teams on need-to-know purposes, and hands cases over.
    manages: tuple[Manages, ...] = ()

    def needs_case(self, purpose: str) -> bool:
        """Does this role open only subjects in its caseload on `purpose`?"""
        if isinstance(self.need_to_know, bool):
            return self.need_to_know
        return purpose in self.need_to_know

    @property
    def oversees(self) -> bool:
        """A privacy officer or the DPO: oversees every request, breach and caseload."""
        return self.privacy_officer or self.dpo

    def in_charge_of(self, area: str) -> bool:
        """Does this role manage `area`, by naming it in `manages` or by its office?"""
        offices = _BY_OFFICE.get(area, frozenset())
        return (area in self.manages or (self.privacy_officer and "privacy_officer" in offices)
                or (self.dpo and "dpo" in offices))


class Team(Strict):
    """A team of staff (a neighbourhood team, a unit) that cases can be assigned to as a whole."""

    label: TextField
    description: TextField | None = None


class EventSpec(Strict):
    """An event that retention clocks wait for: how the statement names it, and who may report it.

    An event about a subject or a record may be posted by anyone whose role writes one of the purposes
    whose clocks it moves (and, on need-to-know purposes, has the case); `posted_by` narrows that to
    the roles named. An organisation-wide event (an edition closing, no subject or record) moves many
    clocks at once: only the roles in `posted_by` may post it.
    """

    label: TextField
    posted_by: tuple[Ident, ...] = ()


# Events the platform records itself (a withdrawn consent); nobody posts them through the API.
PLATFORM_EVENTS = frozenset({"consent_withdrawn"})


def _event_spec(value: Any) -> Any:
    # The short form `service_ended: {nl: ..., en: ...}` (or a plain string) is the label alone.
    if isinstance(value, str) or (isinstance(value, dict) and set(value) <= {"nl", "en"}):
        return {"label": value}
    return value


EventSpecField = Annotated[EventSpec, BeforeValidator(_event_spec)]


class Rights(Strict):
    response_period: PeriodField = Period.parse("P4W")
    extension_max: PeriodField = Period.parse("P2M")
    identity_verification: tuple[Literal["portal_login", "id_copy", "in_person", "digid", "email_code"], ...] = (
        "portal_login", "id_copy")
    id_copy_redaction: tuple[WordsField, ...] = ()  # what must be blacked out (S1-26)
    channels: tuple[Channel, ...] = (Channel.EMAIL, Channel.POST, Channel.PORTAL)
    request_address: TextField | None = None  # e.g. "onder vermelding van 'Verzoek omtrent persoonsgegevens'"
    available: tuple[Literal["access", "rectification", "erasure", "restriction", "objection", "portability",
                             "withdraw_consent", "disclosures", "complaint", "completion"], ...] = (
        "access", "rectification", "erasure", "restriction", "objection", "portability",
        "withdraw_consent", "disclosures", "complaint")


class Breaches(Strict):
    authority_deadline: PeriodField = Period.parse("PT72H")
    warn_before: PeriodField = Period.parse("PT24H")
    notify_subjects: Literal["high_risk", "always"] = "high_risk"
    report_to: str = ""  # where to report a suspected breach


class Backups(Strict):
    retention: PeriodField = Period.parse("P6W")


class Staff(Strict):
    """How staff log in. `two_factor: required`: every staff account enters a code from an authenticator app (or
    a recovery code) after its password, at the back office and the Django admin, whatever the installation's
    `WAARBORG_STAFF_2FA` says. Unset, that setting decides (waarborg.engine.accounts.twofactor)."""

    two_factor: Literal["required"] | None = None


class Cookie(Strict):
    name: str
    kind: Literal["functional", "analytical", "social", "embedded"]
    provider: str = ""
    purpose: TextField
    retention: WordsField = Words()
    consent_required: bool = False


Language = Literal["nl", "en"]

GroupKind = Literal["client", "relative", "volunteer", "employee", "applicant", "member", "visitor", "supplier",
                    "representative", "other"]
GroupChannel = Literal["portal", "email", "post", "in_person", "phone"]


class SubjectGroup(Strict):
    """A group of data subjects (clients, their relatives, volunteers, employees...): the purposes that may hold
    records about its members, how they exercise their rights, and their own section of the statement
    (`waarborg.engine.policy.groups`)."""

    label: TextField
    kind: GroupKind = "other"  # for the register's DPV term
    description: TextField | None = None
    purposes: tuple[Ident, ...] = Field(min_length=1)
    channels: tuple[GroupChannel, ...] = ()  # how this group exercises its rights; none: the rights section's
    statement: TextField | None = None  # this group's own paragraph in the statement
    default: bool = False  # the group of a subject registered without one


def _module_spec(value: Any) -> Any:
    return {} if value is None else value  # `mailings:` alone: on, with no purposes of its own named


class ModuleSpec(Strict):
    """An organisation module the policy switches on (`waarborg.engine.policy.modules`)."""

    # The module's name for each purpose it works under -> the policy's purpose id.
    purposes: FrozenDict[Ident, Ident] = Field(default_factory=_empty)


ModuleSpecField = Annotated[ModuleSpec, BeforeValidator(_module_spec)]
