"""The policy language as frozen pydantic models: the *shape* of a policy file.

Meaning checks that span sections (undefined references, marketing touching special data, ...)
live in `rules.py`; both report through `loader.py` as FILE:LINE:COLUMN.

A loaded policy is deeply immutable: models are frozen, lists are tuples and mappings are read-only views
(`FrozenDict`) of a dict nobody else holds. One policy object is cached per process and shared by every
request (`active.py`), so a caller that changed it would change the rules for everyone after it; whoever
needs something to change asks for a copy (`dict(policy.roles)`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Mapping
from enum import StrEnum
from functools import cached_property
from types import MappingProxyType
from typing import Annotated, Any, Literal, TypeVar

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    PlainValidator,
    WrapSerializer,
    field_validator,
    model_validator,
)

from waarborg.core.actors import Actor, is_system, role_ids
from waarborg.engine.policy.colours import MIN_CONTRAST, TEXT, WHITE, contrast, rgb
from waarborg.engine.policy.modules import Module, compile_modules
from waarborg.engine.policy.periods import Period

Ident = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$", max_length=64)]


def _period(value: Any) -> Period:
    if isinstance(value, Period):
        return value
    if not isinstance(value, str):
        raise ValueError("a period is written as an ISO 8601 duration such as P3M, P5Y or PT72H")
    return Period.parse(value)


PeriodField = Annotated[Period, BeforeValidator(_period), PlainSerializer(str)]


K = TypeVar("K")
V = TypeVar("V")


def _freeze(value: Mapping[K, V]) -> Mapping[K, V]:
    return MappingProxyType(dict(value))  # a copy: whoever passed the dict in cannot change it afterwards


def _thaw(value: Mapping[Any, Any], serialize: Callable[[Any], Any]) -> Any:
    return serialize(dict(value))


FrozenDict = Annotated[Mapping[K, V], AfterValidator(_freeze), WrapSerializer(_thaw)]
"""A mapping section of the policy (purposes, roles, a role's grants...): read-only once loaded."""


def _empty() -> Mapping[Any, Any]:
    return MappingProxyType({})


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)

    def __deepcopy__(self, memo: dict[int, Any] | None = None) -> Strict:
        return self  # deeply immutable (and a mapping proxy cannot be copied): the copy is the thing itself


class Text(Strict):
    """A user-facing text, Dutch first, English second."""

    nl: str
    en: str = ""

    def get(self, lang: str) -> str:
        return (self.en if lang == "en" else self.nl) or self.nl


def _text(value: Any) -> Any:
    return {"nl": value} if isinstance(value, str) else value


TextField = Annotated[Text, BeforeValidator(_text)]


class Words(str):
    """A short text the organisation writes (a law, a period, a safeguard), used as a plain Dutch string
    everywhere; `{nl: ..., en: ...}` in the file gives it English too, for the English statement
    (`in_lang`). A plain string in the file stays Dutch only: `policy check` warns where English shows Dutch."""

    en: str = ""

    def in_lang(self, lang: str) -> str:
        return (self.en if lang == "en" else "") or str(self)


def _words(value: Any) -> Words:
    if isinstance(value, Words):
        return value
    if isinstance(value, dict) and set(value) <= {"nl", "en"} and isinstance(value.get("nl"), str):
        words = Words(value["nl"].strip())
        words.en = str(value.get("en", "")).strip()
        return words
    if isinstance(value, str):
        return Words(value.strip())
    raise ValueError("a text is a string, or {nl: ..., en: ...}")


def _words_out(value: Any) -> str:
    return str(value)  # dumped as the Dutch string it always was (exports, hashes); the English is for the statement


WordsField = Annotated[Words, PlainValidator(_words), PlainSerializer(_words_out)]


def in_lang(value: str, lang: str) -> str:
    """A `Words` (or plain string) in `lang`: its English where it has one, else the Dutch."""
    return value.in_lang(lang) if isinstance(value, Words) else value


class LegalBasis(StrEnum):
    """AVG art. 6(1) a-f."""

    CONSENT = "consent"
    CONTRACT = "contract"
    LEGAL_OBLIGATION = "legal_obligation"
    VITAL_INTEREST = "vital_interest"
    PUBLIC_TASK = "public_task"
    LEGITIMATE_INTEREST = "legitimate_interest"


