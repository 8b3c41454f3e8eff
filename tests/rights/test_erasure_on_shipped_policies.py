"""Erasure on the organisations' own policies: the business administration stays on its legal ground, restricted,
with the rule in words while its date waits for an event (WlzCliëntondersteuning); data held for a dispute stays
for the legal claim (Kwartier)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import Persona, activate_example, make_staff
from waarborg.engine.consent.models import Restriction
from waarborg.engine.vault.models import Record


@pytest.fixture
def wlz(db: Any) -> dict[str, Persona]:
    activate_example("wlzclientondersteuning")
    return {"supporter": Persona(*make_staff("cas", ["client_supporter"])),
            "administration": Persona(*make_staff("ada", ["administration"])),
            "officer": Persona(*make_staff("pia", ["privacy_officer"]))}


@pytest.mark.promise("S2-23", "S2-27")
def test_a_written_erasure_request_leaves_the_administration_kept_restricted_and_explained(
        wlz: dict[str, Persona]) -> None:
    supporter, administration, officer = wlz["supporter"], wlz["administration"], wlz["officer"]
    # given a prospective client with a lead record and an invoice in the administration
    subject = supporter.post("/api/v1/subjects", {}, format="json", HTTP_X_PURPOSE="lead").json()["id"]
    supporter.post("/api/v1/records", {"subject": subject, "type": "lead", "data": {"name": "Els de Boer"}},
                   format="json", HTTP_X_PURPOSE="lead")
    invoice = administration.post("/api/v1/records", {"subject": subject, "type": "invoice", "data": {
        "client_name": "Els de Boer", "amount": "85.00", "invoice_date": "2026-02-01"}}, format="json",
        HTTP_X_PURPOSE="administration").json()["id"]
    # when her letter asking to erase everything is registered by the client supporter
    request_id = supporter.post("/api/v1/requests", {"subject": subject, "type": "erasure", "channel": "post"},
                                format="json").json()["id"]
    # then the supporter cannot carry it out alone; the privacy officer verifies and erases
    assert supporter.post(f"/api/v1/requests/{request_id}/erase", {}, format="json").status_code == 403
    assert officer.post(f"/api/v1/requests/{request_id}/verify", {"method": "in_person"},
                        format="json").status_code == 200
    result = officer.post(f"/api/v1/requests/{request_id}/erase", {}, format="json").json()
    # the lead is gone; the invoice stays on its legal ground
    assert [d["type"] for d in result["deleted"]] == ["lead"]
    [kept] = result["kept"]
    assert (kept["record"], kept["type"]) == (invoice, "invoice")
    assert "art. 52 Algemene wet inzake rijksbelastingen" in kept["ground"]
    # its seven years start when the service ends, which has not happened: the rule in words, no empty date
    assert "until" not in kept
    assert kept["until_words"]["nl"].startswith("7 jaar na het einde van de dienstverlening (wettelijk).")
    assert "nog niet" in kept["until_words"]["nl"] and "has not happened" in kept["until_words"]["en"]
    # the answer letter cites the obligation and says the same
    assert "art. 52 Algemene wet inzake rijksbelastingen" in result["answer"]["nl"]
    assert kept["until_words"]["nl"] in result["answer"]["nl"]
    # and the administration may no longer use it for anything else: it is restricted
    assert Restriction.objects.filter(subject_id=subject, purpose="administration", lifted_at=None).exists()
    answer = administration.get(f"/api/v1/records/{invoice}?purpose=administration")
    assert answer.status_code == 403 and answer.json()["reason"] == "restricted"
    assert Record.objects.filter(pk=invoice).exists()


def test_data_on_hold_for_a_dispute_is_kept_for_the_legal_claim(db: Any) -> None:
    from waarborg.engine.retention.holds import hold_place

    activate_example("kwartier")
    coordinator = Persona(*make_staff("cor", ["coordinator"]))
    officer, second = Persona(*make_staff("pia", ["privacy_officer"])), Persona(*make_staff("piet", ["privacy_officer"]))
    subject = coordinator.post("/api/v1/subjects", {}, format="json", HTTP_X_PURPOSE="volunteers").json()["id"]
    record = coordinator.post("/api/v1/records", {"subject": subject, "type": "volunteer", "data": {
        "name": "Kees Smit"}}, format="json", HTTP_X_PURPOSE="volunteers").json()["id"]
    # given a dispute with the volunteer, for which the officer holds his record
    hold_place(officer.user, reason="dispute", justification="Geschil over vergoeding",
               record=Record.objects.get(pk=record))
    # when his erasure request is registered by one officer and carried out by another
    request_id = officer.post("/api/v1/requests", {"subject": subject, "type": "erasure", "channel": "email"},
                              format="json").json()["id"]
    second.post(f"/api/v1/requests/{request_id}/verify", {"method": "in_person"}, format="json")
    result = second.post(f"/api/v1/requests/{request_id}/erase", {}, format="json").json()
    # then the record stays for the legal claim, restricted, and the answer says until when in words
    [kept] = result["kept"]
    assert kept["record"] == record and "rechtsvordering" in kept["ground"]
    assert "until" not in kept
    assert "Een bewaarplicht (geschil) houdt de gegevens vast tot die wordt opgeheven" in kept["until_words"]["nl"]
    assert kept["until_words"]["nl"] in result["answer"]["nl"]
    assert Restriction.objects.filter(subject_id=subject, purpose="volunteers", lifted_at=None).exists()
