"""S0-35 on the shipped seed-000 policy: a ledger entry (fiscal) survives an erasure request and every sweep
for seven years, the erasure answer names the legal obligation and the date, and the sweep after those
seven years deletes it."""

from __future__ import annotations

from typing import Any

import pytest

from tests.rights.conftest import ALL_REDACTIONS
from tests.shipped.conftest import at, cli, created, record, subject


@pytest.mark.promise("S0-35")
def test_an_erasure_keeps_the_ledger_entry_on_its_fiscal_ground_until_the_sweep_seven_years_on(
        ikz: Any, frozen: Any, capsys: pytest.CaptureFixture[str]) -> None:
    administration, officer, helpdesk = ikz["administration"], ikz["privacy_officer"], ikz["caseworker"]
    # Given the administration booked a payout to Mila in June 2019, and she asked a question in 2023
    mila = subject(administration, "administration")
    ledger = record(administration, mila, "ledger_entry",
                    {"description": "Uitbetaling mantelzorgwaardering 2019", "amount": "250.00",
                     "counterparty": "M. de Vries", "iban": "NL91ABNA0417164300"},
                    "administration", collected_at=at(2019, 6, 1).isoformat())
    assert ledger["expires_at"].startswith("2026-06-01")
    question = record(helpdesk, mila, "helpdesk_ticket", {"question": "Wanneer wordt er betaald?"}, "helpdesk")

    # When she asks by phone to erase everything, and the privacy officer verifies and carries it out (March 2026)
    filed = created(helpdesk.post("/api/v1/requests", {"subject": mila, "type": "erasure", "channel": "phone"},
                                  format="json"))
    verified = officer.post(f"/api/v1/requests/{filed['id']}/verify",
                            {"method": "id_copy", "redactions": ALL_REDACTIONS}, format="json")
    assert verified.status_code == 200, verified.content
    answer = officer.post(f"/api/v1/requests/{filed['id']}/erase", {}, format="json")

    # Then the question is gone, the ledger entry is kept on the fiscal obligation until 1 June 2026
    assert answer.status_code == 200, answer.content
    result = answer.json()
    assert [d["record"] for d in result["deleted"]] == [question["id"]]
    [kept] = result["kept"]
    assert (kept["record"], kept["until"][:10]) == (ledger["id"], "2026-06-01")
    assert "art. 52 Algemene wet inzake rijksbelastingen" in kept["ground"]
    # and the answer to Mila names that obligation and the date
    assert "art. 52 Algemene wet inzake rijksbelastingen" in result["answer"]["nl"]
    assert "1 juni 2026" in result["answer"]["nl"]

    # And no sweep before that date touches it
    status, out, _ = cli(capsys, "sweep", now=at(2026, 5, 31))
    assert status == 0 and "fiscal_7y" not in out
    assert officer.get(f"/api/v1/records/{ledger['id']}/retention").status_code == 200

    # When the first sweep after seven years runs, the entry is deleted and that is reported
    status, out, _ = cli(capsys, "sweep", now=at(2026, 6, 1, 13))
    assert status == 0 and "fiscal_7y: 1 deleted" in out
    assert officer.get(f"/api/v1/records/{ledger['id']}/retention").status_code == 404
