"""Seed 002: contact details left to start an agreement are kept 4 weeks (S2-17); when no agreement
follows they are deleted at once (S2-18)."""

from __future__ import annotations

from typing import Any

import pytest
import time_machine

from tests.retention.conftest import at, audit_for, record_exists, sweep


@pytest.mark.promise("S2-17")
def test_a_lead_is_deleted_four_weeks_after_it_came_in(make_wlz: Any) -> None:
    lead = make_wlz.record("lead", at(2026, 3, 2))
    assert lead.expires_at == at(2026, 3, 30)
    assert sweep(at(2026, 3, 30, 11)).processed == 0 and record_exists(lead)
    assert sweep(at(2026, 3, 30, 13)).deleted["lead_4w"] == 1 and not record_exists(lead)
    assert audit_for(lead, "record.delete")[0].detail["rule"] == "lead_4w"


@pytest.mark.promise("S2-18")
def test_marking_no_agreement_deletes_the_lead_at_the_next_sweep(make_wlz: Any, wlz: Any) -> None:
    lead = make_wlz.record("lead", at(2026, 3, 2))
    with time_machine.travel(at(2026, 3, 5), tick=False):
        answer = wlz["counsellor"].post("/api/v1/events", {"name": "no_agreement", "record": str(lead.pk),
                                                           "at": "2026-03-05T12:00:00+01:00"}, format="json")
    assert answer.status_code == 201
    lead.refresh_from_db()
    assert lead.expires_at == at(2026, 3, 5)
    assert sweep(at(2026, 3, 5, 12, )).deleted["lead_4w"] == 1 and not record_exists(lead)
