"""A record is checked against its record type before anything is stored: no undeclared fields
(S0-04), no missing required fields (S0-06), and each value of its declared type."""

from __future__ import annotations

from typing import Any

import pytest

from tests.vault import factories
from waarborg.core.errors import Invalid
from waarborg.engine.records.actions import record_create
from waarborg.engine.vault.models import Assignment, Record


def _create(personas: Any, subject: Any, data: dict[str, Any], type: str = "application",
            purpose: str = "eligibility", who: str = "assessor") -> Record:
    return record_create(personas[who].user, subject=subject, type=type, data=data, purpose=purpose)


def _errors(personas: Any, subject: Any, data: dict[str, Any], **kwargs: Any) -> dict[str, list[str]]:
    with pytest.raises(Invalid) as caught:
        _create(personas, subject, data, **kwargs)
    return caught.value.errors


@pytest.mark.promise("S0-04")
def test_an_undeclared_field_is_refused_naming_the_field_and_nothing_is_stored(personas: Any, subject: Any) -> None:
    # Given an application with a field the record type does not declare
    data = factories.application(religion="protestant")
    # When it is stored, then the field is named and no record exists
    errors = _errors(personas, subject, data)
    assert list(errors) == ["data.religion"]
    assert not Record.objects.exists()


@pytest.mark.promise("S0-06")
@pytest.mark.parametrize("missing", ["address", "phone", "birth_date", "care_recipient_address"])
def test_an_application_without_a_required_field_is_refused(personas: Any, subject: Any, missing: str) -> None:
    errors = _errors(personas, subject, factories.application(**{missing: ...}))
    assert errors == {f"data.{missing}": ["Dit veld is verplicht. (This field is required.)"]}
    assert not Record.objects.exists()


@pytest.mark.promise("S0-06")
def test_an_empty_required_field_counts_as_missing(personas: Any, subject: Any) -> None:
    assert list(_errors(personas, subject, factories.application(phone="  "))) == ["data.phone"]


@pytest.mark.promise("S0-06")
def test_a_complete_application_is_stored_linked_to_the_applicant_and_an_edition(personas: Any, subject: Any) -> None:
    record = _create(personas, subject, factories.application())
    assert record.subject_id == subject.pk and record.purpose == "eligibility"
    assert record.plain["edition"] == 2025


@pytest.mark.parametrize(("type", "field", "value"), [
    ("application", "postcode", "94O1 AB"),
    ("application", "birth_date", "12-04-1961"),
    ("application", "email", "joke at example.nl"),
    ("application", "phone", "bel me maar"),
    ("application", "edition", "2025a"),
    ("application", "edition", True),
    ("application", "relationship", "collega"),
    ("application", "name", "x" * 2001),
    ("payout", "iban", "NL91ABNA0417164301"),
    ("payout", "amount", "twee euro"),
    ("event_registration", "attended", "ja"),
])
def test_a_value_of_the_wrong_type_is_refused_without_echoing_it(
        personas: Any, subject: Any, type: str, field: str, value: Any) -> None:
    data = {"application": factories.application(), "payout": dict(factories.PAYOUT),
            "event_registration": dict(factories.REGISTRATION)}[type]
    data[field] = value
    purpose = {"application": "eligibility", "payout": "payout", "event_registration": "events"}[type]
    who = "assessor"
    if type == "event_registration":
        who = "project_leader"
        Assignment.objects.create(subject=subject, purpose="events", user=personas[who].user)
    errors = _errors(personas, subject, data, type=type, purpose=purpose, who=who)
    assert list(errors) == [f"data.{field}"]
    assert str(value) not in " ".join(errors[f"data.{field}"])


def test_valid_typed_values_are_stored_in_a_normal_form(personas: Any, subject: Any) -> None:
    # IBAN with spaces and lower case, postcode without space, amount as a number
    payout = _create(personas, subject, {**factories.PAYOUT, "iban": "nl91 abna 0417 1643 00", "amount": 250.5},
                     type="payout", purpose="payout")
    application = _create(personas, subject, factories.application(postcode="9401ab", edition="2025"))
    from tests.vault.stored import record_data

    assert record_data(payout)["iban"] == "NL91ABNA0417164300"
    assert record_data(payout)["amount"] == "250.5"
    assert record_data(application)["postcode"] == "9401 AB"
    assert record_data(application)["edition"] == 2025


def test_a_bsn_field_is_checked_with_the_eleven_proof() -> None:
    from waarborg.engine.policy.schema import FieldSpec, FieldType
    from waarborg.engine.vault.validation import FieldError, check_value

    spec = FieldSpec(category="identity", type=FieldType.BSN)
    assert check_value(spec, "1112.22.333") == factories.VALID_BSN
    with pytest.raises(FieldError) as caught:
        check_value(spec, "123456789")
    assert "123456789" not in str(caught.value)


def test_data_that_is_not_an_object_is_refused(personas: Any, subject: Any) -> None:
    assert list(_errors(personas, subject, ["name"])) == ["data"]  # type: ignore[arg-type]


def test_an_unknown_record_type_is_refused(personas: Any, subject: Any) -> None:
    assert list(_errors(personas, subject, {}, type="diary")) == ["type"]
