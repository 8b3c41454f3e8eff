"""An access export hands Kwartier's client her care notes with the other people in them redacted (art. 15(4)
GDPR), her own name and data left as they are; the reviewer sees what was redacted and why, audited.

Kwartier's shipped policy, unchanged: `care_notes.health` and `client_file.request` are longtext, so
`deidentify: redact` by default.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import pytest
from rest_framework.test import APIClient

from tests.conftest import Persona, activate_example, make_staff
from waarborg.engine.audit.models import AuditEntry

CLIENT_FILE = {"name": "Fatima El Amrani", "phone": "06 12345678", "address": "Kerkstraat 12, 1234 AB Utrecht",
               "request": "Fatima vraagt hulp bij haar post. Haar buurman Kees de Vries helpt nu.",
               "source": "self"}
NOTE = ("Mevrouw El Amrani is gevallen. Buurman Kees de Vries (06-23456789) vond haar. Huisarts dr. Bakker "
        "heeft haar doorverwezen. Fatima belt zelf op 06-12345678.")


def _verified_request(kwartier: dict[str, Persona]) -> str:
    """Fatima, her client file and a care note naming a neighbour and a doctor; her access request, verified."""
    worker = kwartier["social_worker"]
    subject = worker.post("/api/v1/subjects", {}, format="json", HTTP_X_PURPOSE="support").json()["id"]
    for type_, data in (("client_file", CLIENT_FILE), ("care_notes", {"health": NOTE})):
        stored = worker.post("/api/v1/records", {"subject": subject, "type": type_, "data": data}, format="json",
                             HTTP_X_PURPOSE="support")
        assert stored.status_code == 201, stored.content
    filed = worker.post("/api/v1/requests", {"subject": subject, "type": "access", "channel": "post"}, format="json")
    assert filed.status_code == 201, filed.content
    request_id = filed.json()["id"]
    verified = kwartier["officer"].post(f"/api/v1/requests/{request_id}/verify", {"method": "in_person"},
                                        format="json")
    assert verified.status_code == 200, verified.content
    return str(request_id)


def _texts(export: dict[str, Any]) -> dict[str, str]:
    return {f"{r['type']}.{name}": value for block in export["purposes"] for r in block["records"]
            for name, value in r["data"].items() if isinstance(value, str)}


def test_the_reviewer_view_refuses_the_anonymous_and_staff_who_do_not_handle_requests(
        kwartier: dict[str, Persona]) -> None:
    request_id = _verified_request(kwartier)
    assert APIClient().get(f"/api/v1/requests/{request_id}/export?view=review").status_code == 401
    refused = kwartier["coordinator"].get(f"/api/v1/requests/{request_id}/export?view=review")
    assert refused.status_code == 403 and refused.json()["reason"] == "role_not_granted"
    assert AuditEntry.objects.filter(action="request.review.refused", actor="cor").exists()


@pytest.mark.promise("S4-18")
def test_the_client_sees_her_own_notes_with_the_neighbour_and_the_doctor_replaced_by_tags(
        kwartier: dict[str, Persona]) -> None:
    request_id = _verified_request(kwartier)
    # when the privacy officer reviews the export
    answer = kwartier["officer"].get(f"/api/v1/requests/{request_id}/export")
    assert answer.status_code == 200, answer.content
    export = json.loads(answer.content)
    texts = _texts(export)
    note, request = texts["care_notes.health"], texts["client_file.request"]
    # then the other people are gone, with their phone number
    for other in ("Kees", "de Vries", "Bakker", "06-23456789"):
        assert other not in note, other
    assert "Buurman [NAAM-1] ([TELEFOON-1])" in note and "dr. [NAAM-2]" in note
    # the neighbour has the same tag in both texts: numbered across the whole export
    assert "Haar buurman [NAAM-1] helpt nu." in request
    # her own name, her own phone number and the structured fields stay as they are
    assert note.startswith("Mevrouw El Amrani is gevallen.") and "Fatima belt zelf op 06-12345678." in note
    assert texts["client_file.name"] == "Fatima El Amrani" and texts["client_file.address"] == CLIENT_FILE["address"]
    assert export["redactions"]["count"] == 4 and "art. 15 lid 4 AVG" in export["redactions"]["note"]["nl"]
    # the readable letter says why, and the CSV carries the same redacted text
    html = kwartier["officer"].get(f"/api/v1/requests/{request_id}/export?format=html").content.decode()
    assert "Kees de Vries" not in html and "Om de privacy van anderen te beschermen" in html
    rows = list(csv.DictReader(io.StringIO(
        kwartier["officer"].get(f"/api/v1/requests/{request_id}/export?format=csv").content.decode())))
    assert {r["value"] for r in rows if r["field"] == "health"} == {note}


@pytest.mark.promise("S4-18")
def test_the_reviewer_sees_what_was_redacted_and_why_and_the_view_is_audited(kwartier: dict[str, Persona]) -> None:
    request_id = _verified_request(kwartier)
    # when the privacy officer asks the reviewer's view
    answer = kwartier["officer"].get(f"/api/v1/requests/{request_id}/export?view=review")
    assert answer.status_code == 200, answer.content
    view = answer.json()
    # then each redacted field is listed with its original, what the client sees, and per value the reason
    health = next(f for f in view["redactions"] if f["field"] == "health")
    assert health["original"] == NOTE and health["rule"] == "redact" and "[NAAM-1]" in health["redacted"]
    values = {(s["value"], s["category"], s["replacement"]) for s in health["spans"]}
    assert values == {("Kees de Vries", "NAME", "[NAAM-1]"), ("06-23456789", "PHONE", "[TELEFOON-1]"),
                      ("Bakker", "NAME", "[NAAM-2]")}
    assert all("art. 15 lid 4 AVG" in s["why"]["nl"] for s in health["spans"])
    assert all(NOTE[s["start"]:s["end"]] == s["value"] for s in health["spans"])
    # and the view is a review step on the audit log, naming how much was redacted, never what
    entry = AuditEntry.objects.filter(action="request.review", actor="pia").latest("id")
    assert entry.detail["view"] == "redactions" and entry.detail["redactions"] == view["count"] == 4
    assert "Kees" not in json.dumps(entry.detail)


def test_the_reviewer_view_is_json_only_and_an_unknown_view_is_a_field_error(kwartier: dict[str, Persona]) -> None:
    request_id = _verified_request(kwartier)
    wrong = kwartier["officer"].get(f"/api/v1/requests/{request_id}/export?view=everything")
    assert wrong.status_code == 422 and "view" in wrong.json()["errors"]
    html = kwartier["officer"].get(f"/api/v1/requests/{request_id}/export?view=review&format=html")
    assert html.status_code == 422 and "format" in html.json()["errors"]


@pytest.mark.promise("S3-26")
def test_werkzaak_posts_a_client_his_question_with_his_household_members_redacted(db: Any) -> None:
    # given Werkzaak's shipped policy, and a question that names the client's ex-partner and her BSN
    activate_example("werkzaak")
    front, dpo, officer = (Persona(*make_staff(n, [r])) for n, r in
                           (("fenna", "front_office"), ("fred", "dpo"), ("pia", "privacy_officer")))
    subject = front.post("/api/v1/subjects", {}, format="json", HTTP_X_PURPOSE="questions").json()["id"]
    question = ("Ik ben Jan Smit. Mijn ex-partner Ayşe Yılmaz (BSN 111222333) woont sinds maart niet meer bij mij, "
                "onze zoon Emre blijft bij mij. Mail mij op jan.smit@example.nl.")
    stored = front.post("/api/v1/records", {"subject": subject, "type": "question", "data": {
        "name": "Jan Smit", "email": "jan.smit@example.nl", "question": question}}, format="json",
        HTTP_X_PURPOSE="questions")
    assert stored.status_code == 201, stored.content
    request_id = front.post("/api/v1/requests", {"subject": subject, "type": "access", "channel": "post"},
                            format="json").json()["id"]
    assert dpo.post(f"/api/v1/requests/{request_id}/verify", {"method": "in_person"}, format="json").status_code == 200
    # when a colleague makes the letter to post to him
    letter = officer.post(f"/api/v1/requests/{request_id}/deliver", {"channel": "letter", "format": "html"},
                          format="json")
    assert letter.status_code == 200, letter.content
    html = letter.content.decode()
    # then his own name and address stay, the ex-partner, her BSN and their son are tags
    assert "Ik ben Jan Smit." in html and "jan.smit@example.nl" in html
    for other in ("Ayşe", "Yılmaz", "111222333", "Emre"):
        assert other not in html, other
    assert "Mijn ex-partner [NAAM-1] (BSN [BSN-1])" in html and "onze zoon [NAAM-2]" in html
