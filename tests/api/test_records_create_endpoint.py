"""POST /api/v1/records: a record of a record type, under its purpose, checked field by field."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from tests.api.conftest import refused_entry
from tests.vault import factories
from waarborg.engine.vault.models import Record

URL = "/api/v1/records"


def _body(who: Any, **changes: Any) -> dict[str, Any]:
    return {"subject": str(who.pk), "type": "application", "data": factories.application(), **changes}


def test_unauthenticated_callers_get_401(anonymous: Any, subject: Any) -> None:
    response = anonymous.post(URL, _body(subject), format="json", HTTP_X_PURPOSE="eligibility")
    assert response.status_code == 401
    assert not Record.objects.exists()


@pytest.mark.promise("S0-22", "S4-07", "S3-19")
def test_a_role_without_write_access_gets_403_and_the_attempt_is_logged(personas: Any, subject: Any) -> None:
    caseworker = personas["caseworker"]
    response = caseworker.post(URL, _body(subject), format="json", HTTP_X_PURPOSE="eligibility")
    assert response.status_code == 403
    assert response.json() == {"reason": "role_not_granted", "detail": response.json()["detail"]}
    entry = refused_entry(caseworker)
    assert (entry.action, entry.purpose, entry.reason) == ("write.refused", "eligibility", "role_not_granted")
    assert not Record.objects.exists()


def test_without_a_purpose_the_request_is_malformed(personas: Any, subject: Any) -> None:
    response = personas["assessor"].post(URL, _body(subject), format="json")
    assert response.status_code == 400
    # for writes the query parameter does not count: the header names the purpose
    assert personas["assessor"].post(f"{URL}?purpose=eligibility", _body(subject), format="json").status_code == 400


@pytest.mark.promise("S0-24")
def test_a_record_is_created_and_the_creation_is_logged(personas: Any, subject: Any) -> None:
    response = personas["assessor"].post(
        URL, _body(subject, channel="phone", source={"kind": "representative", "detail": "zoon"}),
        format="json", HTTP_X_PURPOSE="eligibility")
    assert response.status_code == 201
    body = response.json()
    assert set(body) == {"id", "type", "purpose", "expires_at"}
    assert (body["type"], body["purpose"]) == ("application", "eligibility")
    record = Record.objects.get(pk=body["id"])
    assert (record.subject_id, record.source_kind, record.channel) == (subject.pk, "representative", "phone")
    entry = factories.last_entry(action="record.create")
    assert (entry.actor, entry.purpose, entry.record_id, entry.outcome) == ("anna", "eligibility", body["id"], "ok")
    assert entry.subject_pseudonym and entry.at


@pytest.mark.promise("S0-04")
def test_an_undeclared_field_gets_422_naming_it(personas: Any, subject: Any) -> None:
    data = factories.application(bsn=factories.VALID_BSN)
    response = personas["assessor"].post(URL, _body(subject, data=data), format="json", HTTP_X_PURPOSE="eligibility")
    assert response.status_code == 422
    assert list(response.json()["errors"]) == ["data.bsn"]
    assert factories.VALID_BSN not in response.content.decode()
    assert not Record.objects.exists()


@pytest.mark.promise("S0-06")
def test_a_missing_required_field_gets_422(personas: Any, subject: Any) -> None:
    data = factories.application(care_recipient_address=...)
    response = personas["assessor"].post(URL, _body(subject, data=data), format="json", HTTP_X_PURPOSE="eligibility")
    assert response.status_code == 422
    assert response.json() == {"errors": {"data.care_recipient_address": ["Dit veld is verplicht. "
                                                                          "(This field is required.)"]}}


def test_an_invalid_iban_gets_422(personas: Any, subject: Any) -> None:
    body = {"subject": str(subject.pk), "type": "payout", "data": {**factories.PAYOUT, "iban": "NL00BANK0123456789"}}
    response = personas["assessor"].post(URL, body, format="json", HTTP_X_PURPOSE="payout")
    assert response.status_code == 422 and list(response.json()["errors"]) == ["data.iban"]


@pytest.mark.promise("S0-03")
def test_an_intermediary_must_be_named(personas: Any, subject: Any) -> None:
    assessor = personas["assessor"]
    response = assessor.post(URL, _body(subject, channel="intermediary"), format="json", HTTP_X_PURPOSE="eligibility")
    assert response.status_code == 422 and list(response.json()["errors"]) == ["channel_detail"]
    response = assessor.post(URL, _body(subject, channel="intermediary", channel_detail="Humanitas Assen"),
                             format="json", HTTP_X_PURPOSE="eligibility")
    assert response.status_code == 201
    assert Record.objects.get().channel_detail == "Humanitas Assen"


def test_collected_at_may_lie_in_the_past_but_not_ahead(personas: Any, subject: Any) -> None:
    assessor = personas["assessor"]
    past = (timezone.now() - timedelta(days=30)).isoformat()
    assert assessor.post(URL, _body(subject, collected_at=past), format="json",
                         HTTP_X_PURPOSE="eligibility").status_code == 201
    ahead = (timezone.now() + timedelta(minutes=10)).isoformat()
    response = assessor.post(URL, _body(subject, collected_at=ahead), format="json", HTTP_X_PURPOSE="eligibility")
    assert response.status_code == 422 and list(response.json()["errors"]) == ["collected_at"]


def test_an_unknown_subject_or_type_gets_422(personas: Any, subject: Any) -> None:
    assessor = personas["assessor"]
    body = _body(subject, subject="00000000-0000-0000-0000-000000000000")
    assert assessor.post(URL, body, format="json", HTTP_X_PURPOSE="eligibility").json()["errors"] == {
        "subject": ["Onbekende betrokkene. (Unknown subject.)"]}
    response = assessor.post(URL, _body(subject, type="diary"), format="json", HTTP_X_PURPOSE="eligibility")
    assert response.status_code == 422 and list(response.json()["errors"]) == ["type"]


def test_a_body_without_the_required_members_gets_422(personas: Any) -> None:
    response = personas["assessor"].post(URL, {}, format="json", HTTP_X_PURPOSE="eligibility")
    assert response.status_code == 422
    assert set(response.json()["errors"]) == {"subject", "type", "data"}


def test_a_body_over_one_megabyte_gets_413(personas: Any, subject: Any) -> None:
    data = factories.application(name="x" * (1024 * 1024))
    response = personas["assessor"].post(URL, _body(subject, data=data), format="json", HTTP_X_PURPOSE="eligibility")
    assert response.status_code == 413
    assert not Record.objects.exists()


def test_malformed_json_gets_400(personas: Any) -> None:
    response = personas["assessor"].post(URL, "{not json", content_type="application/json",
                                         HTTP_X_PURPOSE="eligibility")
    assert response.status_code == 400