class Art9Condition(StrEnum):
    """AVG art. 9(2) a-j, the exceptions to the ban on special categories."""

    EXPLICIT_CONSENT = "explicit_consent"  # a
    EMPLOYMENT_SOCIAL_SECURITY = "employment_social_security"  # b
    VITAL_INTEREST = "vital_interest"  # c
    NOT_FOR_PROFIT = "not_for_profit"  # d
    MADE_PUBLIC = "made_public"  # e
    LEGAL_CLAIMS = "legal_claims"  # f
    SUBSTANTIAL_PUBLIC_INTEREST = "substantial_public_interest"  # g
    HEALTH_SOCIAL_CARE = "health_social_care"  # h
    PUBLIC_HEALTH = "public_health"  # i
    ARCHIVING_RESEARCH = "archiving_research"  # j


class SourceKind(StrEnum):
    SUBJECT = "subject"
    REPRESENTATIVE = "representative"
    INVOLVED_PERSON = "involved_person"
    ORGANISATION = "organisation"
    PUBLIC_SOURCE = "public_source"
    WEBSITE_FORM = "website_form"
    MUNICIPALITY = "municipality"


class Channel(StrEnum):
    WEBSITE = "website"
    PORTAL = "portal"
    EMAIL = "email"
    CHAT = "chat"
    PHONE = "phone"
    POST = "post"
    IN_PERSON = "in_person"
    INTERMEDIARY = "intermediary"
    CONTACT_FORM = "contact_form"
    API = "api"


class Action(StrEnum):
    READ = "read"
    WRITE = "write"
    EXPORT = "export"
    DECIDE = "decide"
    DISCLOSE = "disclose"
    DELETE = "delete"


class DisclosureReason(StrEnum):
    AGREED_WORK = "agreed_work"
    CONTRACT = "contract"
    LEGAL_OBLIGATION = "legal_obligation"
    AUTHORITY_REQUEST = "authority_request"
    PUBLIC_TASK = "public_task"
    PUBLIC_INTEREST = "public_interest"
    LEGITIMATE_INTEREST = "legitimate_interest"
    VITAL_INTEREST = "vital_interest"
    CONSENT = "consent"


class FieldType(StrEnum):
    TEXT = "text"
    LONGTEXT = "longtext"
    DATE = "date"
    DATETIME = "datetime"
    INTEGER = "integer"
    DECIMAL = "decimal"
    BOOLEAN = "boolean"
    EMAIL = "email"
    PHONE = "phone"
    POSTCODE = "postcode"
    BSN = "bsn"
    IBAN = "iban"
    URL = "url"
    IP = "ip"
    CHOICE = "choice"


class Address(Strict):
    street: str = ""
    postcode: str = ""
    city: str = ""
    po_box: str = ""
    country: str = "Nederland"


class Contact(Strict):
    name: WordsField = Words()  # {nl: ..., en: ...} names it in English too
    email: str = ""
    phone: str = ""
    url: str = ""
    address: Address | None = None


class Authority(Strict):
    name: str = "Autoriteit Persoonsgegevens"
    url: str = "https://www.autoriteitpersoonsgegevens.nl"
    complaint_url: str = "https://www.autoriteitpersoonsgegevens.nl/nl/zelf-doen/privacyrechten/klacht-indienen-bij-de-ap"


def _primary(value: str) -> str:
    if contrast(value, WHITE) < MIN_CONTRAST:
        raise ValueError(f"white text on {value} has a contrast of {contrast(value, WHITE):.1f}:1, below "
                         f"{MIN_CONTRAST}:1 (WCAG 2.1 1.4.3): choose a darker primary colour")
    return value.lower()


def _light(value: str) -> str:
    if contrast(value, TEXT) < MIN_CONTRAST:
        raise ValueError(f"text on {value} has a contrast of {contrast(value, TEXT):.1f}:1, below "
                         f"{MIN_CONTRAST}:1 (WCAG 2.1 1.4.3): choose a lighter background colour")
    return value.lower()


def _hex(value: str) -> str:
    rgb(value)  # raises for anything but #rrggbb
    return value


Colour = Annotated[str, AfterValidator(_hex)]
_LOGO = re.compile(r"^data:image/(svg\+xml|png|webp);base64,[A-Za-z0-9+/=]+$")


class Theme(Strict):
    """How the organisation's pages look (docs/design.md): its colours over NL Design System's tokens, and a logo.
    Without a theme the pages use the platform's own blue."""

    # buttons, links, the header's band; white text on it must be readable (4.5:1)
    primary: Annotated[Colour, AfterValidator(_primary)] = "#154273"
    # the light background of the header and footer; the body text on it must be readable (4.5:1)
    background: Annotated[Colour, AfterValidator(_light)] | None = None
    # a `data:image/svg+xml;base64,...` (or png, webp) URI: the pages load nothing from another host
    logo: str = ""

    @field_validator("logo")
    @classmethod
    def _logo(cls, value: str) -> str:
        if value and (len(value) > 100_000 or not _LOGO.match(value)):
            raise ValueError("a logo is a data:image/svg+xml;base64,... (or png, webp) URI of at most 100 kB")
        return value


