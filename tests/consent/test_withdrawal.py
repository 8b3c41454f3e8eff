"""Withdrawing consent: possible at any time, effective at once, and kept as proof."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import pytest
import time_machine
from django.utils import timezone

from tests.conftest import Persona, make_staff
from tests.consent.conftest import audited, give, new_subject, refusals, write_record
from waarborg.engine.consent.models import Consent


@pytest.fixture
def editor(policy: Any) -> Persona:
    return Persona(*make_staff("nina", ["newsletter_editor"]))


def test_withdrawing_needs_authentication_and_a_role(care: Any, anonymous: Any) -> None:
    subject = new_subject()
    consent = give(care["supporter"], subject, "service_improvement").json()
    url = f"/api/v1/consents/{consent['id']}/withdraw"
    assert anonymous.post(url, {}, format="json").status_code == 401
    refused = care["outsider"].client.post(url, {}, format="json")
    assert refused.status_code == 403 and refused.json()["reason"] == "role_not_granted"
    assert refusals("role_not_granted", subject) == 1
    assert Consent.objects.get(pk=consent["id"]).status == "active"


def test_withdrawing_an_unknown_consent_is_not_found(care: Any) -> None:
    url = "/api/v1/consents/00000000-0000-0000-0000-000000000000/withdraw"
    assert care["privacy_officer"].client.post(url, {}, format="json").status_code == 404


@pytest.mark.promise("S0-20", "S1-22")
def test_after_withdrawal_the_newsletter_stops_at_once(editor: Persona, personas: Any) -> None:
    # Given a subscriber who consented on 1 March at 10:00
    subject = new_subject()
    start = datetime(2026, 3, 1, 10, 0, tzinfo=timezone.get_current_timezone())
    with time_machine.travel(start, tick=False) as clock:
        consent = give(personas["privacy_officer"], subject, "newsletter", channel="website").json()
        assert write_record(editor, subject, "newsletter_subscription", {"email": "a@example.nl"},
                            "newsletter").status_code == 201
        # When the consent is withdrawn two hours later
        clock.shift(timedelta(hours=2))
        response = personas["privacy_officer"].client.post(f"/api/v1/consents/{consent['id']}/withdraw",
                                                          {"channel": "email"}, format="json")
    # Then the withdrawal is registered with its time, and processing for the purpose stops at once
    assert response.status_code == 200
    assert response.json()["status"] == "withdrawn"
    assert datetime.fromisoformat(response.json()["withdrawn_at"]) == start + timedelta(hours=2)
    again = write_record(editor, subject, "newsletter_subscription", {"email": "b@example.nl"}, "newsletter")
    assert again.status_code == 403 and again.data["reason"] == "no_active_consent"
    selection = personas["privacy_officer"].client.post(
        "/api/v1/mailings/selection", {"purpose": "newsletter", "subjects": [str(subject.pk)]}, format="json")
    assert selection.json()["included"] == []
    assert selection.json()["excluded"] == [{"subject": str(subject.pk), "reason": "no_active_consent"}]
    # And the withdrawal is logged
    assert [e.detail["channel"] for e in audited("consent.withdraw", subject)] == ["email"]


@pytest.mark.promise("S2-29", "S0-26")
def test_a_withdrawn_consent_stays_in_the_register_as_proof(care: Any) -> None:
    subject = new_subject()
    consent = give(care["supporter"], subject, "service_improvement").json()
    care["supporter"].client.post(f"/api/v1/consents/{consent['id']}/withdraw", {}, format="json")
    register = care["privacy_officer"].client.get("/api/v1/consents", {"subject": str(subject.pk)}).json()
    assert len(register) == 1
    row = register[0]
    assert row["status"] == "withdrawn" and row["given_at"] and row["withdrawn_at"]
    assert row["given_at"] <= row["withdrawn_at"]
    refused = write_record(care["supporter"], subject, "feedback", {"remark": "x"}, "service_improvement")
    assert refused.status_code == 403 and refused.data["reason"] == "no_active_consent"


@pytest.mark.promise("S2-29")
def test_withdrawing_twice_changes_nothing(care: Any) -> None:
    subject = new_subject()
    consent = give(care["supporter"], subject, "service_improvement").json()
    url = f"/api/v1/consents/{consent['id']}/withdraw"
    first = care["supporter"].client.post(url, {}, format="json").json()
    second = care["supporter"].client.post(url, {}, format="json")
    assert second.status_code == 200 and second.json()["withdrawn_at"] == first["withdrawn_at"]
    assert len(audited("consent.withdraw", subject)) == 1


def test_a_new_consent_after_withdrawal_allows_processing_again(care: Any) -> None:
    subject = new_subject()
    consent = give(care["supporter"], subject, "service_improvement").json()
    care["supporter"].client.post(f"/api/v1/consents/{consent['id']}/withdraw", {}, format="json")
    assert give(care["supporter"], subject, "service_improvement").status_code == 201
    response = write_record(care["supporter"], subject, "feedback", {"remark": "x"}, "service_improvement")
    assert response.status_code == 201
