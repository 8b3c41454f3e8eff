"""S0-35: book-keeping records (fiscal) are kept 7 years, then deleted; nothing shortens them."""

from __future__ import annotations

from typing import Any

import pytest

from tests.retention.conftest import at, audit_for, record_exists, sweep
from waarborg.core.errors import Refused
from waarborg.engine.retention.adjustments import retention_shorten


@pytest.mark.promise("S0-35")
def test_a_ledger_entry_is_kept_seven_years_then_deleted(make: Any, personas: Any) -> None:
    entry = make.record("ledger_entry", at(2019, 6, 1))
    assert entry.expires_at == at(2026, 6, 1)

    # A request to shorten is refused with the legal ground
    with pytest.raises(Refused) as refused:
        retention_shorten(personas["privacy_officer"].user, subject=entry.subject, rule="fiscal_7y",
                          basis="subject_request", evidence="verzoek 2024-88")
    assert refused.value.reason == "legal_obligation" and "art. 52" in str(refused.value.detail)

    assert sweep(at(2026, 5, 31)).processed == 0 and record_exists(entry)
    assert sweep(at(2026, 6, 1, 13)).deleted["fiscal_7y"] == 1 and not record_exists(entry)
    assert audit_for(entry, "record.delete")[0].detail["rule"] == "fiscal_7y"
