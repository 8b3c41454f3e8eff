"""Checking a record's data against its record type, before anything is stored.

Minimisation (S0-04): a field the record type does not declare is refused, never silently kept.
Completeness (S0-06): a required field that is missing or empty is refused. Each declared type
has its own check (BSN 11-proof, IBAN mod-97 and Dutch postcode through python-stdnum; dates,
numbers, e-mail...). Values are normalised (compact BSN and IBAN, ISO dates) so that the stored
form does not depend on how a caller typed them.

Errors name the field (`data.iban`), never its value: messages end up in logs and responses.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.validators import URLValidator, validate_email, validate_ipv46_address
from django.utils import timezone
from stdnum import iban as stdnum_iban
from stdnum.exceptions import ValidationError as StdnumError
from stdnum.nl import bsn as stdnum_bsn
from stdnum.nl import postcode as stdnum_postcode

from waarborg.core import times
from waarborg.core.errors import Invalid
from waarborg.core.times import TOO_FAR_AHEAD, too_far_ahead
from waarborg.engine.policy.schema import Channel, FieldSpec, FieldType, Policy, SourceKind

# Imports of existing data may be back-dated; a time in the future beyond clock skew is a mistake.

REQUIRED = "Dit veld is verplicht. (This field is required.)"
UNDECLARED = ("Dit veld hoort niet bij dit soort gegevens; wij vragen niet meer dan nodig. "
              "(This field is not declared for this record type.)")
# A phone number as people write it: digits in groups separated by one space, hyphen, dot or slash, the area
# code perhaps in parentheses, a + in front for a country code ("+31 (0)6 1234 5678", "(0592) 123456").
_PHONE = re.compile(r"^(?:\+|00)?(?:\(0\)[ ]?)?(?:\(\d{1,5}\)[ ]?)?\d+(?:[ ./-]?(?:\(0\))?[ ]?\d+)*$")


class FieldError(ValueError):
    """A value that does not fit its declared type; the message never contains the value."""


def _text(value: Any, spec: FieldSpec) -> str:
    if not isinstance(value, str):
        raise FieldError("Verwacht tekst. (Expected text.)")
    value = value.strip()
    if len(value) > spec.max_length:
        raise FieldError(f"Maximaal {spec.max_length} tekens. (At most {spec.max_length} characters.)")
    return value


def _date(value: Any, spec: FieldSpec) -> str:
    if isinstance(value, datetime):
        raise FieldError("Verwacht een datum zonder tijd. (Expected a date without time.)")
    if isinstance(value, date):
        return value.isoformat()
    try:
        return times.parse_date(_text(value, spec)).isoformat()
    except times.TimeFormatError as exc:
        raise FieldError(str(exc)) from None


def _datetime(value: Any, spec: FieldSpec) -> str:
    # The platform's one time format (waarborg.core.times): RFC 3339 with an offset in, UTC with Z stored.
    if isinstance(value, datetime):
        if timezone.is_naive(value):
            raise FieldError(times.NO_OFFSET)
        return times.rfc3339(value)
    try:
        return times.rfc3339(times.parse(_text(value, spec)))
    except times.TimeFormatError as exc:
        raise FieldError(str(exc)) from None


def _integer(value: Any, spec: FieldSpec) -> int:
    if isinstance(value, bool):
        raise FieldError("Verwacht een geheel getal. (Expected an integer.)")
    if isinstance(value, int):
        return value
    if isinstance(value, str) and re.fullmatch(r"\s*-?\d{1,18}\s*", value):
        return int(value)
    raise FieldError("Verwacht een geheel getal. (Expected an integer.)")


def _decimal(value: Any, spec: FieldSpec) -> str:
    # Stored as a string: JSON floats would round amounts of money.
    if isinstance(value, bool) or not isinstance(value, (int, float, str, Decimal)):
        raise FieldError("Verwacht een getal. (Expected a number.)")
    try:
        number = Decimal(str(value).strip())
    except InvalidOperation:
        raise FieldError("Verwacht een getal, bijvoorbeeld 12.50. (Expected a number such as 12.50.)") from None
    if not number.is_finite():
        raise FieldError("Verwacht een eindig getal. (Expected a finite number.)")
    return str(number)


def _boolean(value: Any, spec: FieldSpec) -> bool:
    if isinstance(value, bool):
        return value
    raise FieldError("Verwacht true of false. (Expected true or false.)")


def _email(value: Any, spec: FieldSpec) -> str:
    text = _text(value, spec)
    try:
        validate_email(text)
    except DjangoValidationError:
        raise FieldError("Geen geldig e-mailadres. (Not a valid e-mail address.)") from None
    return text


def _phone(value: Any, spec: FieldSpec) -> str:
    text = _text(value, spec)
    if not _PHONE.match(text) or not 6 <= sum(c.isdigit() for c in text) <= 15:
        raise FieldError("Een telefoonnummer bestaat uit 6 tot 15 cijfers, eventueel met spaties, streepjes, punten, "
                         "schuine strepen, haakjes en + of 00 vooraan. (A phone number has 6 to 15 digits, perhaps "
                         "with spaces, hyphens, dots, slashes, parentheses and a leading + or 00.)")
    return text


def _stdnum(module: Any, message: str) -> Any:
    def check(value: Any, spec: FieldSpec) -> str:
        text = _text(value, spec)
        try:
            result: str = module.validate(text)
        except StdnumError:
            raise FieldError(message) from None
        return result
    return check


def _url(value: Any, spec: FieldSpec) -> str:
    text = _text(value, spec)
    try:
        URLValidator(schemes=["http", "https"])(text)
    except DjangoValidationError:
        raise FieldError("Geen geldige URL. (Not a valid URL.)") from None
    return text


def _ip(value: Any, spec: FieldSpec) -> str:
    text = _text(value, spec)
    try:
        validate_ipv46_address(text)
    except DjangoValidationError:
        raise FieldError("Geen geldig IP-adres. (Not a valid IP address.)") from None
    return text


def _choice(value: Any, spec: FieldSpec) -> str:
    text = _text(value, spec)
    if text not in spec.choices:
        raise FieldError(f"Kies uit: {', '.join(spec.choices)}. (Choose one of: {', '.join(spec.choices)}.)")
    return text


_CHECKS = {
    FieldType.TEXT: _text,
    FieldType.LONGTEXT: _text,
    FieldType.DATE: _date,
    FieldType.DATETIME: _datetime,
    FieldType.INTEGER: _integer,
    FieldType.DECIMAL: _decimal,
    FieldType.BOOLEAN: _boolean,
    FieldType.EMAIL: _email,
    FieldType.PHONE: _phone,
    FieldType.POSTCODE: _stdnum(stdnum_postcode, "Geen geldige Nederlandse postcode. (Not a valid Dutch postcode.)"),
    FieldType.BSN: _stdnum(stdnum_bsn, "Geen geldig BSN (elfproef). (Not a valid BSN: 11-proof fails.)"),
    FieldType.IBAN: _stdnum(stdnum_iban, "Geen geldig IBAN. (Not a valid IBAN.)"),
    FieldType.URL: _url,
    FieldType.IP: _ip,
    FieldType.CHOICE: _choice,
}


def check_value(spec: FieldSpec, value: Any) -> Any:
    """One value checked against its field spec, normalised; raises `FieldError`."""
    return _CHECKS[spec.type](value, spec)


def _empty(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def clean_data(policy: Policy, record_type: str, data: Any, *, partial: bool = False,
               prefix: str = "data") -> dict[str, Any]:
    """The record's data, checked and normalised; raises `Invalid` naming every bad field.

    With `partial` (a correction), only the given fields are checked; `null` clears an optional
    field (returned as None) but never a required one.
    """
    if not isinstance(data, dict):
        raise Invalid({prefix: ["Verwacht een object met velden. (Expected an object of fields.)"]})
    fields = policy.record_types[record_type].fields
    errors: dict[str, list[str]] = {}
    clean: dict[str, Any] = {}
    for name in data:
        if name not in fields:
            errors[f"{prefix}.{name}"] = [UNDECLARED]
    for name, spec in fields.items():
        if name not in data:
            if spec.required and not partial:
                errors[f"{prefix}.{name}"] = [REQUIRED]
            continue
        value = data[name]
        if _empty(value):
            if spec.required:
                errors[f"{prefix}.{name}"] = [REQUIRED]
            elif partial:
                clean[name] = None
            continue
        try:
            clean[name] = check_value(spec, value)
        except FieldError as exc:
            errors[f"{prefix}.{name}"] = [str(exc)]
    if errors:
        raise Invalid(errors)
    return clean


def check_bsn(value: str, field: str = "bsn") -> str:
    """A BSN that passes the 11-proof, compacted; raises `Invalid` without echoing it."""
    try:
        result: str = stdnum_bsn.validate(value)
    except StdnumError:
        raise Invalid({field: ["Geen geldig BSN (elfproef). (Not a valid BSN: 11-proof fails.)"]}) from None
    return result


def check_moment(value: datetime | None, field: str, now: datetime | None = None) -> datetime:
    """A collection (or event) time: the past is fine (imports), more than 5 minutes ahead is not."""
    now = now or timezone.now()
    if value is None:
        return now
    if timezone.is_naive(value):
        value = timezone.make_aware(value)
    if too_far_ahead(value, now):
        raise Invalid({field: [TOO_FAR_AHEAD]})
    return value


def check_provenance(policy: Policy, purpose: str, *, source_kind: str | None, source_detail: str,
                     channel: str, channel_detail: str) -> tuple[str, str, str, str]:
    """Where the data came from (S2-13, S4-01) and how it reached us (S0-03).

    Without a source, the purpose's first declared source (the statement's default) is recorded;
    a given source must be one of the kinds the policy language knows.
    """
    errors: dict[str, list[str]] = {}
    if source_kind is None:
        source_kind = policy.purposes[purpose].sources[0].value
    elif source_kind not in {s.value for s in SourceKind}:
        errors["source.kind"] = [f"Onbekende bron; kies uit {', '.join(s.value for s in SourceKind)}. "
                                 "(Unknown source kind.)"]
    if channel and channel not in {c.value for c in Channel}:
        errors["channel"] = [f"Onbekend kanaal; kies uit {', '.join(c.value for c in Channel)}. (Unknown channel.)"]
    if channel == Channel.INTERMEDIARY and not channel_detail.strip():
        errors["channel_detail"] = ["Noem de tussenpersoon via wie de gegevens kwamen. "
                                    "(Name the intermediary the data came through.)"]
    if len(source_detail) > 200:
        errors["source.detail"] = ["Maximaal 200 tekens. (At most 200 characters.)"]
    if len(channel_detail) > 200:
        errors["channel_detail"] = ["Maximaal 200 tekens. (At most 200 characters.)"]
    if errors:
        raise Invalid(errors)
    return source_kind, source_detail.strip(), channel, channel_detail.strip()
