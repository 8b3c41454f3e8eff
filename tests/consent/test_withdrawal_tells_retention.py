"""A withdrawal is an event the retention engine acts on (e.g. the newsletter address goes after unsubscribing)."""

from __future__ import annotations

import sys
import types
from typing import Any

import pytest

from tests.consent.conftest import give, new_subject
from waarborg.core.times import rfc3339


@pytest.fixture
def retention_events(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    """Stand in for `waarborg.engine.retention.events.event_record` and remember the calls."""
    calls: list[dict[str, Any]] = []
    module = types.ModuleType("waarborg.engine.retention.events")

    def event_record(actor: Any, **kwargs: Any) -> None:
        calls.append({"actor": actor, **kwargs})

    module.event_record = event_record  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "waarborg.engine.retention.events", module)
    monkeypatch.setitem(sys.modules, "waarborg.engine.retention.actions", None)  # None: "not importable"
    return calls


@pytest.mark.promise("S0-20")
def test_withdrawal_records_a_consent_withdrawn_event_for_the_subject(care: Any, retention_events: list[Any]) -> None:
    subject = new_subject()
    consent = give(care["supporter"], subject, "service_improvement").json()
    response = care["supporter"].client.post(f"/api/v1/consents/{consent['id']}/withdraw", {}, format="json")
    assert response.status_code == 200
    assert len(retention_events) == 1
    event = retention_events[0]
    assert event["name"] == "consent_withdrawn" and event["subject"] == subject
    assert event["attributes"] == {"purpose": "service_improvement", "consent": consent["id"]}
    assert rfc3339(event["at"]) == response.json()["withdrawn_at"]
