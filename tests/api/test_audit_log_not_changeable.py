"""The audit log cannot be changed or removed through the API (S0-22, S0-24), nor can records be
deleted around the action layer."""

from __future__ import annotations

from typing import Any

import pytest

from tests.vault import factories


@pytest.mark.promise("S0-22", "S0-24")
def test_no_api_route_edits_or_deletes_audit_entries_or_records(personas: Any, application: Any) -> None:
    officer = personas["privacy_officer"]
    entry = factories.last_entry(action="record.create")
    for method in ("put", "patch", "delete"):
        for path in (f"/api/v1/audit/{entry.pk}", f"/api/v1/audit-entries/{entry.pk}", "/api/v1/audit"):
            assert getattr(officer, method)(path, {}, format="json").status_code == 404
    assert officer.delete(f"/api/v1/records/{application.pk}", HTTP_X_PURPOSE="eligibility").status_code == 405
    assert officer.put(f"/api/v1/records/{application.pk}", {"data": {}}, format="json",
                       HTTP_X_PURPOSE="eligibility").status_code == 405
    after = factories.entries()
    assert entry in after
    from waarborg.engine.audit.log import verify

    assert verify()[1] is None
