"""Seed 001 (the sociale kaart) as shipped: every privacy request goes through the reaction form on the contact
page (S1-24), which also takes reports of insecure or misused data (S1-30); the ID copy is blacked out and
deleted after the check (S1-26); the answer comes within four weeks (S1-27) and points to the AP (S1-28)."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client

from tests.shipped.conftest import SK_REDACTIONS, at, second

AP_LINK = "https://www.autoriteitpersoonsgegevens.nl"


def _send(form: dict[str, str]) -> str:
    """POST the reaction form as a visitor: the reference shown on the thank-you page."""
    page = Client().post("/portaal/contact", form)
    assert page.status_code == 200, page.content[:300]
    found = re.search(r"<strong>([0-9a-f-]{36})</strong>", page.content.decode())
    assert found, page.content.decode()
    return found.group(1)


def _form(type: str, details: str = "Graag wil ik dit regelen.") -> dict[str, str]:
    return {"name": "Carla Smit", "email": "carla@example.nl", "type": type, "details": details}


@pytest.mark.promise("S1-24")
def test_the_reaction_form_offers_every_request_type_and_each_submission_is_tracked(sk: Any) -> None:
    officer = sk["privacy_officer"]
    # The reaction form on the contact page offers each kind of request
    page = Client().get("/portaal/contact").content.decode()
    for value in ("access", "rectification", "erasure", "portability", "withdraw_consent", "objection"):
        assert f'value="{value}"' in page, value
    # Each submission becomes a request with a reference, a status and a due date the privacy officer tracks
    references = {type: _send(_form(type)) for type in ("access", "rectification", "erasure", "portability",
                                                         "withdraw_consent", "objection")}
    queue = {row["id"]: row for row in officer.get("/api/v1/requests").json()}
    assert set(references.values()) <= set(queue)
    for type, reference in references.items():
        row = queue[reference]
        assert (row["type"], row["channel"], row["status"]) == (type, "contact_form", "awaiting_identification")
        assert row["due_at"]


@pytest.mark.promise("S1-27", "S1-28")
def test_a_request_is_due_in_four_weeks_flagged_overdue_on_day_29_and_the_answer_points_to_the_ap(
        sk: Any, frozen: Any) -> None:
    officer = sk["privacy_officer"]
    # Given Carla sent an access request through the reaction form on 2 March 2026
    reference = _send(_form("access"))
    request = officer.get(f"/api/v1/requests/{reference}").json()
    assert request["due_at"][:10] == "2026-03-30"  # four weeks: 28 days
    # Then on day 28 it is not overdue, on day 29 the deadline report flags it
    frozen.move_to(at(2026, 3, 30, 10))
    assert reference not in [r["id"] for r in officer.get("/api/v1/requests", {"overdue": "1"}).json()]
    frozen.move_to(at(2026, 3, 31, 10))
    assert reference in [r["id"] for r in officer.get("/api/v1/requests", {"overdue": "1"}).json()]

    # When a colleague checks her ID copy and the officer answers and closes the request
    checker = second(officer, "pia-2")
    verified = checker.post(f"/api/v1/requests/{reference}/verify",
                            {"method": "id_copy", "redactions": SK_REDACTIONS}, format="json")
    assert verified.status_code == 200, verified.content
    answered = officer.post(f"/api/v1/requests/{reference}/answer", {"nl": "Wij hebben geen gegevens van u."},
                            format="json")
    assert answered.status_code == 200, answered.content
    closed = officer.post(f"/api/v1/requests/{reference}/close", {"nl": ""}, format="json").json()
    # Then the response date is stored and the answer tells her she can complain to the AP
    assert closed["answered_at"].startswith("2026-03-31")
    assert AP_LINK in closed["answer"]["nl"]
    # And the privacy page says so too
    assert AP_LINK in Client().get("/privacy/").content.decode()


@pytest.mark.promise("S1-26")
def test_an_id_copy_must_have_photo_mrz_passport_number_and_bsn_blacked_out_and_goes_after_the_check(
        sk: Any) -> None:
    officer = sk["privacy_officer"]
    # The form tells the requester what to black out
    page = Client().get("/portaal/contact").content.decode()
    for item in ("pasfoto", "MRZ", "documentnummer", "burgerservicenummer (BSN)"):
        assert item in page, item
    reference = _send(_form("access"))
    url = f"/api/v1/requests/{reference}/id-copy"
    # A copy that still shows a valid BSN or an MRZ line is refused
    bsn = officer.post(url, {"reference": "mail/17.jpg", "text": "PASPOORT BSN 1112.22.333"}, format="json")
    assert bsn.status_code == 422 and "bsn" in bsn.json()["errors"]["text"][0]
    mrz = officer.post(url, {"reference": "mail/17.jpg", "text": "P<NLDSMIT<<CARLA<<<<<<<<<<<<<<<<<<<<<<<<<<<<"},
                       format="json")
    assert mrz.status_code == 422 and "mrz" in mrz.json()["errors"]["text"][0]
    clean = officer.post(url, {"reference": "mail/17.jpg", "text": "PASPOORT ██████ Carla ██████"}, format="json")
    assert clean.status_code == 200 and clean.json()["identity"]["id_copy_held"] is True
    # Staff must confirm every item the statement names before the copy is accepted
    checker = second(officer, "pia-2")
    partly = checker.post(f"/api/v1/requests/{reference}/verify",
                          {"method": "id_copy", "redactions": ["pasfoto", "MRZ", "paspoortnummer"]}, format="json")
    assert partly.status_code == 422 and "redactions" in partly.json()["errors"]
    assert officer.get(f"/api/v1/requests/{reference}").json()["status"] == "awaiting_identification"
    accepted = checker.post(f"/api/v1/requests/{reference}/verify",
                            {"method": "id_copy", "redactions": SK_REDACTIONS}, format="json")
    # And once it is, the copy is deleted
    assert accepted.status_code == 200
    identity = accepted.json()["identity"]
    assert identity["id_copy_held"] is False and identity["id_copy_deleted_at"]


@pytest.mark.promise("S1-30")
def test_a_security_concern_sent_through_the_reaction_form_opens_a_possible_breach(sk: Any, frozen: Any) -> None:
    officer = sk["privacy_officer"]
    # The reaction form offers to report data that is not well secured or misused
    page = Client().get("/portaal/contact").content.decode()
    assert 'value="security_concern"' in page and "misbruik" in page
    # When a visitor reports it
    answer = Client().post("/portaal/contact", _form(
        "security_concern", "Op de kaart staat het privé-adres van onze vrijwilliger, niet ons kantooradres."))
    # Then they are thanked with a reference, and no privacy request was filed
    assert answer.status_code == 200
    body = answer.content.decode()
    assert "Dank u voor uw melding" in body
    reference = re.search(r"<strong>([0-9a-f-]{36})</strong>", body)
    assert reference is not None
    assert officer.get("/api/v1/requests").json() == []
    # And the privacy officer finds a possible breach, received now, with the AP clock running
    breach = officer.get(f"/api/v1/breaches/{reference.group(1)}").json()
    assert breach["source"] == "public" and breach["status"] == "reported"
    assert breach["received_at"].startswith("2026-03-02T09:00")
    assert breach["authority_due_at"].startswith("2026-03-05T09:00")
    assert "privé-adres" in breach["description"]

