"""S0-32: a tip with an e-mail address is kept at most 3 months."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest

from tests.retention.conftest import at, audit_for, record_exists, sweep


@pytest.mark.promise("S0-32", "S4-09")
def test_a_tip_is_deleted_three_months_after_it_came_in(make: Any) -> None:
    tip = make.record("tip", at(2026, 1, 15))
    assert tip.expires_at == at(2026, 4, 15)

    assert sweep(at(2026, 4, 15, 11)).processed == 0 and record_exists(tip)

    report = sweep(at(2026, 4, 15, 13))
    assert report.deleted["tip_3m"] == 1 and not record_exists(tip)
    [entry] = audit_for(tip, "record.delete")
    assert entry.detail["rule"] == "tip_3m" and entry.detail["type"] == "tip"
    assert datetime.fromisoformat(entry.detail["expired_at"]) == tip.expires_at
    assert "mila" not in repr(entry.detail)
