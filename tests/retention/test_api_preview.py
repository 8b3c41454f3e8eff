"""GET retention/preview?before=DATE: what the sweep will take by then, per rule."""

from __future__ import annotations

from typing import Any

import pytest

from tests.retention.conftest import at


@pytest.fixture
def records(make: Any) -> None:
    make.record("tip", at(2026, 1, 1))
    make.record("tip", at(2026, 6, 1))
    make.record("application", at(2024, 3, 1))


def test_unauthenticated_is_401(anonymous: Any, policy: Any) -> None:
    assert anonymous.get("/api/v1/retention/preview", {"before": "2027-01-01"}).status_code == 401


def test_staff_who_do_not_manage_retention_are_refused(personas: Any) -> None:
    answer = personas["assessor"].get("/api/v1/retention/preview", {"before": "2027-01-01"})
    assert answer.status_code == 403 and answer.json()["reason"] == "role_not_granted"


def test_a_missing_date_is_422(personas: Any) -> None:
    assert personas["privacy_officer"].get("/api/v1/retention/preview").status_code == 422


def test_the_preview_counts_per_rule(records: Any, personas: Any) -> None:
    answer = personas["privacy_officer"].get("/api/v1/retention/preview", {"before": "2026-10-01"})
    assert answer.status_code == 200
    assert answer.json() == {"before": "2026-10-01", "rules": {"tip_3m": 2}, "total": 2}
    later = personas["privacy_officer"].get("/api/v1/retention/preview", {"before": "2026-12-01"}).json()
    assert later["rules"] == {"award_cycle": 1, "tip_3m": 2}
