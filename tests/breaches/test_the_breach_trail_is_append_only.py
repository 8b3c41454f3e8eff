"""S4-21: the breach record documents timeline, cause, people, data, measures and notices, append-only."""

from __future__ import annotations

from typing import Any

import pytest

from tests.breaches.conftest import applicant, register


@pytest.mark.promise("S4-21")
def test_every_step_is_documented_in_order(officer: Any, personas: Any) -> None:
    person = applicant(personas["assessor"].user)
    breach_id = register(officer, categories=["contact"]).json()["id"]
    officer.client.post(f"/api/v1/breaches/{breach_id}/subjects", {"subjects": [str(person.pk)]}, format="json")
    officer.client.post(f"/api/v1/breaches/{breach_id}/assess", {
        "risk": "high", "cause": "Autocomplete in mailprogramma", "measures_taken": "Mail teruggehaald",
        "measures_subject_can_take": "Wees alert op phishing"}, format="json")
    officer.client.post(f"/api/v1/breaches/{breach_id}/notes", {"text": "Ontvanger gebeld om 10:05"}, format="json")
    officer.client.post(f"/api/v1/breaches/{breach_id}/authority-notifications", {}, format="json")
    officer.client.post(f"/api/v1/breaches/{breach_id}/notices", {"channel": "letter"}, format="json")
    officer.client.post(f"/api/v1/breaches/{breach_id}/close", {}, format="json")

    trail = officer.client.get(f"/api/v1/breaches/{breach_id}/log").json()
    assert [e["event"] for e in trail] == ["create", "subjects_added", "assess", "note", "authority_initial",
                                           "subject_notified", "close"]
    assert all(e["actor"] == "pia" for e in trail)
    assert trail[3]["detail"] == {"text": "Ontvanger gebeld om 10:05"}


@pytest.mark.promise("S4-21")
def test_trail_entries_cannot_be_changed_or_deleted(officer: Any) -> None:
    from waarborg.engine.breaches.models import AppendOnly, BreachLogEntry

    register(officer)
    entry = BreachLogEntry.objects.get()
    entry.detail = {"rewritten": True}
    with pytest.raises(AppendOnly):
        entry.save()
    with pytest.raises(AppendOnly):
        entry.delete()
    entry.refresh_from_db()
    assert "rewritten" not in entry.detail


@pytest.mark.promise("S4-21", "S4-19")
def test_a_breach_can_be_retrieved_per_affected_person(officer: Any, personas: Any) -> None:
    person = applicant(personas["assessor"].user)
    bystander = applicant(personas["assessor"].user)
    breach_id = register(officer, categories=["address"], subjects=[str(person.pk)]).json()["id"]
    officer.client.post(f"/api/v1/breaches/{breach_id}/assess", {
        "risk": "high", "measures_taken": "Brief teruggevraagd", "measures_subject_can_take": "Niets nodig"},
        format="json")
    officer.client.post(f"/api/v1/breaches/{breach_id}/notices", {"channel": "letter"}, format="json")

    mine = officer.client.get(f"/api/v1/subjects/{person.pk}/breaches").json()
    assert [(b["breach"], b["categories"]) for b in mine] == [(breach_id, ["address"])]
    assert mine[0]["notice"]["your_data"][0]["category"] == "address"
    assert [e["event"] for e in mine[0]["trail"]][:2] == ["create", "subjects_added"]
    assert officer.client.get(f"/api/v1/subjects/{bystander.pk}/breaches").json() == []


def test_per_person_retrieval_is_closed_to_other_staff(officer: Any, personas: Any, anonymous: Any) -> None:
    person = applicant(personas["assessor"].user)
    assert anonymous.get(f"/api/v1/subjects/{person.pk}/breaches").status_code == 401
    response = personas["assessor"].client.get(f"/api/v1/subjects/{person.pk}/breaches")
    assert response.status_code == 403 and response.json()["reason"] == "role_not_granted"


@pytest.mark.promise("S4-21")
def test_on_postgresql_the_database_refuses_to_rewrite_the_trail(officer: Any) -> None:
    from django.db import connection, transaction
    from django.db.utils import DatabaseError

    from waarborg.engine.breaches.models import BreachLogEntry

    if connection.vendor != "postgresql":
        pytest.skip("the database trigger exists on PostgreSQL only")
    register(officer)
    for attempt in (lambda: BreachLogEntry.objects.update(event="rewritten"),
                    lambda: BreachLogEntry.objects.all()._raw_delete(BreachLogEntry.objects.db)):
        with pytest.raises(DatabaseError), transaction.atomic():
            attempt()
    assert list(BreachLogEntry.objects.values_list("event", flat=True)) == ["create"]


@pytest.mark.promise("S4-19")
def test_the_person_sees_the_steps_but_not_who_notes_or_other_peoples_notices(officer: Any, personas: Any) -> None:
    from rest_framework.test import APIClient

    from waarborg.engine.accounts.models import User

    person, other = applicant(personas["assessor"].user), applicant(personas["assessor"].user)
    breach_id = register(officer, categories=["address"], subjects=[str(person.pk), str(other.pk)]).json()["id"]
    officer.client.post(f"/api/v1/breaches/{breach_id}/assess", {
        "risk": "high", "measures_taken": "Brief teruggevraagd", "measures_subject_can_take": "Niets nodig"},
        format="json")
    officer.client.post(f"/api/v1/breaches/{breach_id}/notes", {"text": "Buurman Jansen kreeg de brief"},
                        format="json")
    officer.client.post(f"/api/v1/breaches/{breach_id}/notices", {"channel": "letter"}, format="json")
    citizen = APIClient()
    citizen.force_authenticate(User.objects.create(username="b-person", kind=User.Kind.CITIZEN, subject=person))

    [mine] = citizen.get(f"/api/v1/subjects/{person.pk}/breaches").json()
    assert mine["notice"]["your_data"][0]["category"] == "address"
    assert [e["event"] for e in mine["trail"]] == ["create", "assess"]
    assert all(e["actor"] == "" and e["detail"] == {} for e in mine["trail"])
    assert "Jansen" not in str(mine) and "pia" not in str(mine)
