"""Seed 002: on the client's request the period of special data is shortened, which destroys it now
(S2-20); the 7-year business administration is untouched (S2-23)."""

from __future__ import annotations

from typing import Any

import pytest
import time_machine

from tests.retention.conftest import at, audit_for, record_exists
from waarborg.core.errors import Invalid, Refused
from waarborg.engine.retention.adjustments import retention_shorten
from waarborg.engine.retention.events import event_record


@pytest.fixture
def ended(make_wlz: Any, wlz: Any) -> tuple[Any, Any]:
    care_file = make_wlz.record("care_file", at(2020, 3, 1))
    invoice = make_wlz.record("invoice", at(2020, 4, 1), subject=care_file.subject)
    with time_machine.travel(at(2024, 1, 10), tick=False):
        event_record(wlz["counsellor"].user, name="service_ended", at=at(2024, 1, 10), subject=care_file.subject)
    return care_file, invoice


@pytest.mark.promise("S2-20")
def test_a_request_to_shorten_destroys_the_special_data_now(ended: Any, wlz: Any) -> None:
    care_file, invoice = ended
    with time_machine.travel(at(2025, 6, 1), tick=False):
        destroyed = retention_shorten(wlz["privacy_officer"].user, subject=care_file.subject, rule="special_5y",
                                      basis="subject_request", evidence="brief van 2025-05-28, zaak 77")
    assert destroyed == 1 and not record_exists(care_file)
    assert audit_for(care_file, "record.delete")[0].detail["rule"] == "special_5y"
    # The business administration under its legal period stays
    invoice.refresh_from_db()
    assert invoice.expires_at == at(2031, 1, 10)


@pytest.mark.promise("S2-23")
def test_the_business_administration_cannot_be_shortened(ended: Any, wlz: Any) -> None:
    _, invoice = ended
    with pytest.raises(Refused) as refused:
        retention_shorten(wlz["privacy_officer"].user, subject=invoice.subject, rule="administration_7y",
                          basis="subject_request", evidence="brief van 2025-05-28")
    assert refused.value.reason == "legal_obligation"
    assert "Algemene wet inzake rijksbelastingen" in str(refused.value.detail)
    assert record_exists(invoice)


def test_a_shortening_needs_the_recorded_request(ended: Any, wlz: Any) -> None:
    care_file, _ = ended
    with pytest.raises(Invalid):
        retention_shorten(wlz["privacy_officer"].user, subject=care_file.subject, rule="special_5y",
                          basis="staff", evidence="")
    assert record_exists(care_file)


def test_only_those_who_manage_retention_may_shorten(ended: Any, wlz: Any) -> None:
    care_file, _ = ended
    with pytest.raises(Refused) as refused:
        retention_shorten(wlz["counsellor"].user, subject=care_file.subject, rule="special_5y",
                          basis="subject_request", evidence="brief")
    assert refused.value.reason == "role_not_granted" and record_exists(care_file)