class Organisation(Strict):
    id: Ident
    name: str
    legal_entity: str = ""
    kvk: str = ""
    description: TextField | None = None
    website: str = ""
    address: Address | None = None
    privacy_contact: Contact
    dpo: Contact | None = None
    authority: Authority = Authority()
    services: tuple[TextField, ...] = ()  # what the organisation offers, for the statement's introduction
    theme: Theme = Theme()  # the pages' colours and logo (docs/design.md)

    @field_validator("kvk")
    @classmethod
    def _kvk(cls, value: str) -> str:
        if value and (not value.isdigit() or len(value) != 8):
            raise ValueError("a KvK number has 8 digits")
        return value


class StatementVersion(Strict):
    version: str
    effective: dt.date
    summary: TextField | None = None


class Statement(Strict):
    version: str
    effective: dt.date
    history: tuple[StatementVersion, ...] = ()
    changes: TextField | None = None  # how changes are published (S2-31)
    security: tuple[TextField, ...] = ()  # measures described in the statement
    notes: tuple[TextField, ...] = ()  # extra paragraphs the seed needs
    # General promises that are not a purpose, period or recipient ("never more data than needed").
    commitments: tuple[TextField, ...] = ()
    address: Literal["je", "u"] = "je"  # how the generated Dutch sentences address the reader
    # A version scheduled ahead (`policy activate --effective`) is announced by mail to every subject with an
    # e-mail address (waarborg.engine.policy.announce).
    notify_subjects: bool = False


class Category(Strict):
    label: TextField
    description: TextField | None = None
    special: bool = False  # AVG art. 9
    criminal: bool = False  # AVG art. 10
    national_id: bool = False  # BSN (UAVG art. 46)
    financial: bool = False  # bank details
    encrypted: bool = False  # forced on for special, national_id and financial
    public: bool = False  # published on purpose (e.g. sociale kaart listings)

    @property
    def must_encrypt(self) -> bool:
        return self.encrypted or self.special or self.criminal or self.national_id or self.financial


# Field types that can hold free text or identify someone: encrypted with the subject's key by default.
IDENTIFYING_TYPES = frozenset({FieldType.TEXT, FieldType.LONGTEXT, FieldType.EMAIL, FieldType.PHONE, FieldType.POSTCODE,
                               FieldType.BSN, FieldType.IBAN, FieldType.URL, FieldType.IP})


def stored_encrypted(category: Category, spec: FieldSpec) -> bool:
    """Encryption by default: a field is sealed with its subject's key when its category must be encrypted, or
    when its type can hold free text or identifying data, unless the category is published on purpose
    (`public`) or the field is marked `queryable`. Dates, numbers, booleans and choices stay plain."""
    if category.must_encrypt:
        return True
    if category.public or spec.queryable:
        return False
    return spec.type in IDENTIFYING_TYPES


class BasisDetail(Strict):
    law: WordsField = Words()  # legal obligation / public task: the law and article
    contract: WordsField = Words()  # contract: which agreement
    interest: TextField | None = None  # legitimate interest: which interest
    vital: TextField | None = None


ConsentSignatory = Literal["self", "parent", "guardian", "representative"]
ConsentCheckMethod = Literal["paper_form", "portal", "signed_scan", "in_person", "id_document", "phone_callback",
                             "digid", "email_confirmation", "other"]


class ConsentCheck(Strict):
    """A consent for the purpose counts only once someone checked it (S2-08): it waits as
    `pending_verification` when one of `signatories` signed it (a minor's consent always waits)."""

    signatories: tuple[ConsentSignatory, ...] = ("parent", "guardian", "representative")
    methods: tuple[ConsentCheckMethod, ...] = ()  # how the signed document may be checked; empty: any
    second_person: bool = True  # never checked by whoever recorded the consent


class Compatibility(Strict):
    """Why a further purpose is compatible with the purpose the data was collected for (art. 6(4) AVG, a-e)."""

    link: TextField  # a: the link between the two purposes
    context: TextField  # b: the context of collection, the relation with the subject
    nature: TextField  # c: the nature of the data (special or criminal data weighs heavily)
    consequences: TextField  # d: what the further processing means for the subject
    safeguards: TextField  # e: encryption, pseudonyms, who may see it


