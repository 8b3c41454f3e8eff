"""Seed 001: listing data is kept while the contract runs, and 5 years after the client ends it (S1-07)."""

from __future__ import annotations

from typing import Any

import pytest
import time_machine

from tests.retention.conftest import at, audit_for, record_exists, sweep


@pytest.mark.promise("S1-07")
def test_listing_data_is_destroyed_five_years_after_the_contract_ends(make_wlz: Any, wlz: Any) -> None:
    listing = make_wlz.record("listing", at(2012, 5, 1))
    assert listing.expires_at is None
    assert sweep(at(2026, 1, 1)).processed == 0

    with time_machine.travel(at(2026, 2, 1), tick=False):
        answer = wlz["counsellor"].post("/api/v1/events", {"name": "contract_ended", "at": "2026-01-31T12:00:00+01:00",
                                                           "subject": str(listing.subject_id)}, format="json")
    assert answer.status_code == 201
    listing.refresh_from_db()
    assert listing.expires_at == at(2031, 1, 31)

    assert sweep(at(2031, 1, 30)).processed == 0 and record_exists(listing)
    assert sweep(at(2031, 1, 31, 13)).deleted["contract_5y"] == 1 and not record_exists(listing)
    assert audit_for(listing, "record.delete")[0].detail["rule"] == "contract_5y"
