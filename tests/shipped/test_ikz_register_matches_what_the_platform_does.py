"""S0-25 on the shipped seed-000 policy: the register of processing activities (art. 30) is served from the
running policy, lists every purpose with its data, legal basis, retention and recipients, and every purpose
the platform actually processes data for (seen in the audit log after a day's work) is in it."""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest
from django.test import Client

from tests.shipped.conftest import cli, created, record, subject


@pytest.mark.promise("S0-25")
def test_the_register_lists_every_purpose_the_platform_processes_data_for(
        ikz: Any, capsys: pytest.CaptureFixture[str]) -> None:
    officer, assessor, helpdesk = ikz["privacy_officer"], ikz["assessor"], ikz["caseworker"]
    visitor = Client()
    # Given a day's work: a visit to the site, a tip through the tip form, an application, a helpdesk question
    assert visitor.get("/privacy/").status_code == 200
    tip = visitor.post("/tip/", {"tip": "Een bankje bij de ingang van het gemeentehuis.", "email": ""})
    assert tip.status_code == 201, tip.content[:300]
    mila = subject(assessor, "eligibility")
    record(assessor, mila, "application",
           {"name": "Mila de Vries", "phone": "0612345678", "address": "Brink 1, Assen", "birth_date": "1961-04-12",
            "care_recipient_address": "Markt 3, Assen", "edition": 2026}, "eligibility")
    created(helpdesk.post("/api/v1/tips", {"data": {"tip": "Bel de buurvrouw."}, "channel": "phone"}, format="json", HTTP_X_PURPOSE="tips"))
    record(helpdesk, mila, "helpdesk_ticket", {"question": "Hoe vraag ik de waardering aan?"}, "helpdesk")

    # When anyone opens the register on the privacy pages
    answer = visitor.get("/privacy/register.json")
    assert answer.status_code == 200
    activities = {a["purpose"]: a for a in answer.json()["activities"]}

    # Then it has every purpose of the statement, each with data, legal basis, retention and recipients
    assert list(activities) == ["eligibility", "payout", "policy_research", "events", "newsletter", "tips",
                                "helpdesk", "statistics", "administration"]
    payout = activities["payout"]
    assert payout["legal_basis"] == "contract"
    assert {d["category"] for d in payout["personal_data"]} == {"bank", "payout"}
    assert [r["rule"] for r in payout["retention"]] == ["award_cycle_anonymised"]
    assert "Daarna maken wij de gegevens anoniem" in payout["retention"][0]["words"]
    assert {r["recipient"] for r in payout["recipients"]} == {"hosting", "co_developer", "administration_office",
                                                              "gemeente_assen"}
    ledger = activities["administration"]
    assert ledger["legal_basis"] == "legal_obligation"
    assert "art. 52 Algemene wet inzake rijksbelastingen" in ledger["retention"][0]["legal_ground"]
    for activity in activities.values():
        assert activity["legal_basis"] and activity["name"]["nl"]
        assert all("# S0-" not in line for line in activity["security"])  # the policy's notes stay out

    # And every purpose the audit log shows data was processed for is in the register
    entries = officer.get("/api/v1/audit/entries", {"limit": 1000}).json()["entries"]
    used = {e["purpose"] for e in entries if e["purpose"]}
    assert {"tips", "eligibility", "helpdesk"} <= used
    assert used <= set(activities)
    # (visits are stored anonymised at once, not audited one by one: the statistics say under which purpose)
    visits = officer.get("/api/v1/statistics/visits", {"purpose": "statistics"})
    assert visits.status_code == 200 and visits.json()["purpose"] in activities
    assert sum(row["visits"] for row in visits.json()["rows"]) >= 1

    # And the operator's export says the same, in CSV for the spreadsheet of the FG
    status, out, _ = cli(capsys, "render", "register", "--policy", "examples/ikzorginassen.yaml", "--format", "csv")
    assert status == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["id"].rsplit("-", 1)[0] for r in rows] == list(activities)