class FurtherProcessing(Strict):
    """A purpose that reads records collected for another purpose (checked in `waarborg.engine.policy.groups`)."""

    of: Ident  # the purpose the records were collected for
    # `read`: this purpose may read them; `keep`: it keeps them `keep_for` past their own period (an archive,
    # complaints that may still come), and the retention clock and the sweep honour that.
    access: tuple[Literal["read", "keep"], ...] = ("read",)
    keep_for: PeriodField | None = None
    compatibility: Compatibility | None = None  # the art. 6(4) test, unless a law prescribes it
    law: str = ""  # the law that prescribes the further processing (art. 6(4): no compatibility test needed)


class Purpose(Strict):
    label: TextField
    description: TextField
    basis: LegalBasis
    basis_detail: BasisDetail = BasisDetail()
    art9_condition: Art9Condition | None = None
    art9_ground: WordsField = Words()  # the law behind b, g, h, i, j
    marketing: bool = False
    human_decision: bool = False
    automated_decisions: bool = False  # always false in the seeds; true is refused
    profiling: bool = False  # art. 4(4) AVG: the statement says so for this purpose, never "no profiling"
    bsn_ground: str = ""  # statutory ground for processing the BSN (UAVG art. 46)
    art10_ground: str = ""  # criminal data (art. 10 AVG): the law that allows it (UAVG art. 31-33)
    minors_need_parent: bool = False
    minor_age: int = 16
    consent_check: ConsentCheck | None = None  # who checks a consent before it counts, and how
    need_to_know: bool = False
    # Establishing, exercising or defending legal claims (art. 18(2) AVG): processing for this purpose
    # goes on when a subject restricted processing. Implied by art9_condition `legal_claims`.
    legal_claims: bool = False
    # Need-to-know: whoever registers a new subject under this purpose (an intake) gets the case in their
    # caseload at once; `false` when a coordinator always assigns cases.
    intake_assigns: bool = True
    service_information: bool = False  # mailings subjects may opt out of (S2-28)
    statistics: bool = False  # visit statistics: never disclosed (S3-04)
    requirement: TextField | None = None  # is providing data required, what refusing means
    sources: tuple[SourceKind, ...] = (SourceKind.SUBJECT,)
    notify_subject: bool | None = None  # notice due on collection; default from basis / source
    data_subjects: tuple[TextField, ...] = ()  # categories of data subjects (art. 30(1)(c)); register and statement
    # The other purposes whose records this purpose may read, each with its compatibility grounds.
    further_processing: tuple[FurtherProcessing, ...] = ()


class FieldSpec(Strict):
    category: Ident
    type: FieldType = FieldType.TEXT
    required: bool = False
    label: TextField | None = None
    choices: tuple[str, ...] = ()
    # How a choice reads on forms and pages, per language ({ouder: {nl: ouder, en: parent}}); unset: the value itself.
    choice_labels: FrozenDict[str, TextField] = Field(default_factory=_empty)
    max_length: int = 2000
    policy_use: bool = False  # may appear (aggregated) in municipal policy reports (S0-08)
    # Choice values that need a signed consent statement for the record's purpose before they may be
    # set, e.g. an agreement becoming `active` (S2-05).
    needs_signed_consent: tuple[str, ...] = ()
    subject_provided: bool = True  # for portability (art. 20)
    # Free text where it leaves the file (docs/deidentify.md): `redact` runs it through the de-identifier
    # (an export to the subject redacts only the other people), `drop` leaves it out of datasets, reports
    # and anonymised records, `keep` passes it as written. Unset: `redact` for longtext, `keep` otherwise.
    deidentify: Literal["redact", "drop", "keep"] | None = None
    # Stored in plain, searchable, although its type could hold free text or identifying data: only for a field
    # that is needed in queries and not sensitive. A category that must be encrypted wins (`stored_encrypted`).
    queryable: bool = False

    @model_validator(mode="after")
    def _free_text_only(self) -> FieldSpec:
        if self.deidentify is not None and self.type not in (FieldType.TEXT, FieldType.LONGTEXT):
            raise ValueError("deidentify is for free text: a field of type text or longtext")
        return self

    def choice_label(self, value: str, lang: str) -> str:
        label = self.choice_labels.get(value)
        return label.get(lang) if label is not None else value

    @property
    def free_text(self) -> Literal["redact", "drop", "keep"]:
        """What happens to this field's text outside the file (the default filled in)."""
        if self.deidentify is not None:
            return self.deidentify
        return "redact" if self.type is FieldType.LONGTEXT else "keep"


