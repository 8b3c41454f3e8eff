"""Werkzaak as shipped: a client's rights by letter or e-mail, handled by the privacy team with two people.
Access, correction, blocking and deletion end to end (S3-22), data as a computer file (S3-24), the FG sees
and hears of every request, breach and complaint (S3-28), and an unresolved complaint points to the AP (S3-29).

On blocking: the statement names no processing that goes on for a blocked person (it mentions no legal
claims), so the shipped policy marks no purpose `legal_claims`. What the law still requires goes on: the
file stays stored for its Archiefwet period, the sweep keeps that clock, and an erasure keeps it on that
ground. Every use by staff stops."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import pytest
from django.core import mail

from tests.shipped.conftest import BENEFIT, at, audit_entries, created, intake, record, second

AP = "https://www.autoriteitpersoonsgegevens.nl"


def _letter(officer: Any, checker: Any, person: str, type: str, **extra: Any) -> str:
    """A request by letter, registered by one member of the privacy team and verified in person by another."""
    filed = created(officer.post("/api/v1/requests", {"subject": person, "type": type, "channel": "post",
                                                      **extra}, format="json"))
    verified = checker.post(f"/api/v1/requests/{filed['id']}/verify", {"method": "in_person"}, format="json")
    assert verified.status_code == 200, verified.content
    return str(filed["id"])


@pytest.mark.promise("S3-22")
def test_a_client_sees_corrects_blocks_and_deletes_their_data(wz: Any) -> None:
    connie, officer, desk = wz["worker"], wz["privacy_officer"], wz["front_office"]
    checker = second(officer, "pia-2")
    person, file = intake(connie)
    question = record(desk, person, "question", {"email": "jan@example.nl", "question": "Wanneer is de betaling?"},
                      "questions")

    # Access: the export shows his benefit file
    access = _letter(officer, checker, person, "access")
    export = json.loads(checker.get(f"/api/v1/requests/{access}/export").content)
    files = [r for block in export["purposes"] for r in block["records"] if r["type"] == "benefit_file"]
    assert files[0]["data"]["address"] == BENEFIT["address"]
    officer.post(f"/api/v1/requests/{access}/answer", {}, format="json")

    # Correction: his new address, seen by his consultant, old and new in the audit log
    fix = _letter(officer, checker, person, "rectification")
    assert checker.post(f"/api/v1/requests/{fix}/rectify", {"record": file, "data": {"address": "Kerkpad 2, Tiel"}},
                        format="json").status_code == 200
    assert connie.get(f"/api/v1/records/{file}", {"purpose": "benefits"}).json()["data"]["address"] == "Kerkpad 2, Tiel"
    assert [e["record"] for e in audit_entries(officer, action="record.update")] == [file]

    # Blocking: once answered, his consultant can no longer use the file, and the attempt is logged
    block = _letter(officer, checker, person, "restriction")
    answered = officer.post(f"/api/v1/requests/{block}/answer", {}, format="json")
    assert answered.status_code == 200, answered.content
    read = connie.get(f"/api/v1/records/{file}", {"purpose": "benefits"})
    assert (read.status_code, read.json()["reason"]) == (403, "restricted")
    change = connie.patch(f"/api/v1/records/{file}", {"data": {"income": "1.00"}}, format="json",
                          HTTP_X_PURPOSE="benefits")
    assert (change.status_code, change.json()["reason"]) == (403, "restricted")
    shared = connie.post("/api/v1/disclosures", {"subject": person, "recipient": "municipalities",
                                                 "purpose": "benefits", "reason": "public_task"}, format="json")
    assert shared.status_code == 403
    assert {e["reason"] for e in audit_entries(officer) if e["outcome"] == "refused"} >= {"restricted"}
    # ...but it stays stored, for him to see, and its Archiefwet clock still runs
    again = _letter(officer, checker, person, "access")
    export = json.loads(checker.get(f"/api/v1/requests/{again}/export").content)
    assert any(r["type"] == "benefit_file" for block in export["purposes"] for r in block["records"])
    assert officer.get(f"/api/v1/records/{file}/retention").json()["rule"] == "benefit_10y"

    # Deletion: the question goes; the benefit file is kept on its legal ground, and the answer says so
    erase = _letter(officer, checker, person, "erasure")
    result = checker.post(f"/api/v1/requests/{erase}/erase", {}, format="json").json()
    assert [d["record"] for d in result["deleted"]] == [question["id"]]
    assert [k["record"] for k in result["kept"]] == [file]
    assert "Archiefwet" in result["kept"][0]["ground"] and "Archiefwet" in result["answer"]["nl"]


@pytest.mark.promise("S3-24")
def test_a_client_gets_the_data_they_gave_as_json_and_csv(wz: Any) -> None:
    connie, officer, desk = wz["worker"], wz["privacy_officer"], wz["front_office"]
    checker = second(officer, "pia-2")
    person, _ = intake(connie)
    # Given Jan sent the customer contact centre a secure message (with his consent for secure mail)
    created(officer.post("/api/v1/consents", {"subject": person, "purpose": "secure_mail"}, format="json"))
    record(desk, person, "secure_message", {"name": "Jan Jansen", "email": "jan@example.nl",
                                            "message": "Hierbij mijn loonstrook van februari.",
                                            "attachment": "loonstrook-2026-02.pdf"}, "secure_mail",
           source={"kind": "subject"})
    # When he asks for his data as a computer file
    request = _letter(officer, checker, person, "portability")
    as_json = checker.get(f"/api/v1/requests/{request}/export", {"format": "json"})
    # Then he gets what he provided on the grounds art. 20 covers (consent, contract) as JSON...
    assert as_json.status_code == 200
    provided = {r["type"]: r["data"] for r in json.loads(as_json.content)["records"]}
    assert provided["secure_message"]["message"] == "Hierbij mijn loonstrook van februari."
    assert "benefit_file" not in provided  # a public task: not portable (art. 20(3)); his access export has it
    # ...and as CSV
    as_csv = checker.get(f"/api/v1/requests/{request}/export", {"format": "csv"})
    assert as_csv.status_code == 200 and as_csv["Content-Type"].startswith("text/csv")
    rows = {(r["type"], r["field"], r["value"]) for r in csv.DictReader(io.StringIO(as_csv.content.decode()))}
    assert ("secure_message", "attachment", "loonstrook-2026-02.pdf") in rows


@pytest.mark.promise("S3-28")
def test_the_fg_sees_and_hears_of_every_request_breach_and_complaint(
        wz: Any, django_capture_on_commit_callbacks: Any) -> None:
    connie, officer, fg = wz["worker"], wz["privacy_officer"], wz["dpo"]
    person, _ = intake(connie)
    with django_capture_on_commit_callbacks(execute=True):
        request = created(officer.post("/api/v1/requests", {"subject": person, "type": "access", "channel": "email"},
                                       format="json"))
        complaint = created(officer.post("/api/v1/requests", {"subject": person, "type": "complaint",
                                                              "channel": "post"}, format="json"))
        breach = created(officer.post("/api/v1/breaches", {"aware_at": at(2026, 3, 2, 8).isoformat(),
                                                           "description": "Brief kwijt."}, format="json"))
    # The FG sees each of them
    assert {r["id"] for r in fg.get("/api/v1/requests").json()} == {request["id"], complaint["id"]}
    assert [c["id"] for c in fg.get("/api/v1/complaints").json()] == [complaint["id"]]
    assert [b["id"] for b in fg.get("/api/v1/breaches").json()] == [breach["id"]]
    # And was told of each by e-mail, at the FG's address, without personal data
    to_fg = [m for m in mail.outbox if "privacy@werkzaakrivierenland.nl" in m.to]
    told = " ".join(f"{m.subject} {m.body}" for m in to_fg)
    for item in (request, complaint, breach):
        assert item["id"] in told
    assert "Jan Jansen" not in told
    # A consultant sees none of it
    assert connie.get("/api/v1/requests").status_code == 403


@pytest.mark.promise("S3-29")
def test_a_complaint_is_tracked_and_an_unresolved_one_closes_with_the_way_to_the_ap(wz: Any) -> None:
    connie, officer = wz["worker"], wz["privacy_officer"]
    person, _ = intake(connie)
    complaint = created(officer.post("/api/v1/requests", {
        "subject": person, "type": "complaint", "channel": "email",
        "details": "Mijn klantmanager heeft mijn gegevens naar de verkeerde gemeente gestuurd."}, format="json"))
    assert [(c["id"], c["status"]) for c in officer.get("/api/v1/complaints").json()] == [
        (complaint["id"], "received")]
    # When the privacy team and Jan do not agree, the complaint closes unresolved
    closed = officer.post(f"/api/v1/requests/{complaint['id']}/close", {"outcome": "unresolved"}, format="json")
    assert closed.status_code == 200
    answer = closed.json()["answer"]
    # Then the closing letter tells him he can complain on the AP's website
    assert "Autoriteit Persoonsgegevens" in answer["nl"] and AP in answer["nl"] and AP in answer["en"]
    register = officer.get("/api/v1/complaints").json()
    assert [(c["status"], c["outcome"]) for c in register] == [("closed", "unresolved")]
