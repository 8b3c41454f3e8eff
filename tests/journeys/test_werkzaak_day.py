"""A day at Werkzaak Rivierenland on its shipped policy: a consultant's intake lands in her caseload, the team
leader adds re-integration to it from the command line; records, a consent and a recording; a disclosure to a
re-integration company and one the policy forbids (403, audited); a rights request by letter, verified by the
FG and answered by secure mail by a colleague of the registrar, which the client picks up in his browser with an
access code; a hold for his objection; the sweep and the audit chain."""

from __future__ import annotations

import json
import re
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from django.core import mail
from django.utils import timezone

from tests.journeys.conftest import cli, created, link, page, record
from tests.shipped.conftest import BENEFIT, audit_entries, intake, second

PLAN = {"name": "Jan Jansen", "education": "mbo 2 logistiek", "work_history": "Magazijnmedewerker 2015-2024",
        "capacity": "Geen zwaar tilwerk (rugklachten).", "plan": "Werkervaringsplek bij een groothandel."}
RECORDING = {"file": "opnamen/2026-gesprek-jan.webm", "checksum": "sha256:9f2c", "announced_before_start": True}
ADDRESS = "jan.jansen@example.nl"


@pytest.mark.django_db(transaction=True)
def test_a_day_at_werkzaak(live_server: Any, browser: Any, wz: Any, capsys: pytest.CaptureFixture[str]) -> None:
    connie, kees, officer, fg, desk = (wz["worker"], wz["colleague"], wz["privacy_officer"], wz["dpo"],
                                       wz["front_office"])

    # 09:00 Connie's intake of Jan: he is in her caseload at once, and only in hers
    jan, benefit = intake(connie)
    assert jan in [a["subject"] for a in connie.get("/api/v1/assignments", {"staff": "me"}).json()]
    assert kees.get(f"/api/v1/records/{benefit}", {"purpose": "benefits"}).json()["reason"] == "not_assigned"

    # 09:30 The team leader adds his re-integration to Connie's caseload, on the command line
    status, out, err = cli(capsys, "assign", jan, "--purpose", "reintegration", "--to", "connie")
    assert status == 0, out + err
    plan = record(connie, jan, "reintegration_plan", PLAN, "reintegration")
    assert plan["purpose"] == "reintegration" and plan["expires_at"] is None  # kept until the programme ends

    # 10:00 Jan agrees to have the conversation recorded; Connie stores the recording
    status, out, err = cli(capsys, "assign", jan, "--purpose", "recordings", "--to", "connie")
    assert status == 0, out + err
    consent = created(officer.post("/api/v1/consents", {"subject": jan, "purpose": "recordings",
                                                        "channel": "in_person"}, format="json"))
    assert consent["status"] == "active"
    record(connie, jan, "recording", RECORDING, "recordings")

    # 11:00 Connie sends the work experience place what it needs: name and plan, not his health
    sent = connie.post("/api/v1/disclosures", {"subject": jan, "recipient": "reintegration_providers",
                                               "purpose": "reintegration", "reason": "public_task",
                                               "records": [plan["id"]], "categories": ["identity", "work"]},
                       format="json")
    assert sent.status_code == 201, sent.content
    shared = officer.get(f"/api/v1/subjects/{jan}/disclosures").json()
    assert [d["recipient"] for d in shared] == ["reintegration_providers"]
    # ...but the whole plan, with what it says about his health, may not go there: 403, and it is audited
    refused = connie.post("/api/v1/disclosures", {"subject": jan, "recipient": "reintegration_providers",
                                                  "purpose": "reintegration", "reason": "public_task",
                                                  "records": [plan["id"]]}, format="json")
    assert refused.status_code == 403 and refused.json()["reason"] == "recipient_not_allowed"
    assert [e["reason"] for e in audit_entries(officer) if e["outcome"] == "refused"][-1] == "recipient_not_allowed"
    assert len(officer.get(f"/api/v1/subjects/{jan}/disclosures").json()) == 1

    # 12:00 The front office answers Jan's e-mailed question about his payment date
    question = record(desk, jan, "question", {"email": ADDRESS, "question": "Wanneer wordt mijn uitkering betaald?"},
           "questions")

    # 13:00 Jan's letter "Verzoek omtrent persoonsgegevens": the privacy team registers it, the FG checks his ID
    request = created(officer.post("/api/v1/requests", {
        "subject": jan, "type": "access", "channel": "post",
        "requester": {"kind": "subject", "name": "Jan Jansen", "contact": ADDRESS}}, format="json"))
    assert fg.post(f"/api/v1/requests/{request['id']}/verify", {"method": "in_person"},
                   format="json").status_code == 200
    # ...and a colleague in the privacy team sends the answer by secure mail: a link, nothing of his data
    colleague = second(officer, "pieter")
    delivered = colleague.post(f"/api/v1/requests/{request['id']}/deliver", {"channel": "secure_mail",
                                                                           "format": "json"}, format="json")
    assert delivered.status_code == 200, delivered.content
    [notice] = [m for m in mail.outbox if m.to == [ADDRESS]]
    assert BENEFIT["iban"] not in notice.body

    # 14:00 Jan opens the link, asks for an access code and fetches his answer
    browser_page = page(browser)
    browser_page.goto(live_server.url + link(notice.body, "/beveiligde-mail/ophalen/"))
    browser_page.get_by_role("heading", name="Uw antwoord ophalen").wait_for()
    ask, fetch = browser_page.locator("form").nth(0), browser_page.locator("form").nth(1)
    ask.get_by_label("E-mailadres").fill(ADDRESS)
    ask.get_by_role("button", name="Stuur mij een toegangscode").click()
    browser_page.get_by_role("status").wait_for()
    code = re.search(r"\b(\d{8})\b", str(mail.outbox[-1].body))
    assert code is not None and mail.outbox[-1].to == [ADDRESS]
    fetch = browser_page.locator("form").nth(1)
    fetch.get_by_label("E-mailadres").fill(ADDRESS)
    fetch.get_by_label("Toegangscode").fill(code.group(1))
    with browser_page.expect_download() as download:
        fetch.get_by_role("button", name="Antwoord ophalen").click()
    export = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    kinds = {r["type"] for block in export["purposes"] for r in block["records"]}
    assert {"benefit_file", "reintegration_plan", "question"} <= kinds
    assert [d["recipient"] for d in export.get("disclosures", shared)] == ["reintegration_providers"]
    assert officer.get(f"/api/v1/requests/{request['id']}").json()["deliveries"][0]["received_at"]
    # ...and the request is answered: while it was open, a hold kept his data from the sweep
    answered = colleague.post(f"/api/v1/requests/{request['id']}/answer", {}, format="json")
    assert answered.status_code == 200 and answered.json()["status"] == "answered"

    # 16:00 Jan lodges an objection (bezwaar) against his benefit decision: the privacy team places a hold
    later = timezone.now() + timedelta(days=400)
    hold = created(officer.post("/api/v1/holds", {
        "subject": jan, "kind": "dispute", "reason": "Bezwaar tegen de beschikking (zaak B-2026-114)",
        "review_at": (timezone.now() + timedelta(days=365)).date().isoformat()}, format="json"))
    explained = officer.get(f"/api/v1/records/{question['id']}/retention").json()["explanation"]
    assert "Bewaarplicht" in explained
    refused_hold = connie.post("/api/v1/holds", {"subject": jan, "reason": "Voor de zekerheid"}, format="json")
    assert refused_hold.status_code == 403 and refused_hold.json()["reason"] == "role_not_granted"

    # 17:00 The sweep: nothing due today; thirteen months on the hold still keeps his question, and says so
    status, out, _ = cli(capsys, "sweep")
    assert status == 0 and "total: 0 deleted" in out
    status, out, _ = cli(capsys, "sweep", now=later)
    assert status == 0 and "question_1y: 1 deleted" not in out and f"kept by hold {hold['id']}" in out
    # When the objection is settled and the hold released, the next sweep takes the question; his files stay
    assert officer.delete(f"/api/v1/holds/{hold['id']}").status_code == 204
    status, out, _ = cli(capsys, "sweep", now=later)
    assert status == 0 and "question_1y: 1 deleted" in out and "benefit_10y" not in out
    assert connie.get(f"/api/v1/records/{benefit}", {"purpose": "benefits"}).status_code == 200
    status, out, err = cli(capsys, "audit", "verify")
    assert status == 0, out + err