class RecordType(Strict):
    purpose: Ident
    label: TextField
    description: TextField | None = None
    retention: Ident
    fields: FrozenDict[Ident, FieldSpec] = Field(min_length=1)
    creates_account: bool = False  # S0-13: an account follows the first record of this type
    fiscal: bool = False  # S0-35: book-keeping data under the fiscal duty
    # Stored by an anonymous form on the public site: `tip` is the tip form at /tip/ (S0-32). Each sending
    # is a subject of its own; where the purpose rests on consent, sending the form is the consent.
    public_form: Literal["tip"] | None = None


class CalendarStart(Strict):
    """Start the clock at a date of an organisation calendar (e.g. edition closings)."""

    calendar: Ident
    occurrence: int = Field(default=1, ge=1, le=10)  # 1 = first date after collection, 2 = the one after


class EventStart(Strict):
    """Start the clock at an event on the record or its subject (e.g. `service_ended`)."""

    event: Ident
    of: Literal["record", "subject"] = "subject"  # not `on`: YAML 1.1 reads `on` as true


class FieldDate(Strict):
    """Count from a date field of the record itself (the end date of a decision, a contract's last day)."""

    field: Ident


def _term(value: Any) -> Any:
    # Inside `earliest`/`latest` a bare name is an event of the subject: `[service_ended, consent_withdrawn]`.
    if isinstance(value, str) and value != "collected":
        return {"event": value}
    return value


Term = Annotated[Literal["collected"] | CalendarStart | EventStart | FieldDate, BeforeValidator(_term)]


class Earliest(Strict):
    """Whichever of these happens first ("two years after the end of the service or the withdrawal of
    consent, whichever is earlier"). Known as soon as one of them has happened."""

    earliest: tuple[Term, ...] = Field(min_length=2, max_length=6)


class Latest(Strict):
    """Whichever of these happens last: known only once all of them have happened."""

    latest: tuple[Term, ...] = Field(min_length=2, max_length=6)


Anchor = Literal["collected"] | CalendarStart | EventStart | FieldDate | Earliest | Latest


class Extension(Strict):
    by: PeriodField
    times: int = Field(default=1, ge=1, le=10)
    requires: Literal["subject_request", "subject_consent", "staff"] = "subject_request"


class Anonymise(Strict):
    keep: tuple[Ident, ...] = ()
    generalise_dates: Literal["year", "month", "none"] = "year"


class RetentionRule(Strict):
    label: TextField | None = None
    period: PeriodField | None = None
    # When the clock starts (the ceiling counts from here): one moment, or the earliest/latest of several.
    start: Anchor = "collected"
    # Open-ended: nothing expires until this moment (then `period` more, or at once); with a `start` too,
    # the period runs from whichever of the two comes last. `waarborg.engine.policy.anchors` compiles both.
    until: CalendarStart | EventStart | FieldDate | Earliest | Latest | None = None
    # The data goes at once when one of these events happens, even before the period has run out
    # (a relation that ends without agreement: S2-18).
    ends_early: tuple[EventStart, ...] = ()
    restart_on_new_record: bool = False  # S0-30: a new record of the purpose restarts every clock
    extension: Extension | None = None
    shorten_on_request: bool = False
    ceiling: PeriodField | None = None  # never longer than this after the start
    holds_allowed: bool = True
    action: Literal["delete", "anonymise"] = "delete"
    anonymise: Anonymise | None = None
    reason: Literal["necessity", "legal"] = "necessity"
    legal_ground: WordsField = Words()  # for reason=legal, e.g. "art. 52 AWR"
    justification: TextField | None = None  # why this period, in words

    def terms(self) -> list[tuple[tuple[str | int, ...], Any]]:
        """Every moment the rule waits for, with where it is written (for checks and for recomputing)."""
        found: list[tuple[tuple[str | int, ...], Any]] = []
        for key, anchor in (("start", self.start), ("until", self.until)):
            if isinstance(anchor, Earliest | Latest):
                how = "earliest" if isinstance(anchor, Earliest) else "latest"
                found.extend(((key, how, i), term) for i, term in enumerate(getattr(anchor, how)))
            elif anchor is not None:
                found.append(((key,), anchor))
        found.extend((("ends_early", i), term) for i, term in enumerate(self.ends_early))
        return found


class Calendar(Strict):
    label: TextField
    event: Ident | None = None  # org-level events of this name add dates
    dates: tuple[dt.date, ...] = ()
    # How the statement names the 1st, 2nd, ... date after collection ("de sluiting van de volgende ronde");
    # without it the statement says "de tweede <label> na het verzamelen".
    occurrences: tuple[TextField, ...] = ()


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
