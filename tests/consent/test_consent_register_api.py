"""POST consents: who may register a consent, and what the register keeps as proof."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import pytest
from django.utils import timezone

from tests.consent.conftest import audited, give, new_subject, refusals
from waarborg.engine.consent.models import Consent


def test_registering_a_consent_needs_authentication(care: Any, anonymous: Any) -> None:
    subject = new_subject()
    response = anonymous.post("/api/v1/consents", {"subject": str(subject.pk), "purpose": "service_improvement"},
                              format="json")
    assert response.status_code == 401
    assert Consent.objects.count() == 0


def test_staff_without_a_role_for_the_purpose_are_refused_and_audited(care: Any) -> None:
    subject = new_subject()
    response = give(care["outsider"], subject, "service_improvement")
    assert response.status_code == 403
    assert response.json()["reason"] == "role_not_granted"
    assert refusals("role_not_granted", subject) == 1
    assert Consent.objects.count() == 0


def test_staff_with_a_role_on_another_purpose_are_refused(care: Any) -> None:
    # communications may write `relationship`, not `service_improvement`
    response = give(care["communications"], new_subject(), "service_improvement")
    assert response.status_code == 403 and response.json()["reason"] == "role_not_granted"


@pytest.mark.promise("S2-05", "S0-26")
def test_a_signed_consent_statement_is_kept_with_signer_date_scope_and_document(care: Any) -> None:
    # Given an adult client
    subject = new_subject(birth_date=timezone.localdate().replace(year=1980))
    given_at = timezone.now() - timedelta(days=2)
    # When the supporter registers the signed toestemmingsverklaring
    response = give(care["supporter"], subject, "client_support", given_at=given_at.isoformat(), channel="in_person",
                    signatories=[{"role": "self", "name": "Jan Jansen"}],
                    evidence={"document": "TV-2024-0042", "scope": ["general", "special"], "text_version": "2.2"})
    # Then it is active and the register holds signer, date, scope, document and versions
    assert response.status_code == 201
    body = response.json()
    assert body["status"] == "active" and body["id"]
    shown = care["privacy_officer"].client.get(f"/api/v1/consents/{body['id']}").json()
    assert shown["signatories"] == [{"role": "self", "name": "Jan Jansen"}]
    assert shown["evidence"] == {"document": "TV-2024-0042", "scope": ["general", "special"]}
    assert datetime.fromisoformat(shown["given_at"]) == given_at
    assert shown["statement_version"] == "2.2" and shown["text_version"] == "2.2"
    assert shown["policy_version"] >= 1 and shown["channel"] == "in_person"
    # And the audit log has the entry, without the signer's name
    entry = audited("consent.give", subject)[0]
    assert entry.detail["scope"] == ["general", "special"] and "Jan Jansen" not in str(entry.detail)


@pytest.mark.promise("S2-05")
def test_consent_for_special_data_without_a_signed_document_is_invalid(care: Any) -> None:
    response = give(care["supporter"], new_subject(), "client_support", evidence={"scope": ["special"]})
    assert response.status_code == 422
    assert "evidence.document" in response.json()["errors"]
    assert Consent.objects.count() == 0


def test_consent_for_an_unknown_purpose_is_refused_and_one_in_the_future_is_invalid(care: Any) -> None:
    subject = new_subject()
    unknown = give(care["privacy_officer"], subject, "astrology")
    future = give(care["supporter"], subject, "service_improvement",
                  given_at=(timezone.now() + timedelta(hours=1)).isoformat())
    assert unknown.status_code == 403 and unknown.json()["reason"] == "unknown_purpose"
    assert refusals("unknown_purpose", subject) == 1
    assert future.status_code == 422 and "given_at" in future.json()["errors"]
    assert Consent.objects.count() == 0


def test_an_unknown_subject_is_invalid(care: Any) -> None:
    response = care["supporter"].client.post(
        "/api/v1/consents", {"subject": "00000000-0000-0000-0000-000000000000", "purpose": "service_improvement"},
        format="json")
    assert response.status_code == 422 and "subject" in response.json()["errors"]
