"""S4-17: a resident can complain to Kwartier about how their personal data is used; the complaint is
registered, followed in the complaints register and closed with an answer that names the Autoriteit
Persoonsgegevens.

The resident phones or writes (Kwartier takes requests by e-mail, post, in person and phone); the privacy
officer registers and handles the complaint through the REST API, all on the shipped policy."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from tests.kwartier.conftest import audit_log, intake

AP = "https://www.autoriteitpersoonsgegevens.nl"
CONTACT = "privacy@kwartierzorgenwelzijn.nl"


def _register(officer: Any) -> list[dict[str, Any]]:
    answer = officer.get("/api/v1/complaints")
    assert answer.status_code == 200
    return list(answer.json())


@pytest.mark.promise("S4-17")
def test_a_complaint_by_phone_is_registered_answered_and_closed(kwartier: dict[str, Any]) -> None:
    worker, officer = kwartier["worker"], kwartier["privacy_officer"]
    client = intake(worker)
    # given a client who phones the privacy officer with a complaint
    filed = officer.post("/api/v1/requests", {"subject": client, "type": "complaint", "channel": "phone",
                                              "details": "Mijn buurvrouw wist van mijn hulpvraag; hoe kan dat?"},
                         format="json")
    assert filed.status_code == 201, filed.content
    # then it is in the complaints register as received, with the date it must be answered by
    [row] = _register(officer)
    assert (row["id"], row["type"], row["channel"], row["status"]) == (filed.json()["id"], "complaint", "phone",
                                                                       "received")
    assert row["due_at"]
    # when the privacy officer answers and closes it as resolved
    answered = officer.post(f"/api/v1/requests/{row['id']}/answer", {
        "nl": "Wij hebben uitgezocht hoe dit kon en de medewerker aangesproken.",
        "en": "We looked into how this happened and spoke to the staff member."}, format="json")
    assert answered.status_code == 200
    closed = officer.post(f"/api/v1/requests/{row['id']}/close", {"outcome": "resolved"}, format="json")
    assert closed.status_code == 200
    # then the answer gives the response, and still the way to the Autoriteit Persoonsgegevens
    letter = closed.json()["answer"]
    assert letter["nl"].startswith("Wij hebben uitgezocht hoe dit kon")
    assert AP in letter["nl"] and AP in letter["en"] and CONTACT in letter["nl"]
    [row] = _register(officer)
    assert (row["status"], row["outcome"]) == ("closed", "resolved") and row["closed_at"] and row["answered_at"]
    assert [e["detail"]["type"] for e in audit_log(officer, action="request.close")] == ["complaint"]


@pytest.mark.promise("S4-17")
def test_a_complaint_by_e_mail_that_is_not_resolved_points_to_the_authority(kwartier: dict[str, Any]) -> None:
    worker, officer = kwartier["worker"], kwartier["privacy_officer"]
    client = intake(worker)
    filed = officer.post("/api/v1/requests", {"subject": client, "type": "complaint", "channel": "email",
                                              "details": "Mijn gegevens zijn naar de verkeerde gemeente gestuurd"},
                         format="json")
    assert filed.status_code == 201 and filed.json()["status"] == "received" and filed.json()["due_at"]
    closed = officer.post(f"/api/v1/requests/{filed.json()['id']}/close", {"outcome": "unresolved"}, format="json")
    letter = closed.json()["answer"]
    assert "niet uitgekomen" in letter["nl"] and "Autoriteit Persoonsgegevens" in letter["nl"] and AP in letter["en"]
    assert [(r["status"], r["outcome"]) for r in _register(officer)] == [("closed", "unresolved")]


@pytest.mark.promise("S4-17")
def test_the_complaint_file_is_kept_two_years_after_it_was_closed(kwartier: dict[str, Any]) -> None:
    officer = kwartier["privacy_officer"]
    resident = officer.post("/api/v1/subjects", {"external_id": "klacht-2026-03"}, format="json",
                            HTTP_X_PURPOSE="complaints")
    assert resident.status_code == 201
    stored = officer.post("/api/v1/records", {"subject": resident.json()["id"], "type": "complaint", "data": {
        "name": "Joke de Vries", "email": "joke@example.nl", "complaint": "Brief naar verkeerd adres"}},
        format="json", HTTP_X_PURPOSE="complaints")
    assert stored.status_code == 201 and stored.json()["expires_at"] is None  # kept while the complaint runs
    record = stored.json()["id"]
    officer.patch(f"/api/v1/records/{record}", {"data": {"response": "Excuses; adres gecorrigeerd."}},
                  format="json", HTTP_X_PURPOSE="complaints")
    closed_at = datetime.now(UTC)
    closed = officer.post("/api/v1/events", {"name": "complaint_closed", "at": closed_at.isoformat(),
                                             "record": record}, format="json", HTTP_X_PURPOSE="complaints")
    assert closed.status_code == 201 and closed.json()["clocks_changed"] == 1
    answer = officer.get(f"/api/v1/records/{record}/retention").json()
    assert answer["rule"] == "complaint_2y"
    assert datetime.fromisoformat(answer["expires_at"]).year == closed_at.year + 2
    shown = officer.get(f"/api/v1/records/{record}", {"purpose": "complaints"}).json()
    assert shown["data"]["response"] == "Excuses; adres gecorrigeerd."


def test_the_complaints_register_is_closed_to_social_workers(kwartier: dict[str, Any], anonymous: Any) -> None:
    assert anonymous.get("/api/v1/complaints").status_code == 401
    answer = kwartier["worker"].get("/api/v1/complaints")
    assert answer.status_code == 403 and answer.json()["reason"] == "role_not_granted"
