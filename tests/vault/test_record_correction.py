"""Correcting a record (rectification): the change is checked like a write, and the audit log keeps
who, when, and the old and new values, sealed (S4-12)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.vault import factories
from tests.vault.stored import record_data
from waarborg.core.errors import Invalid, Refused
from waarborg.engine.audit.log import open_changes
from waarborg.engine.records.actions import record_update
from waarborg.engine.vault.models import Record


@pytest.mark.promise("S4-12")
def test_a_correction_keeps_old_and_new_values_sealed_in_the_audit_log(personas: Any, application: Any) -> None:
    # When the assessor corrects the phone number and the hours of care
    record_update(personas["assessor"].user, application, "eligibility",
                  {"phone": "0592 123456", "hours_per_week": 20})
    # Then the record holds the new values
    stored = Record.objects.get(pk=application.pk)
    assert record_data(stored)["phone"] == "0592 123456" and stored.plain["hours_per_week"] == 20
    # And the audit entry names who and which fields, with the values only in the sealed part
    entry = factories.last_entry(action="record.update")
    assert (entry.actor, entry.purpose, entry.detail["fields"]) == ("anna", "eligibility",
                                                                    ["hours_per_week", "phone"])
    assert "0592" not in str(entry.detail) and b"0592" not in bytes(entry.sealed)
    assert open_changes(entry) == {"old": {"phone": "+31 6 12345678", "hours_per_week": 12},
                                   "new": {"phone": "0592 123456", "hours_per_week": 20}}


@pytest.mark.promise("S4-12")
def test_an_unauthorised_correction_changes_nothing_and_is_logged(personas: Any, application: Any) -> None:
    with pytest.raises(Refused):
        record_update(personas["caseworker"].user, application, "eligibility", {"phone": "0592 123456"})
    assert record_data(Record.objects.get(pk=application.pk))["phone"] == "+31 6 12345678"
    entry = factories.last_entry(outcome="refused")
    assert (entry.actor, entry.action, entry.reason) == ("carl", "write.refused", "role_not_granted")
    assert not factories.entries(action="record.update")


def test_an_optional_field_can_be_cleared_but_a_required_one_cannot(personas: Any, application: Any) -> None:
    assessor = personas["assessor"].user
    record_update(assessor, application, "eligibility", {"email": None})
    assert "email" not in record_data(Record.objects.get(pk=application.pk))
    with pytest.raises(Invalid) as caught:
        record_update(assessor, application, "eligibility", {"phone": None, "hobby": "tuinieren"})
    assert set(caught.value.errors) == {"data.phone", "data.hobby"}


def test_a_correction_is_checked_against_the_field_type(personas: Any, application: Any) -> None:
    with pytest.raises(Invalid) as caught:
        record_update(personas["assessor"].user, application, "eligibility", {"postcode": "ABCD 12"})
    assert list(caught.value.errors) == ["data.postcode"]
