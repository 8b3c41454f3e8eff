"""S0-28 on the shipped seed-000 policy: when retention ends, the sweep deletes the application and
anonymises the payout. What stays of the payout serves financial accountability only: amount, edition and
month, no name, IBAN, address, birth date or link to an account or person."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.shipped.conftest import at, cli, record, subject

APPLICATION = {"name": "Mila de Vries", "email": "mila@example.nl", "phone": "0612345678",
               "address": "Brink 1, Assen", "postcode": "9401 AA", "birth_date": "1961-04-12",
               "care_recipient_address": "Markt 3, Assen", "edition": 2024, "hours_per_week": 12,
               "relationship": "ouder", "status": "granted"}
PAYOUT = {"iban": "NL91ABNA0417164300", "account_holder": "M. de Vries", "amount": "250.00", "edition": 2024,
          "paid_on": "2024-12-15"}


@pytest.mark.promise("S0-28")
def test_the_sweep_deletes_the_application_and_keeps_only_amount_edition_and_month_of_the_payout(
        ikz: Any, capsys: pytest.CaptureFixture[str]) -> None:
    assessor, administration = ikz["assessor"], ikz["administration"]
    # Given Mila applied in edition 2024 and was paid in December 2024
    mila = subject(assessor, "eligibility", birth_date="1961-04-12")
    application = record(assessor, mila, "application", APPLICATION, "eligibility",
                         collected_at=at(2024, 3, 1).isoformat())
    payout = record(assessor, mila, "payout", PAYOUT, "payout", collected_at=at(2024, 12, 15).isoformat())
    # the payout's link to her ends 12 months after the closing of the next edition (30-11-2026)
    assert payout["expires_at"].startswith("2027-11-29T23:00")

    # When the first sweep after that runs
    status, out, _ = cli(capsys, "sweep", now=at(2027, 11, 30, 2))

    # Then it reports one deletion and one anonymisation
    assert status == 0, out
    assert "award_cycle: 1 deleted" in out and "award_cycle_anonymised: 1 anonymised" in out
    assert administration.get(f"/api/v1/records/{application['id']}", {"purpose": "eligibility"}).status_code == 404
    # And what the administration can still see of the payout is amount, edition and month, nothing else
    kept = administration.get(f"/api/v1/records/{payout['id']}", {"purpose": "payout"})
    assert kept.status_code == 200, kept.content
    shown = kept.json()
    assert shown["data"] == {"amount": "250.00", "edition": 2024, "paid_on": "2024-12"}
    assert shown["subject"] is None
    text = json.dumps(shown)
    for trace in ("NL91ABNA0417164300", "Vries", "Brink", "1961", mila):
        assert trace not in text
    # And Mila herself is no longer found with any data
    assert assessor.get(f"/api/v1/subjects/{mila}/records", {"purpose": "payout"}).json() == []
