"""Opt-out of service information: left out of such mailings until the person reverses it."""

from __future__ import annotations

from typing import Any

import pytest

from tests.consent.conftest import audited, give, new_subject, refusals, write_record
from waarborg.engine.consent.eligibility import eligible_subjects


def test_opting_out_needs_authentication_and_a_role(care: Any, anonymous: Any) -> None:
    subject = new_subject()
    body = {"subject": str(subject.pk), "purpose": "relationship"}
    assert anonymous.post("/api/v1/optouts", body, format="json").status_code == 401
    refused = care["supporter"].client.post("/api/v1/optouts", body, format="json")
    assert refused.status_code == 403 and refused.json()["reason"] == "role_not_granted"
    assert refusals("role_not_granted", subject) == 1


def test_only_service_information_can_be_opted_out_of(care: Any) -> None:
    subject = new_subject()
    response = care["privacy_officer"].client.post(
        "/api/v1/optouts", {"subject": str(subject.pk), "purpose": "client_support"}, format="json")
    assert response.status_code == 403 and response.json()["reason"] == "not_service_information"
    assert refusals("not_service_information", subject) == 1


@pytest.mark.promise("S2-28")
def test_an_opted_out_person_is_left_out_until_they_reverse_it(care: Any) -> None:
    # Given a client who consented to relationship mail and then wrote that they want no service information
    subject = new_subject()
    give(care["communications"], subject, "relationship")
    optout = care["communications"].client.post(
        "/api/v1/optouts", {"subject": str(subject.pk), "purpose": "relationship", "channel": "post"}, format="json")
    assert optout.status_code == 201
    # Then every service-information mailing leaves them out, and a forced attempt is refused and logged
    assert eligible_subjects("relationship", [subject.pk]) == []
    forced = write_record(care["communications"], subject, "contact_card", {"email": "k@example.nl"}, "relationship")
    assert forced.status_code == 403 and forced.data["reason"] == "opted_out"
    assert refusals("opted_out", subject) == 1
    # When they reverse it themselves (recorded by staff, with the channel it came in by)
    reverse = care["communications"].client.post(f"/api/v1/optouts/{optout.json()['id']}/reverse",
                                                 {"channel": "email"}, format="json")
    assert reverse.status_code == 200 and reverse.json()["status"] == "reversed"
    # Then they are included again
    assert eligible_subjects("relationship", [subject.pk]) == [str(subject.pk)]
    assert [len(audited(a, subject)) for a in ("optout.set", "optout.reverse")] == [1, 1]
