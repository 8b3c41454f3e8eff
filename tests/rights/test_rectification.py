"""Rectification changes the field, keeps old and new in the audit log, and shows in the next export."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.rights.conftest import audit, verified_request
from tests.vault.stored import record_data
from waarborg.engine.audit.log import open_changes


@pytest.mark.promise("S0-38", "S2-27", "S1-21")
def test_a_correction_changes_the_field_and_the_log_keeps_who_when_old_and_new(
        personas: dict[str, Any], anna: Any) -> None:
    officer = personas["privacy_officer"]
    application = anna.records.get(type="application")
    # given a written correction request, identity verified
    request_id = verified_request(officer, anna, "rectification", channel="letter",
                                  details="Mijn telefoonnummer is veranderd")
    # when the officer corrects the phone number (a sealed field) and the care hours (a plain one)
    answer = officer.post(f"/api/v1/requests/{request_id}/rectify",
                          {"record": str(application.pk), "data": {"phone": "0699999999", "hours_per_week": 20}},
                          format="json")
    # then the record holds the new values
    assert answer.status_code == 200
    application.refresh_from_db()
    assert record_data(application)["phone"] == "0699999999"
    assert application.plain["hours_per_week"] == 20
    assert "0699999999" not in json.dumps(application.plain)  # still sealed
    # and the audit log keeps who, when, the old and the new value (sealed, not in the detail)
    [entry] = audit("record.update")
    assert (entry.actor, entry.record_id, entry.detail["fields"]) == ("system:rights", str(application.pk),
                                                                      ["hours_per_week", "phone"])
    [handled] = audit("request.rectify")
    assert (handled.actor, handled.record_id, handled.detail["request"]) == ("pia", str(application.pk), request_id)
    assert handled.id == entry.id + 1  # the same transaction: who and what belong together
    assert entry.at is not None and "0612345678" not in json.dumps(entry.detail)
    assert open_changes(entry) == {"old": {"phone": "0612345678", "hours_per_week": 12},
                                   "new": {"phone": "0699999999", "hours_per_week": 20}}
    # and the next access export shows the corrected value
    access_id = verified_request(officer, anna, "access")
    export = json.loads(officer.get(f"/api/v1/requests/{access_id}/export").content)
    data = next(r["data"] for p in export["purposes"] for r in p["records"] if r["type"] == "application")
    assert data["phone"] == "0699999999"


def test_a_correction_of_another_subjects_record_or_an_unknown_field_is_refused(
        personas: dict[str, Any], anna: Any, bert: Any) -> None:
    officer = personas["privacy_officer"]
    request_id = verified_request(officer, anna, "rectification")
    url = f"/api/v1/requests/{request_id}/rectify"
    berts = bert.records.get()
    assert officer.post(url, {"record": str(berts.pk), "data": {"phone": "1"}}, format="json").status_code == 422
    mine = anna.records.get(type="application")
    unknown = officer.post(url, {"record": str(mine.pk), "data": {"shoe_size": 43}}, format="json")
    assert unknown.status_code == 422 and "data.shoe_size" in unknown.json()["errors"]
    assert record_data(berts)["phone"] == "0687654321"
    assert not audit("record.update")


@pytest.mark.promise("S4-15")
def test_completion_adds_the_subjects_own_statement_shown_in_every_export(
        personas: dict[str, Any], anna: Any) -> None:
    officer = personas["privacy_officer"]
    ticket = anna.records.get(type="helpdesk_ticket")
    request_id = verified_request(officer, anna, "completion")
    statement = "Ik heb mijn vraag op 3 maart telefonisch ingetrokken."
    answer = officer.post(f"/api/v1/requests/{request_id}/complete",
                          {"statement": statement, "record": str(ticket.pk)}, format="json")
    assert answer.status_code == 200
    assert audit("statement.add")[0].detail["request"] == request_id
    access_id = verified_request(officer, anna, "access")
    export = json.loads(officer.get(f"/api/v1/requests/{access_id}/export").content)
    assert [(s["text"], s["record"]) for s in export["statements"]] == [(statement, str(ticket.pk))]
    assert statement in officer.get(f"/api/v1/requests/{access_id}/export", {"format": "html"}).content.decode()
