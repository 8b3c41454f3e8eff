"""Portability: what the subject provided, as JSON or CSV, to them or to an organisation they name."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest

from tests.rights.conftest import APPLICATION, HELPDESK, PAYOUT, audit, verified_request
from waarborg.engine.rights.models import Delivery

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "ikzorginassen.yaml"


def _mark_status_as_ours() -> None:
    """A policy where the application's `status` is set by staff, not provided by the subject."""
    from waarborg.engine.policy.active import activate
    from waarborg.engine.policy.loader import load_text

    text = EXAMPLE.read_text(encoding="utf-8")
    line = "status: {category: payout, type: choice, choices: [submitted, granted, rejected]}"
    assert line in text
    activate(load_text(text.replace(line, line[:-1] + ", subject_provided: false}"), "variant.yaml"))


@pytest.mark.promise("S1-23", "S3-24")
def test_portability_gives_the_data_the_subject_provided_as_json_and_csv(
        personas: dict[str, Any], anna: Any, bert: Any) -> None:
    _mark_status_as_ours()
    officer = personas["privacy_officer"]
    request_id = verified_request(officer, anna, "portability")
    answer = officer.get(f"/api/v1/requests/{request_id}/export")
    assert answer.status_code == 200
    export = json.loads(answer.content)
    provided = {r["type"]: r["data"] for r in export["records"]}
    # the application without the staff-set status, the payout and helpdesk data the subject gave;
    # not the ledger entry (kept by law, made by the administration)
    assert provided == {"application": {k: v for k, v in APPLICATION.items() if k != "status"},
                        "payout": PAYOUT, "helpdesk_ticket": HELPDESK}
    table = officer.get(f"/api/v1/requests/{request_id}/export", {"format": "csv"})
    assert table.status_code == 200 and table["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(table.content.decode())))
    assert {(r["type"], r["field"], r["value"]) for r in rows} >= {("payout", "iban", "NL91ABNA0417164300"),
                                                                  ("application", "name", "Anna de Vries")}
    assert not any(r["field"] == "status" for r in rows)
    assert "Bert" not in table.content.decode()


@pytest.mark.promise("S1-23")
def test_a_portability_export_can_go_to_an_organisation_the_subject_names_and_the_delivery_is_logged(
        personas: dict[str, Any], anna: Any) -> None:
    officer = personas["privacy_officer"]
    request_id = verified_request(officer, anna, "portability")
    to_subject = officer.get(f"/api/v1/requests/{request_id}/export", {"format": "json"})
    to_other = officer.get(f"/api/v1/requests/{request_id}/export",
                           {"format": "csv", "recipient": "Mantelzorg Drenthe"})
    assert (to_subject.status_code, to_other.status_code) == (200, 200)
    # the officer reviewed both; only the second went out, to the organisation Anna named
    assert [e.detail["format"] for e in audit("request.review")] == ["json", "csv"]
    assert list(Delivery.objects.values_list("format", "channel", "to", "recipient")) == [
        ("csv", "api", "recipient", "Mantelzorg Drenthe")]
    assert [(e.detail["to"], e.detail["format"]) for e in audit("request.deliver")] == [("recipient", "csv")]
    shown = officer.get(f"/api/v1/requests/{request_id}").json()
    assert [d["recipient"] for d in shown["deliveries"]] == ["Mantelzorg Drenthe"]


def test_an_access_export_is_not_sent_to_another_organisation(personas: dict[str, Any], anna: Any) -> None:
    officer = personas["privacy_officer"]
    request_id = verified_request(officer, anna, "access")
    answer = officer.get(f"/api/v1/requests/{request_id}/export", {"recipient": "Iemand"})
    assert answer.status_code == 422
    assert not Delivery.objects.exists()
