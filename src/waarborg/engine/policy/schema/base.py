"""The building blocks of the policy language: identifiers, periods, frozen mappings, texts in both languages,
and the fixed vocabularies (legal bases, article 9 conditions, sources, channels, actions, field types).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from enum import StrEnum
from types import MappingProxyType
from typing import Annotated, Any, TypeVar

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    PlainValidator,
    WrapSerializer,
)

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
