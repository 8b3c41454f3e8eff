"""Seed 000: an application is kept until 12 months after the *next* edition closes (S0-29), and
every new application restarts the clock of all the applicant's applications (S0-30).

Calendar award_editions: C_2023 = 2023-11-30, C_2024 = 2024-11-30, C_2025 = 2025-11-30, C_2026 = 2026-11-30.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import Persona, make_staff
from tests.retention.conftest import at, audit_for, record_exists, sweep


@pytest.mark.promise("S0-29")
def test_an_application_stays_until_twelve_months_after_the_next_edition_closes(make: Any) -> None:
    # Given an application in edition 2024 (open until C_2024 = 2024-11-30)
    application = make.record("application", at(2024, 3, 1))

    # Then its clock runs to C_2025 + 12 months
    assert application.expires_at == at(2026, 11, 30, 0)

    # When the sweep runs the day before, the application is still there
    report = sweep(at(2026, 11, 29, 23))
    assert report.processed == 0 and record_exists(application)

    # When the sweep runs on that day, it is deleted and the audit log names the rule
    report = sweep(at(2026, 11, 30, 1))
    assert report.deleted["award_cycle"] == 1
    assert not record_exists(application)
    [entry] = audit_for(application, "record.delete")
    assert entry.detail["rule"] == "award_cycle" and entry.actor == "system:sweep"


@pytest.mark.promise("S0-29")
def test_an_application_on_the_closing_day_belongs_to_the_edition_that_closes(make: Any) -> None:
    application = make.record("application", at(2024, 11, 30, 18))
    assert application.expires_at == at(2026, 11, 30, 0)


@pytest.mark.promise("S0-30")
def test_a_new_application_restarts_the_clock_of_all_earlier_applications(make: Any) -> None:
    # Given an application in edition 2024 and, by the same person, one in edition 2025
    first = make.record("application", at(2024, 3, 1))
    second = make.record("application", at(2025, 2, 1), subject=first.subject, edition=2025)
    first.refresh_from_db()

    # Then both are kept until C_2026 + 12 months
    assert first.expires_at == second.expires_at == at(2027, 11, 30, 0)

    # And nothing is purged at C_2025 + 12 months
    report = sweep(at(2026, 12, 1))
    assert report.processed == 0 and record_exists(first) and record_exists(second)


@pytest.mark.promise("S0-30")
def test_a_new_application_of_someone_else_restarts_nothing(make: Any) -> None:
    first = make.record("application", at(2024, 3, 1))
    make.record("application", at(2025, 2, 1), edition=2025)
    first.refresh_from_db()
    assert first.expires_at == at(2026, 11, 30, 0)


@pytest.mark.promise("S0-29")
def test_an_edition_closing_beyond_the_calendar_sets_the_open_dates(make: Any, personas: Any) -> None:
    import time_machine

    # Given an application in edition 2027, after the last date the policy lists (C_2026)
    application = make.record("application", at(2026, 12, 10), edition=2027)
    assert application.expires_at is None

    # When the coordinator (the role the policy names to report it) records that edition 2027 closed
    coordinator = Persona(*make_staff("cor", ["coordinator"]))
    with time_machine.travel(at(2027, 12, 1), tick=False):
        answer = coordinator.post("/api/v1/events", {"name": "edition_closed", "at": "2027-11-30T23:00:00+01:00"},
                                  format="json")
    assert answer.status_code == 201, answer.content
    # Then the application's clock still waits for the *next* closing (occurrence 2)
    application.refresh_from_db()
    assert application.expires_at is None

    # When edition 2028 closes too, the date is C_2028 + 12 months
    with time_machine.travel(at(2028, 12, 1), tick=False):
        answer = coordinator.post("/api/v1/events", {"name": "edition_closed", "at": "2028-11-30T12:00:00+01:00"},
                                  format="json")
    assert answer.status_code == 201 and answer.json()["clocks_changed"] == 1
    application.refresh_from_db()
    assert application.expires_at == at(2029, 11, 30, 0)

