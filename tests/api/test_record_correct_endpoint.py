"""PATCH /api/v1/records/{id}: correct fields; old and new values go to the audit log, sealed (S4-12)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.api.conftest import refused_entry
from tests.vault import factories
from tests.vault.stored import record_data
from waarborg.engine.audit.log import open_changes
from waarborg.engine.vault.models import Record


def url(record: Any) -> str:
    return f"/api/v1/records/{record.pk}"


def _stored(record: Any) -> dict[str, Any]:
    return record_data(Record.objects.get(pk=record.pk))


def test_unauthenticated_callers_get_401(anonymous: Any, application: Any) -> None:
    response = anonymous.patch(url(application), {"data": {"phone": "0592 123456"}}, format="json",
                               HTTP_X_PURPOSE="eligibility")
    assert response.status_code == 401
    assert _stored(application)["phone"] == "+31 6 12345678"


@pytest.mark.promise("S4-12", "S3-19", "S0-22")
def test_a_role_without_write_access_gets_403_changes_nothing_and_is_logged(
        personas: Any, application: Any) -> None:
    officer = personas["privacy_officer"]  # reads eligibility, but may not write it
    response = officer.patch(url(application), {"data": {"phone": "0592 123456"}}, format="json",
                             HTTP_X_PURPOSE="eligibility")
    assert response.status_code == 403 and response.json()["reason"] == "role_not_granted"
    assert refused_entry(officer).action == "write.refused"
    assert _stored(application)["phone"] == "+31 6 12345678"


@pytest.mark.promise("S4-12", "S0-24")
def test_a_correction_is_stored_and_the_audit_log_keeps_old_and_new(personas: Any, application: Any) -> None:
    response = personas["assessor"].patch(url(application), {"data": {"address": "Kerklaan 3, Assen"}},
                                          format="json", HTTP_X_PURPOSE="eligibility")
    assert response.status_code == 200
    assert response.json()["id"] == str(application.pk) and response.json()["corrected"] == ["address"]
    assert _stored(application)["address"] == "Kerklaan 3, Assen"
    entry = factories.last_entry(action="record.update")
    assert (entry.actor, entry.purpose, entry.record_id) == ("anna", "eligibility", str(application.pk))
    assert open_changes(entry) == {"old": {"address": "Kerkstraat 17, Assen"}, "new": {"address": "Kerklaan 3, Assen"}}
    assert "Kerk" not in str(entry.detail)


def test_the_purpose_must_be_named_in_the_header(personas: Any, application: Any) -> None:
    response = personas["assessor"].patch(f"{url(application)}?purpose=eligibility",
                                          {"data": {"phone": "0592 123456"}}, format="json")
    assert response.status_code == 400


def test_an_unknown_record_gets_404(personas: Any, policy: Any) -> None:
    response = personas["assessor"].patch("/api/v1/records/00000000-0000-0000-0000-000000000000",
                                          {"data": {"phone": "0592 123456"}}, format="json",
                                          HTTP_X_PURPOSE="eligibility")
    assert response.status_code == 404


@pytest.mark.promise("S0-04")
def test_a_correction_with_an_undeclared_field_gets_422(personas: Any, application: Any) -> None:
    response = personas["assessor"].patch(url(application), {"data": {"nationality": "NL"}}, format="json",
                                          HTTP_X_PURPOSE="eligibility")
    assert response.status_code == 422 and list(response.json()["errors"]) == ["data.nationality"]
    assert not factories.entries(action="record.update")
