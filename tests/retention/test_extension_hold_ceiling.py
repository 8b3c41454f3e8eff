"""Seed 002's extension, hold and ceiling rules at the level of the action layer, on a small test policy: one
extension of 2 years with the client's request, an organisation hold with a justification, no mix of hold and
extension past E+7y, the business administration kept 7 years whatever is asked. The promises (S2-21, S2-22,
S2-23) are proven through the API and the CLI on the shipped policy in tests/holds/."""

from __future__ import annotations

from typing import Any

import pytest
import time_machine

from tests.retention.conftest import at, record_exists, sweep
from waarborg.core.errors import Invalid, Refused
from waarborg.engine.retention.adjustments import retention_extend
from waarborg.engine.retention.events import event_record
from waarborg.engine.retention.holds import hold_place, hold_release

E = (2024, 1, 10)


@pytest.fixture
def care_file(make_wlz: Any, wlz: Any) -> Any:
    record = make_wlz.record("care_file", at(2020, 3, 1))
    with time_machine.travel(at(*E), tick=False):
        event_record(wlz["counsellor"].user, name="service_ended", at=at(*E), subject=record.subject)
    record.refresh_from_db()
    assert record.expires_at == at(2029, 1, 10)
    return record


def _extend(wlz: Any, record: Any, basis: str = "subject_request", evidence: str = "verzoek 2028-14") -> Any:
    with time_machine.travel(at(2028, 6, 1), tick=False):
        return retention_extend(wlz["privacy_officer"].user, subject=record.subject, rule="special_5y",
                                basis=basis, evidence=evidence)


def test_one_extension_with_the_clients_request_moves_the_date_to_seven_years(care_file: Any, wlz: Any) -> None:
    _extend(wlz, care_file)
    care_file.refresh_from_db()
    assert care_file.expires_at == at(2031, 1, 10)

    # A second extension would pass the ceiling: refused, and nothing changes
    with pytest.raises(Refused) as refused:
        _extend(wlz, care_file, evidence="verzoek 2029-02")
    assert refused.value.reason == "retention_ceiling"
    care_file.refresh_from_db()
    assert care_file.expires_at == at(2031, 1, 10)


def test_an_extension_without_the_clients_request_is_refused(care_file: Any, wlz: Any) -> None:
    with pytest.raises(Invalid):
        _extend(wlz, care_file, basis="staff")
    with pytest.raises(Invalid):
        _extend(wlz, care_file, evidence="  ")
    care_file.refresh_from_db()
    assert care_file.expires_at == at(2029, 1, 10)


def test_a_hold_keeps_the_data_past_its_expiry_until_released(care_file: Any, wlz: Any) -> None:
    with time_machine.travel(at(2028, 12, 1), tick=False):
        hold = hold_place(wlz["privacy_officer"].user, subject=care_file.subject, reason="dispute",
                          justification="Klacht bij de geschillencommissie loopt nog (zaak 2028-3).")
    care_file.refresh_from_db()
    assert care_file.expires_at == at(2031, 1, 10)  # the ceiling: E + 7 years

    assert sweep(at(2029, 6, 1)).processed == 0 and record_exists(care_file)

    with time_machine.travel(at(2029, 7, 1), tick=False):
        hold_release(wlz["privacy_officer"].user, hold)
    care_file.refresh_from_db()
    assert care_file.expires_at == at(2029, 1, 10)
    assert sweep(at(2029, 7, 1, 13)).deleted["special_5y"] == 1


def test_no_mix_of_hold_and_extension_passes_seven_years(care_file: Any, wlz: Any) -> None:
    _extend(wlz, care_file)
    with time_machine.travel(at(2030, 12, 1), tick=False):
        hold_place(wlz["privacy_officer"].user, subject=care_file.subject, reason="fraud_investigation",
                   justification="Onderzoek naar onterecht gedeclareerde zorg.", until=at(2033, 1, 1))
        hold_place(wlz["privacy_officer"].user, record=care_file, reason="legal_obligation",
                   justification="Vordering van de rechter-commissaris.")
    care_file.refresh_from_db()
    assert care_file.expires_at == at(2031, 1, 10)

    # At E+7y the sweep destroys the special data whatever holds exist
    assert sweep(at(2031, 1, 9)).processed == 0
    assert sweep(at(2031, 1, 10, 13)).deleted["special_5y"] == 1 and not record_exists(care_file)


def test_a_hold_needs_a_justification_and_a_known_reason(care_file: Any, wlz: Any) -> None:
    with pytest.raises(Invalid) as invalid:
        hold_place(wlz["privacy_officer"].user, subject=care_file.subject, reason="hunch", justification=" ")
    assert set(invalid.value.errors) == {"reason", "justification"}
    with pytest.raises(Refused):
        hold_place(wlz["counsellor"].user, subject=care_file.subject, reason="dispute", justification="Geschil")


def test_the_business_administration_is_kept_seven_years_after_the_service_ends(make_wlz: Any, wlz: Any) -> None:
    invoice = make_wlz.record("invoice", at(2020, 4, 1))
    with time_machine.travel(at(*E), tick=False):
        event_record(wlz["counsellor"].user, name="service_ended", at=at(*E), subject=invoice.subject)
    with pytest.raises(Refused) as refused:  # a legal period has no extensions either
        retention_extend(wlz["privacy_officer"].user, subject=invoice.subject, rule="administration_7y",
                         basis="subject_request", evidence="verzoek")
    assert refused.value.reason == "not_extendable"
    assert sweep(at(2031, 1, 9)).processed == 0 and record_exists(invoice)
    assert sweep(at(2031, 1, 10, 13)).deleted["administration_7y"] == 1
