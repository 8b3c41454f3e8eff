"""S4-19, S4-20, S3-21: notices name *their* leaked data and both kinds of measures; high risk needs everyone."""

from __future__ import annotations

from typing import Any

import pytest

from tests.breaches.conftest import applicant, register

MEASURES = {"measures_taken": "De ontvanger heeft de e-mail verwijderd en dat bevestigd.",
            "measures_subject_can_take": "Let op phishing-mails die uw naam en adres gebruiken."}


def a_breach_with_two_people(officer: Any, personas: Any, risk: str = "high", **assessment: Any) -> tuple[str, Any,
                                                                                                       Any]:
    from waarborg.engine.records.actions import record_create, subject_create

    applicant_person = applicant(personas["assessor"].user)
    helpdesk_person = subject_create(personas["caseworker"].user)
    record_create(personas["caseworker"].user, subject=helpdesk_person, type="helpdesk_ticket", purpose="helpdesk",
                  data={"question": "Vraag", "email": "b@example.nl"})
    breach_id = register(officer, categories=["contact", "address", "message"]).json()["id"]
    officer.client.post(f"/api/v1/breaches/{breach_id}/subjects",
                        {"categories": ["contact", "address", "message"]}, format="json")
    officer.client.post(f"/api/v1/breaches/{breach_id}/assess", {"risk": risk, **assessment}, format="json")
    return breach_id, applicant_person, helpdesk_person


def test_sending_notices_needs_the_breach_role(officer: Any, personas: Any, anonymous: Any) -> None:
    breach_id = register(officer).json()["id"]
    assert anonymous.post(f"/api/v1/breaches/{breach_id}/notices").status_code == 401
    response = personas["caseworker"].client.post(f"/api/v1/breaches/{breach_id}/notices")
    assert response.status_code == 403 and response.json()["reason"] == "role_not_granted"


@pytest.mark.promise("S4-20")
@pytest.mark.parametrize("missing", ["measures_taken", "measures_subject_can_take"])
def test_no_notice_goes_out_without_both_kinds_of_measures(officer: Any, personas: Any, missing: str) -> None:
    from waarborg.engine.breaches.models import AffectedSubject

    filled = {k: v for k, v in MEASURES.items() if k != missing}
    breach_id, _, _ = a_breach_with_two_people(officer, personas, **filled)
    response = officer.client.post(f"/api/v1/breaches/{breach_id}/notices")
    assert response.status_code == 422 and list(response.json()["errors"]) == [missing]
    assert not AffectedSubject.objects.filter(notified_at__isnull=False).exists()


@pytest.mark.promise("S4-19", "S4-20")
def test_each_person_is_told_what_happened_and_which_of_their_data_leaked(officer: Any, personas: Any) -> None:
    breach_id, applicant_person, helpdesk_person = a_breach_with_two_people(officer, personas, **MEASURES)
    response = officer.client.post(f"/api/v1/breaches/{breach_id}/notices", {"channel": "letter"}, format="json")
    assert response.status_code == 200 and response.json()["sent"] == 2

    notices = {a["subject"]: a["notice"] for a in response.json()["affected"]}
    mine = notices[str(applicant_person.pk)]
    theirs = notices[str(helpdesk_person.pk)]
    assert mine["what_happened"] == "Mail met aanvragen naar verkeerde ontvanger" and mine["channel"] == "letter"
    assert [d["category"] for d in mine["your_data"]] == ["address", "contact"]
    assert [d["category"] for d in theirs["your_data"]] == ["contact", "message"]
    assert mine["your_data"][0]["label"] == "Adresgegevens"
    assert (mine["measures_taken"], mine["measures_you_can_take"]) == (
        MEASURES["measures_taken"], MEASURES["measures_subject_can_take"])


@pytest.mark.promise("S3-21")
def test_a_high_risk_breach_cannot_close_until_everyone_is_notified(officer: Any, personas: Any) -> None:
    breach_id, _, _ = a_breach_with_two_people(officer, personas, **MEASURES)
    officer.client.post(f"/api/v1/breaches/{breach_id}/authority-notifications", {}, format="json")

    refused = officer.client.post(f"/api/v1/breaches/{breach_id}/close", {}, format="json")
    assert refused.status_code == 409 and "2" in refused.json()["detail"]

    # Neither has a portal account: a portal notice would reach nobody, so nobody counts as told.
    portal = officer.client.post(f"/api/v1/breaches/{breach_id}/notices", {"channel": "portal"}, format="json")
    assert portal.json()["sent"] == 0 and portal.json()["unreachable"]["count"] == 2
    assert officer.client.post(f"/api/v1/breaches/{breach_id}/close", {}, format="json").status_code == 409

    officer.client.post(f"/api/v1/breaches/{breach_id}/notices", {"channel": "letter"}, format="json")
    closed = officer.client.post(f"/api/v1/breaches/{breach_id}/close", {"reasoning": "Afgehandeld"}, format="json")
    assert closed.status_code == 200 and closed.json()["status"] == "closed"


@pytest.mark.promise("S3-21")
def test_a_low_risk_breach_closes_with_the_ap_report_only(officer: Any, personas: Any) -> None:
    breach_id, _, _ = a_breach_with_two_people(officer, personas, risk="low")
    assert officer.client.post(f"/api/v1/breaches/{breach_id}/close", {}, format="json").status_code == 409
    officer.client.post(f"/api/v1/breaches/{breach_id}/authority-notifications", {}, format="json")
    closed = officer.client.post(f"/api/v1/breaches/{breach_id}/close", {}, format="json")
    assert closed.status_code == 200 and closed.json()["status"] == "closed"
    assert all(a["notified_at"] is None for a in closed.json()["affected"])
