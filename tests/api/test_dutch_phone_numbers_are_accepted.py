"""A phone field takes a number as people write it in the Netherlands: `06-12345678`, `(0592) 123456`,
`+31 (0)6 1234 5678`, `050.123.45.67`. A user trial had `06-12345678` refused with 422 by the shipped policy's
phone field. What is no phone number still gets 422 with the field named."""

from __future__ import annotations

from typing import Any

import pytest

from tests.vault.stored import record_data
from waarborg.engine.vault.models import Record

WRITTEN = ["06-12345678", "(0592) 123456", "+31 (0)6 1234 5678", "050.123.45.67", "0592-123 456", "+31 6 12345678",
           "0031 592 123456", "112"]


@pytest.mark.parametrize("phone", WRITTEN[:-1])
def test_a_phone_number_as_written_is_stored_as_written(personas: Any, application: Any, phone: str) -> None:
    answer = personas["assessor"].patch(f"/api/v1/records/{application.pk}", {"data": {"phone": phone}},
                                        format="json", HTTP_X_PURPOSE="eligibility")
    assert answer.status_code == 200, answer.content
    assert record_data(Record.objects.get(pk=application.pk))["phone"] == phone


@pytest.mark.parametrize("phone", ["bel mij", "06-123", "06-12345678 of 050-1234567", "0612345678901234567",
                                   "06--12345678x", "+-06 12345678"])
def test_what_is_no_phone_number_gets_422_naming_the_field(personas: Any, application: Any, phone: str) -> None:
    answer = personas["assessor"].patch(f"/api/v1/records/{application.pk}", {"data": {"phone": phone}},
                                        format="json", HTTP_X_PURPOSE="eligibility")
    assert answer.status_code == 422, answer.content
    assert "phone" in str(answer.json())
    assert record_data(Record.objects.get(pk=application.pk))["phone"] == "+31 6 12345678"
