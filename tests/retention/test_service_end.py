"""Seed 002: the periods run from the end of the service (S2-16); special data is kept 5 years
after it (S2-19)."""

from __future__ import annotations

from typing import Any

import pytest
import time_machine

from tests.retention.conftest import at, audit_for, record_exists, sweep


@pytest.mark.promise("S2-16", "S2-19")
def test_special_data_is_kept_five_years_after_the_service_ends(make_wlz: Any, wlz: Any) -> None:
    # Given a client whose care file was made in 2015 and whose service is still running
    care_file = make_wlz.record("care_file", at(2015, 3, 1))
    invoice = make_wlz.record("invoice", at(2015, 4, 1), subject=care_file.subject)
    assert care_file.expires_at is None and invoice.expires_at is None
    assert sweep(at(2026, 1, 1)).processed == 0

    # When the service ends on E = 2026-01-10
    with time_machine.travel(at(2026, 1, 10), tick=False):
        answer = wlz["counsellor"].post("/api/v1/events", {"name": "service_ended", "at": "2026-01-10T12:00:00+01:00",
                                                           "subject": str(care_file.subject_id)}, format="json")
    assert answer.status_code == 201 and answer.json()["clocks_changed"] == 2

    # Then each category's date is set from E
    care_file.refresh_from_db()
    invoice.refresh_from_db()
    assert care_file.expires_at == at(2031, 1, 10)
    assert invoice.expires_at == at(2033, 1, 10)

    # And the special data is still there at E+5y-1d and destroyed at E+5y
    assert sweep(at(2031, 1, 9)).processed == 0 and record_exists(care_file)
    report = sweep(at(2031, 1, 10, 13))
    assert report.deleted["special_5y"] == 1 and not record_exists(care_file) and record_exists(invoice)
    assert audit_for(care_file, "record.delete")[0].detail["rule"] == "special_5y"
