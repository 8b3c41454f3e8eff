"""The municipal policy report: only the answers marked for policy use, per group of at least five people,
with pseudonyms that hold within one project and never the applicant's name, address, phone, birth date
or IBAN."""

from __future__ import annotations

import json
from typing import Any

import pytest

from waarborg.engine.audit.models import AuditEntry

URL = "/api/v1/statistics/policy-report"
PEOPLE = [  # name, phone, relationship, hours per week
    *[(f"Partner Persoon{i}", f"06111111{i:02d}", "partner", 10 + i) for i in range(6)],
    ("Buur Eén", "0622222201", "buur", 30), ("Buur Twee", "0622222202", "buur", 28),
]


@pytest.fixture
def applicants(personas: Any) -> list[Any]:
    from waarborg.engine.records.actions import record_create, subject_create

    assessor = personas["assessor"].user
    subjects = []
    for i, (name, phone, relationship, hours) in enumerate(PEOPLE):
        subject = subject_create(assessor)
        record_create(assessor, subject=subject, type="application", purpose="eligibility", data={
            "name": name, "phone": phone, "address": f"Kerkstraat {i + 1}, Assen", "birth_date": f"196{i % 10}-05-01",
            "care_recipient_address": f"Molenweg {i + 1}, Assen", "edition": 2025, "hours_per_week": hours,
            "relationship": relationship, "email": f"p{i}@example.nl"})
        record_create(assessor, subject=subject, type="payout", purpose="payout", data={
            "iban": "NL91ABNA0417164300", "account_holder": name, "amount": "200.00", "edition": 2025})
        subjects.append(subject)
    return subjects


def report(personas: Any, **params: str) -> Any:
    return personas["privacy_officer"].get(URL, params, HTTP_X_PURPOSE="policy_research")


def test_strangers_get_nothing(personas: Any, anonymous: Any) -> None:
    assert anonymous.get(URL, HTTP_X_PURPOSE="policy_research").status_code == 401
    answer = personas["assessor"].get(URL, HTTP_X_PURPOSE="policy_research")
    assert answer.status_code == 403 and answer.json()["reason"] == "role_not_granted"
    for other in ("eligibility", "statistics"):
        answer = personas["privacy_officer"].get(URL, HTTP_X_PURPOSE=other)
        assert answer.status_code == 403 and answer.json()["reason"] == "purpose_mismatch"


@pytest.mark.promise("S0-08")
def test_the_report_holds_only_the_policy_fields_in_groups_of_five_or_more(personas: Any, applicants: Any) -> None:
    answer = report(personas)
    assert answer.status_code == 200
    body = answer.json()
    assert body["fields"] == ["hours_per_week", "relationship"]
    assert body["groups"] == [{"hours_per_week": "8-15", "relationship": "partner", "count": 6}]
    assert body["suppressed"] == {"groups": 1, "people": 2}  # the two neighbours (24-31 hours) are left out
    assert "minder dan 5" in body["note"]["nl"] and body["k"] == 5
    assert {frozenset(r) for r in body["rows"]} == {frozenset({"id", "hours_per_week", "relationship"})}
    text = json.dumps(body)
    for name, phone, _, _ in PEOPLE:
        assert name not in text and phone not in text
    for forbidden in ("Kerkstraat", "Molenweg", "NL91ABNA", "1960-05-01", "example.nl", "birth_date", "iban"):
        assert forbidden not in text


@pytest.mark.promise("S0-23")
def test_pseudonyms_hold_within_a_project_and_differ_between_projects(personas: Any, applicants: Any) -> None:
    first = {r["id"] for r in report(personas, project="mantelzorg-2026").json()["rows"]}
    again = {r["id"] for r in report(personas, project="mantelzorg-2026").json()["rows"]}
    other = {r["id"] for r in report(personas, project="respijtzorg").json()["rows"]}
    once, twice = ({r["id"] for r in report(personas).json()["rows"]} for _ in range(2))
    assert len(first) == 6 and first == again
    assert not first & other and not once & twice  # unlinkable across projects and across one-off reports
    ids = {str(s.pk) for s in applicants} | {str(s.pk).replace("-", "") for s in applicants}
    assert not first & ids
    [entry, *_] = AuditEntry.objects.filter(action="statistics.policy_report").order_by("id")
    assert entry.detail["groups"] == 1 and entry.detail["project"] == "mantelzorg-2026"


@pytest.mark.promise("S0-08")
def test_an_applicant_who_objected_to_policy_use_is_left_out(personas: Any, applicants: Any) -> None:
    from waarborg.engine.consent.objections import objection_record

    objection_record("system:test", subject=applicants[0], purpose="policy_research")
    body = report(personas).json()
    assert body["groups"] == [{"hours_per_week": "8-15", "relationship": "partner", "count": 5}]
    assert body["people"] == 7 and len(body["rows"]) == 5
