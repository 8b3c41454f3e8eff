"""Seed 001 (the sociale kaart) as shipped: where listing data comes from (S1-02), how long it stays after
the client ends the cooperation (S1-07), and that no data exists without a retention rule (S1-18)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.conftest import EXAMPLES
from tests.shipped.conftest import SK_REDACTIONS, at, cli, listing, second, verified


@pytest.mark.promise("S1-02")
def test_each_listing_says_whether_the_municipality_or_the_organisation_supplied_it(
        sk: Any, capsys: pytest.CaptureFixture[str]) -> None:
    editor, officer = sk["editor"], sk["privacy_officer"]
    # Given one listing supplied by the municipality and one by the organisation itself
    linde = listing(editor, "municipality")
    huurteam = listing(editor, "self", name="Huurteam Assen", theme="wonen")
    # Then the editors see the source with each listing
    assert editor.get(f"/api/v1/listings/{linde['id']}", {"purpose": "listing"}).json()["source"] == "municipality"
    assert editor.get(f"/api/v1/listings/{huurteam['id']}", {"purpose": "listing"}).json()["source"] == "self"
    # And a source that is neither is refused as invalid input
    other = editor.post("/api/v1/listings", {"name": "X", "source": "scraped"}, format="json",
                        HTTP_X_PURPOSE="listing")
    assert other.status_code == 422 and "source" in other.json()["errors"]

    # When the contact person of the self-supplied listing asks for access
    subject_id = editor.get(f"/api/v1/listings/{huurteam['id']}", {"purpose": "listing"}).json()["subject"]
    reviewer = second(officer, "pia-2")
    request = verified(officer, reviewer, subject_id, "access", "contact_form", SK_REDACTIONS)
    answer = reviewer.get(f"/api/v1/requests/{request['id']}/export")
    assert answer.status_code == 200, answer.content
    export = json.loads(answer.content)
    # Then the export says, per record, that they supplied it themselves
    listed = [r for block in export["purposes"] for r in block["records"] if r["type"] == "listing"]
    assert [r["source"]["kind"] for r in listed] == ["subject"]
    assert listed[0]["source"]["words"] == {"nl": "van uzelf", "en": "from you"}


@pytest.mark.promise("S1-07")
def test_listing_data_is_kept_while_the_contract_runs_and_destroyed_five_years_after_it_ends(
        sk: Any, frozen: Any, capsys: pytest.CaptureFixture[str]) -> None:
    editor, officer = sk["editor"], sk["privacy_officer"]
    # Given a listing, with no end date while the client has the site maintained
    linde = listing(editor)
    shown = editor.get(f"/api/v1/listings/{linde['id']}", {"purpose": "listing"}).json()
    retention = officer.get(f"/api/v1/records/{shown['record']}/retention").json()
    assert retention["expires_at"] is None
    status, out, _ = cli(capsys, "sweep", now=at(2035, 1, 1))
    assert status == 0 and "total: 0 deleted" in out

    # When the editor records that the municipality ended the cooperation today (2 March 2026)
    ended = editor.post("/api/v1/events", {"name": "contract_ended", "at": at(2026, 3, 2, 10).isoformat(),
                                           "subject": shown["subject"]}, format="json")
    assert ended.status_code == 201, ended.content

    # Then the data is there until five years later, and the sweep on that day destroys it and says so
    retention = officer.get(f"/api/v1/records/{shown['record']}/retention").json()
    assert retention["expires_at"].startswith("2031-03-02")
    status, out, _ = cli(capsys, "sweep", now=at(2031, 3, 1))
    assert status == 0 and "contract_plus_5y" not in out
    assert editor.get(f"/api/v1/listings/{linde['id']}", {"purpose": "listing"}).status_code == 200
    status, out, _ = cli(capsys, "sweep", now=at(2031, 3, 2, 13))
    assert status == 0 and "contract_plus_5y: 2 deleted" in out  # the listing and its verification address
    assert editor.get(f"/api/v1/listings/{linde['id']}", {"purpose": "listing"}).status_code == 404
    deletions = officer.get("/api/v1/audit/entries", {"action": "record.delete"}).json()["entries"]
    assert deletions and all(e["detail"]["rule"] == "contract_plus_5y" for e in deletions)


@pytest.mark.promise("S1-18")
def test_every_kind_of_data_has_a_retention_rule_and_data_without_one_cannot_be_stored(
        sk: Any, tmp_path: Any, capsys: pytest.CaptureFixture[str]) -> None:
    editor, website = sk["editor"], sk["website"]
    # The register gives a retention rule, in words, for every kind of data the website keeps
    activities = sk["outsider"].get("/privacy/register.json").json()["activities"]
    kinds = {row["record_type"]: row for a in activities for row in a["retention"]}
    assert set(kinds) == {"listing", "verification_address", "feedback_ticket", "device_data", "usage_event",
                          "location_data", "external_information", "privacy_request", "id_copy"}
    assert all(row["rule"] and row["words"] for row in kinds.values())
    # A kind of data the policy does not name cannot be stored
    subject = listing(editor)
    shown = editor.get(f"/api/v1/listings/{subject['id']}", {"purpose": "listing"}).json()
    answer = website.post("/api/v1/records", {"subject": shown["subject"], "type": "browsing_profile",
                                              "data": {"pages": "alle"}}, format="json", HTTP_X_PURPOSE="site_usage")
    assert answer.status_code in (403, 422) and answer.status_code != 201
    # And a policy that adds a kind of data without a rule is refused before it can run
    source = (EXAMPLES / "socialekaart.yaml").read_text(encoding="utf-8")
    broken = tmp_path / "socialekaart.yaml"
    broken.write_text(source.replace("    retention: usage_3m\n    fields:\n      device_id:",
                                     "    fields:\n      device_id:", 1), encoding="utf-8")
    status, _, err = cli(capsys, "policy", "check", str(broken))
    assert status == 1 and "retention" in err
