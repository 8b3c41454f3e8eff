"""Refusals and validation errors never carry personal data into log lines or answers."""

from __future__ import annotations

import logging
from typing import Any

import pytest

from tests.vault import factories


@pytest.mark.promise("S0-21")
def test_invalid_and_refused_requests_log_no_values(personas: Any, subject: Any,
                                                    caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    data = factories.application(postcode="99999 ZZ", iban="NL91ABNA0417164300", birth_date="01-02-1961")
    body = {"subject": str(subject.pk), "type": "application", "data": data}
    invalid = personas["assessor"].post("/api/v1/records", body, format="json", HTTP_X_PURPOSE="eligibility")
    refused = personas["outsider"].post("/api/v1/records", body, format="json", HTTP_X_PURPOSE="eligibility")
    assert (invalid.status_code, refused.status_code) == (422, 403)
    logged = caplog.text + invalid.content.decode() + refused.content.decode()
    assert [v for v in ("99999 ZZ", "NL91ABNA0417164300", "01-02-1961", "Joke de Vries") if v in logged] == []
    assert "data.postcode" in logged  # the field is named
