"""A purpose resting on consent processes nothing without an active consent for that very purpose."""

from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import Persona, make_staff
from tests.consent.conftest import give, new_subject, read_record, refusals, write_record
from waarborg.engine.vault.models import Record


@pytest.fixture
def editor(policy: Any) -> Persona:
    """Seed 000's newsletter editor: may write newsletter subscriptions."""
    return Persona(*make_staff("nina", ["newsletter_editor"]))


@pytest.mark.promise("S0-19")
def test_a_newsletter_subscription_without_consent_is_refused_and_audited(editor: Persona) -> None:
    # Given a subject who never consented to the newsletter
    subject = new_subject()
    # When the editor stores the subscription anyway
    response = write_record(editor, subject, "newsletter_subscription", {"email": "a@example.nl"}, "newsletter")
    # Then it is refused with the reason, logged, and nothing is stored
    assert response.status_code == 403
    assert response.data["reason"] == "no_active_consent"
    assert refusals("no_active_consent", subject) == 1
    assert not Record.objects.filter(subject=subject).exists()


@pytest.mark.promise("S0-19")
def test_a_newsletter_subscription_with_consent_is_stored(editor: Persona, personas: Any) -> None:
    subject = new_subject()
    assert give(personas["privacy_officer"], subject, "newsletter", channel="website").status_code == 201
    response = write_record(editor, subject, "newsletter_subscription", {"email": "a@example.nl"}, "newsletter")
    assert response.status_code == 201
    assert Record.objects.filter(subject=subject, purpose="newsletter").count() == 1


@pytest.mark.promise("S3-06")
def test_consent_for_relationship_mail_does_not_cover_service_improvement(care: Any) -> None:
    # Given consent for relationship mailings only (both purposes rest on consent)
    subject = new_subject()
    assert give(care["communications"], subject, "relationship").status_code == 201
    # When feedback is stored for service improvement
    response = write_record(care["supporter"], subject, "feedback", {"remark": "Prima"}, "service_improvement")
    # Then it is refused: consent for A never covers B
    assert response.status_code == 403 and response.data["reason"] == "no_active_consent"
    assert refusals("no_active_consent", subject) == 1
    # And the register shows the consent under its one purpose only
    register = care["privacy_officer"].client.get("/api/v1/consents", {"subject": str(subject.pk)}).json()
    assert [row["purpose"] for row in register] == ["relationship"]


@pytest.mark.promise("S2-03")
def test_service_improvement_needs_the_clients_consent(care: Any) -> None:
    # Given two clients, one of whom consented to using general data to improve the service
    consenting, other = new_subject(), new_subject()
    assert give(care["supporter"], consenting, "service_improvement").status_code == 201
    # When feedback is stored for both
    ok = write_record(care["supporter"], consenting, "feedback", {"remark": "Snel geholpen"}, "service_improvement")
    forced = write_record(care["supporter"], other, "feedback", {"remark": "Snel geholpen"}, "service_improvement")
    # Then only the consenting client's is; the forced attempt is refused and logged
    assert ok.status_code == 201
    assert forced.status_code == 403 and forced.data["reason"] == "no_active_consent"
    assert refusals("no_active_consent", other) == 1


@pytest.mark.promise("S2-03")
def test_reading_for_a_consent_purpose_stops_when_there_is_no_consent_any_more(care: Any) -> None:
    subject = new_subject()
    consent = give(care["supporter"], subject, "service_improvement").json()
    record = write_record(care["supporter"], subject, "feedback", {"remark": "Prima"}, "service_improvement")
    assert read_record(care["supporter"], record.data["id"], "service_improvement").status_code == 200
    care["supporter"].client.post(f"/api/v1/consents/{consent['id']}/withdraw", {}, format="json")
    again = read_record(care["supporter"], record.data["id"], "service_improvement")
    assert again.status_code == 403 and again.data["reason"] == "no_active_consent"
