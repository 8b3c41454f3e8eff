"""S0-12: registrations for an event are deleted once the event is finished (the `event_finished`
event on each registration); only what is not personal (the count in the audit log) remains."""

from __future__ import annotations

from typing import Any

import pytest
import time_machine

from tests.retention.conftest import at, audit_for, record_exists, sweep
from waarborg.engine.caseloads.actions import assign


@pytest.mark.promise("S0-12")
def test_registrations_are_deleted_by_the_first_sweep_after_the_event_finished(make: Any, personas: Any) -> None:
    # Given two registrations for an event in March
    first = make.record("event_registration", at(2026, 2, 1))
    second = make.record("event_registration", at(2026, 2, 2))
    assert first.expires_at is None  # open-ended until the event is finished

    # And a year later, without the event marked finished, the sweep keeps them
    assert sweep(at(2027, 2, 1)).processed == 0

    # When the event's project leader (whose team has the registrants) marks the event finished for each
    for registration in (first, second):
        assign("system:intake", registration.subject, "events", team="events-north")
    with time_machine.travel(at(2026, 3, 20), tick=False):
        for registration in (first, second):
            answer = personas["project_leader"].post("/api/v1/events", {"name": "event_finished", "record": str(registration.pk),
                                                                  "at": "2026-03-20T10:00:00+01:00"}, format="json")
            assert answer.status_code == 201 and answer.json()["clocks_changed"] == 1

    # Then the next sweep deletes both and logs the rule
    report = sweep(at(2026, 3, 21))
    assert report.deleted["event_done"] == 2
    assert not record_exists(first) and not record_exists(second)
    assert audit_for(first, "record.delete")[0].detail["rule"] == "event_done"
