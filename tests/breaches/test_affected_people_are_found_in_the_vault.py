"""Affected people are selected by a query over the vault, each with their own data categories."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from tests.breaches.conftest import applicant, register


def test_adding_people_needs_the_breach_role(officer: Any, personas: Any, anonymous: Any) -> None:
    breach_id = register(officer).json()["id"]
    url = f"/api/v1/breaches/{breach_id}/subjects"
    assert anonymous.post(url, {"categories": ["contact"]}, format="json").status_code == 401
    response = personas["assessor"].client.post(url, {"categories": ["contact"]}, format="json")
    assert response.status_code == 403 and response.json()["reason"] == "role_not_granted"


@pytest.mark.promise("S4-21", "S4-19")
def test_everyone_with_records_of_a_category_collected_between_two_dates_is_affected(officer: Any,
                                                                                     personas: Any) -> None:
    from waarborg.engine.records.actions import record_create, subject_create

    assessor = personas["assessor"].user
    early = applicant(assessor, collected_at=datetime(2025, 12, 20, tzinfo=UTC))
    inside = applicant(assessor, collected_at=datetime(2026, 1, 15, tzinfo=UTC))
    helpdesk_only = subject_create(personas["caseworker"].user)
    record_create(personas["caseworker"].user, subject=helpdesk_only, type="helpdesk_ticket", purpose="helpdesk",
                  data={"question": "Waar is mijn geld?", "email": "a@example.nl"},
                  collected_at=datetime(2026, 1, 20, tzinfo=UTC))
    breach_id = register(officer, categories=["address", "birth_date"]).json()["id"]

    response = officer.client.post(f"/api/v1/breaches/{breach_id}/subjects", {
        "categories": ["address", "birth_date"], "collected_from": "2026-01-01T00:00:00Z",
        "collected_until": "2026-01-31T23:59:59Z"}, format="json")
    assert response.status_code == 200 and response.json()["added"] == 1
    affected = response.json()["affected"]
    assert [(a["subject"], a["categories"]) for a in affected] == [(str(inside.pk), ["address", "birth_date"])]
    assert str(early.pk) not in str(affected) and str(helpdesk_only.pk) not in str(affected)


def test_a_selection_without_any_criterion_is_invalid(officer: Any) -> None:
    breach_id = register(officer).json()["id"]
    response = officer.client.post(f"/api/v1/breaches/{breach_id}/subjects", {}, format="json")
    assert response.status_code == 422


def test_people_named_at_intake_are_linked_with_their_categories(officer: Any, personas: Any) -> None:
    person = applicant(personas["assessor"].user)
    response = register(officer, categories=["contact", "identity"], subjects=[str(person.pk)])
    detail = officer.client.get(f"/api/v1/breaches/{response.json()['id']}").json()
    assert [(a["subject"], a["categories"]) for a in detail["affected"]] == [(str(person.pk), ["contact", "identity"])]
