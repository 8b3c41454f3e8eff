"""Seed 001 (the sociale kaart) as shipped: a listed contact person or a visitor uses their rights. Access,
correction and deletion (S1-21), withdrawing consent and objecting (S1-22), and their data as a computer file
for themselves or another organisation (S1-23). Requests come through the reaction form; staff register them
on the person's data, and a second staff member checks the ID copy."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import pytest

from tests.shipped.conftest import SK_REDACTIONS, created, listing, record, second, subject, verified


def _contact(sk: Any) -> tuple[dict[str, Any], str]:
    """Huurteam Assen, listed with the data its contact person supplied: the listing and its subject."""
    huurteam = listing(sk["editor"], "self", name="Huurteam Assen", theme="wonen", phone="0592 654321")
    shown = sk["editor"].get(f"/api/v1/listings/{huurteam['id']}", {"purpose": "listing"}).json()
    return shown, str(shown["subject"])


@pytest.mark.promise("S1-21")
def test_a_listed_contact_sees_corrects_and_deletes_their_data_and_hears_what_is_kept_and_why(sk: Any) -> None:
    officer, editor = sk["privacy_officer"], sk["editor"]
    checker = second(officer, "pia-2")
    shown, person = _contact(sk)
    # The privacy officer files each request of the reaction form with the person's data
    kept = record(officer, person, "privacy_request", {"type": "erasure", "email": "huur@huurteam.example.nl"},
                  "privacy_requests")

    # Access: every piece of their data
    access = verified(officer, checker, person, "access", "contact_form", SK_REDACTIONS)
    export = json.loads(checker.get(f"/api/v1/requests/{access['id']}/export").content)
    data = {r["type"]: r["data"] for block in export["purposes"] for r in block["records"]}
    assert data["listing"]["name"] == "Huurteam Assen" and data["listing"]["phone"] == "0592 654321"
    assert data["verification_address"] == {"email": "controle@delinde.example.nl"}
    assert data["privacy_request"]["type"] == "erasure"

    # Correction: the new phone number is on the site, old and new are in the audit log
    fix = verified(officer, checker, person, "rectification", "contact_form", SK_REDACTIONS)
    corrected = checker.post(f"/api/v1/requests/{fix['id']}/rectify",
                             {"record": shown["record"], "data": {"phone": "0592 111222"}}, format="json")
    assert corrected.status_code == 200, corrected.content
    assert editor.get(f"/api/v1/listings/{shown['id']}", {"purpose": "listing"}).json()["phone"] == "0592 111222"
    updates = officer.get("/api/v1/audit/entries", {"action": "record.update"}).json()["entries"]
    assert [e["record"] for e in updates] == [shown["record"]] and updates[0]["has_changes"]

    # Deletion: the listing goes; the request record stays on its legal ground, and the answer says why
    erase = verified(officer, checker, person, "erasure", "contact_form", SK_REDACTIONS)
    result = checker.post(f"/api/v1/requests/{erase['id']}/erase", {}, format="json").json()
    assert sorted(d["type"] for d in result["deleted"]) == ["listing", "verification_address"]
    assert [(k["record"], k["ground"]) for k in result["kept"]] == [(kept["id"], "AVG art. 12 tot en met 22")]
    assert "AVG art. 12 tot en met 22" in result["answer"]["nl"] and result["kept"][0]["until_words"]["nl"]
    assert editor.get(f"/api/v1/listings/{shown['id']}", {"purpose": "listing"}).status_code == 404
    assert sk["outsider"].get(f"/api/v1/sociale-kaart/listings/{shown['id']}").status_code == 404


@pytest.mark.promise("S1-22")
def test_a_withdrawn_consent_stops_the_replies_and_an_objection_stops_the_usage_data(sk: Any) -> None:
    officer, service, website = sk["privacy_officer"], sk["customer_service"], sk["website"]
    # Given Carla left a comment with her e-mail address (with her consent, for a reply)
    ticket = created(sk["outsider"].post("/api/v1/sociale-kaart/feedback", {
        "comment": "Het telefoonnummer van De Linde klopt niet.", "email": "carla@example.nl"}, format="json"))
    [row] = service.get("/api/v1/tickets", {"purpose": "feedback"}).json()
    carla = service.get(f"/api/v1/records/{row['record']}", {"purpose": "feedback"}).json()["subject"]
    [consent] = officer.get("/api/v1/consents", {"subject": carla}).json()
    assert consent["status"] == "active"

    # When she withdraws her consent
    withdrawn = officer.post(f"/api/v1/consents/{consent['id']}/withdraw", {"channel": "contact_form"},
                             format="json")
    assert withdrawn.status_code == 200, withdrawn.content
    # Then customer service can no longer mail her about it, and the register shows the withdrawal
    reply = service.post(f"/api/v1/tickets/{ticket['id']}/messages",
                         {"kind": "feedback_outcome", "text": "Wij hebben het nummer aangepast."},
                         format="json", HTTP_X_PURPOSE="feedback")
    assert reply.status_code == 403 and reply.json()["reason"] == "no_active_consent"
    assert officer.get("/api/v1/consents", {"subject": carla}).json()[0]["status"] == "withdrawn"

    # Given the website records usage data of a visitor who objects to it
    visitor = subject(website, "site_usage")
    record(website, visitor, "usage_event", {"at": "2026-03-01T10:00:00+01:00", "content": "/zorg"}, "site_usage")
    objection = created(officer.post("/api/v1/objections", {"subject": visitor, "purpose": "site_usage",
                                                            "channel": "contact_form"}, format="json"))
    assert objection["id"]
    # Then the website's next usage record for them is refused
    refused = website.post("/api/v1/records", {"subject": visitor, "type": "usage_event",
                                               "data": {"at": "2026-03-01T10:05:00+01:00", "content": "/wonen"}},
                           format="json", HTTP_X_PURPOSE="site_usage")
    assert refused.status_code == 403 and refused.json()["reason"] == "objected"
    # And the withdrawal, the objection and the refusal are in the audit log
    actions = [e["action"] for e in officer.get("/api/v1/audit/entries", {"limit": 1000}).json()["entries"]]
    assert "consent.withdraw" in actions and "objection.record" in actions and "write.refused" in actions


@pytest.mark.promise("S1-23")
def test_the_data_a_contact_supplied_comes_as_a_computer_file_for_them_or_an_organisation_they_name(
        sk: Any) -> None:
    officer = sk["privacy_officer"]
    checker = second(officer, "pia-2")
    _, person = _contact(sk)
    request = verified(officer, checker, person, "portability", "contact_form", SK_REDACTIONS)
    # As JSON for the person themselves
    mine = checker.get(f"/api/v1/requests/{request['id']}/export", {"format": "json"})
    assert mine.status_code == 200
    provided = {r["type"]: r["data"] for r in json.loads(mine.content)["records"]}
    assert provided["listing"]["name"] == "Huurteam Assen"
    # As CSV for the organisation they name, and that delivery is logged on the request
    theirs = checker.get(f"/api/v1/requests/{request['id']}/export",
                         {"format": "csv", "recipient": "Sociaal Wijkteam Assen"})
    assert theirs.status_code == 200 and theirs["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(theirs.content.decode())))
    assert ("listing", "name", "Huurteam Assen") in {(r["type"], r["field"], r["value"]) for r in rows}
    deliveries = officer.get(f"/api/v1/requests/{request['id']}").json()["deliveries"]
    assert [d["recipient"] for d in deliveries] == ["Sociaal Wijkteam Assen"]
