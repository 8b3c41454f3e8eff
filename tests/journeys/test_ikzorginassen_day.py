"""A day at Valtes (ikzorginassen.nl) on its shipped policy: a paper application is entered and assessed, the
award paid; a visitor sends a tip through the tip form; the coordinator closes the edition; the applicant sets
her password, asks in the portal what is kept about her and downloads the answer; the sweep runs and the audit
chain verifies. Staff use the API, the applicant and the visitor their browser, the operator the CLI."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from django.core import mail
from django.utils import timezone

from tests.journeys.conftest import cli, created, link, page, record, subject

APPLICATION = {"name": "Carla Jansen", "email": "carla@example.nl", "phone": "0611122233",
               "address": "Brink 4, Assen", "postcode": "9401 HS", "birth_date": "1966-02-03",
               "care_recipient_address": "Markt 8, Assen", "edition": 2026, "hours_per_week": 10,
               "relationship": "kind", "status": "submitted"}
PAYOUT = {"iban": "NL91ABNA0417164300", "account_holder": "C. Jansen", "amount": "200.00", "edition": 2026}
PASSWORD = "mantelzorg-in-assen-2026"


@pytest.mark.django_db(transaction=True)
def test_a_day_at_ikzorginassen(live_server: Any, browser: Any, ikz: Any,
                                capsys: pytest.CaptureFixture[str]) -> None:
    assessor, helpdesk, officer, coordinator = (ikz["assessor"], ikz["caseworker"], ikz["privacy_officer"],
                                                ikz["coordinator"])

    # 09:00 The assessor enters Carla's paper application; Carla gets a mail to set her portal password
    carla = subject(assessor, "eligibility", birth_date="1966-02-03")
    application = record(assessor, carla, "application", APPLICATION, "eligibility", channel="post",
                         source={"kind": "subject", "detail": "aanvraagformulier op papier"})
    [welcome] = [m for m in mail.outbox if m.to == ["carla@example.nl"]]
    assert "/portaal/wachtwoord/" in welcome.body

    # 09:30 She is eligible: the assessor grants the award, with reasons, and the case says so
    decision = created(assessor.post("/api/v1/decisions", {
        "record": application["id"], "outcome": "granted",
        "reasoning": "Zorgt 10 uur per week voor haar moeder in Assen."}, format="json"))
    assert decision["outcome"] == "granted"
    case = assessor.get(f"/api/v1/decisions/cases/{application['id']}").json()
    assert (case["outcome"], case["blocked"]) == ("granted", False)

    # 10:00 The award is paid to her account; the payout is a fiscal record, kept on that ground
    payout = record(assessor, carla, "payout", PAYOUT, "payout")
    paid = assessor.post("/api/v1/decisions/payouts", {"application": application["id"],
                                                       "payout_record": payout["id"]}, format="json")
    assert paid.status_code == 201, paid.content

    # 11:00 A visitor sends a tip through the tip form on the site
    visitor = page(browser)
    visitor.goto(f"{live_server.url}/tip/")
    visitor.get_by_label("Je tip").fill("Organiseer een mantelzorgcafé op zaterdag.")
    visitor.get_by_role("button", name="Tip versturen").click()
    visitor.get_by_role("heading", name="Bedankt voor uw tip").wait_for()
    assert "Uw tip wordt verwijderd op" in visitor.content()
    tips = helpdesk.get("/api/v1/tips", {"purpose": "tips"}).json()
    assert [t["data"]["tip"] for t in tips] == ["Organiseer een mantelzorgcafé op zaterdag."]

    # 12:00 The coordinator closes this year's edition; an assessor may not
    closed = coordinator.post("/api/v1/events", {"name": "edition_closed", "at": timezone.now().isoformat()},
                              format="json")
    assert closed.status_code == 201, closed.content
    refused = assessor.post("/api/v1/events", {"name": "edition_closed", "at": timezone.now().isoformat()},
                            format="json")
    assert refused.status_code == 403 and refused.json()["reason"] == "role_not_granted"
    assert [e["action"] for e in officer.get("/api/v1/audit/entries", {"limit": 1000}).json()["entries"]
            if e["outcome"] == "refused"][-1] == "retention.event.refused"
    explained = officer.get(f"/api/v1/records/{application['id']}/retention").json()
    assert explained["rule"] == "award_cycle" and explained["explanation"]


    # 14:00 Carla sets her password from the mail, logs in and asks what is kept about her
    portal = page(browser)
    portal.goto(live_server.url + link(welcome.body, "/portaal/wachtwoord/"))
    portal.get_by_label("Nieuw wachtwoord", exact=True).fill(PASSWORD)
    portal.get_by_label("Herhaal het nieuwe wachtwoord").fill(PASSWORD)
    portal.get_by_role("button", name="Opslaan").click()
    portal.goto(f"{live_server.url}/portaal/")
    username = next(w for w in welcome.body.split() if w.startswith("b-"))
    portal.get_by_label("Gebruikersnaam").fill(username)
    portal.get_by_label("Wachtwoord").fill(PASSWORD)
    portal.get_by_role("button", name="Inloggen").click()
    portal.get_by_role("heading", name="Mijn gegevens", exact=True).wait_for()
    assert "Beoordelen van de mantelzorgwaardering" in portal.content()
    portal.get_by_label("Soort verzoek").select_option("access")
    portal.get_by_label("Toelichting").fill("Wat bewaart u van mij?")
    portal.get_by_role("button", name="Verzoek indienen").click()
    portal.get_by_role("status").wait_for()
    [request] = officer.get("/api/v1/requests").json()
    assert (request["type"], request["status"]) == ("access", "in_progress")  # identified by her login

    # 15:00 The privacy officer reviews the export and answers; Carla downloads it in the portal
    export = json.loads(officer.get(f"/api/v1/requests/{request['id']}/export").content)
    assert {r["type"] for p in export["purposes"] for r in p["records"]} >= {"application", "payout"}
    answered = officer.post(f"/api/v1/requests/{request['id']}/answer", {}, format="json")
    assert answered.status_code == 200, answered.content
    portal.reload()
    row = portal.locator(f'tr[data-request="{request["id"]}"]')
    assert row.locator(".status").inner_text() == "Beantwoord"
    with portal.expect_download() as download:
        row.get_by_role("link", name="JSON").click()
    mine = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    assert {r["data"].get("name") for p in mine["purposes"] for r in p["records"]} >= {"Carla Jansen"}

    # 17:00 The nightly sweep: today nothing is due; four months on, the tip is gone, the rest stays
    status, out, _ = cli(capsys, "sweep")
    assert status == 0 and "total: 0 deleted, 0 anonymised" in out
    status, out, _ = cli(capsys, "sweep", now=timezone.now() + timedelta(days=120))
    assert status == 0 and "tip_3m: 1 deleted" in out and "award_cycle" not in out
    assert helpdesk.get("/api/v1/tips", {"purpose": "tips"}).json() == []
    assert assessor.get(f"/api/v1/records/{application['id']}", {"purpose": "eligibility"}).status_code == 200

    # 17:30 The audit log's chain is intact
    status, out, err = cli(capsys, "audit", "verify")
    assert status == 0, out + err
