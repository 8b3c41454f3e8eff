"""The access export holds all of the subject's data with the why, how long, from where and to whom."""

from __future__ import annotations

import importlib.util
import json
import shutil
import subprocess
from typing import Any

import pytest

from tests.rights.conftest import APPLICATION, HELPDESK, LEDGER, OTHER_APPLICATION, PAYOUT, audit, verified_request
from waarborg.engine.rights.models import Delivery


def _export(officer: Any, request_id: str, **params: str) -> Any:
    return officer.get(f"/api/v1/requests/{request_id}/export", params)


@pytest.mark.promise("S0-37", "S4-13", "S2-26")
def test_the_access_export_holds_every_record_decrypted_with_purpose_basis_retention_source_and_recipients(
        personas: dict[str, Any], anna: Any) -> None:
    officer = personas["privacy_officer"]
    request_id = verified_request(officer, anna, "access", channel="post")
    answer = _export(officer, request_id)
    assert answer.status_code == 200
    assert answer["Content-Type"].startswith("application/json")
    export = json.loads(answer.content)
    # every record, across applications, payouts, helpdesk and administration, decrypted
    by_type = {r["type"]: r["data"] for p in export["purposes"] for r in p["records"]}
    assert by_type == {"application": APPLICATION, "payout": PAYOUT, "helpdesk_ticket": HELPDESK,
                       "ledger_entry": LEDGER}
    assert export["subject"]["bsn"] == "111222333" and export["subject"]["birth_date"] == "1970-05-01"
    # per category: purpose, legal basis, retention in words, source, recipients (from the register)
    eligibility = next(p for p in export["purposes"] if p["purpose"] == "eligibility")
    address = next(c for c in eligibility["categories"] if c["category"] == "address")
    assert address["purpose_label"]["nl"] == "Beoordelen van de mantelzorgwaardering"
    assert address["legal_basis"] == "contract"
    assert "overeenkomst" in address["legal_basis_words"]["nl"]
    assert address["retention"]["nl"] == "Tot 12 maanden na de sluiting van de volgende ronde"
    assert address["sources"] == ["subject"]
    assert {r["id"] for r in address["recipients"]} == {"hosting", "co_developer", "gemeente_assen"}
    assert sorted(address["fields"]) == ["address", "care_recipient_address", "postcode"]
    administration = next(p for p in export["purposes"] if p["purpose"] == "administration")
    assert administration["legal_basis"] == "legal_obligation"
    assert "art. 52" in administration["legal_basis_detail"]["law"]
    assert administration["records"][0]["retention"]["nl"] == "7 jaar na verzameling"
    assert administration["records"][0]["source"]["kind"] == "organisation"


@pytest.mark.promise("S4-14")
def test_the_access_export_tells_what_was_done_with_the_data_when_and_by_which_role(
        personas: dict[str, Any], anna: Any) -> None:
    from waarborg.engine.records.actions import record_read

    officer = personas["privacy_officer"]
    record = anna.records.get(type="payout")
    record_read(personas["assessor"].user, record, "payout")
    request_id = verified_request(officer, anna)
    export = json.loads(_export(officer, request_id).content)
    history = export["processing"]
    reads = [h for h in history if h["action"] == "record.read"]
    assert [(h["purpose"], h["by"], h["outcome"]) for h in reads] == [("payout", "assessor", "ok")]
    assert reads[0]["at"]
    # her application opened her portal account (S0-13), in the same transaction, right after the record
    assert [h["action"] for h in history][:3] == ["subject.create", "record.create", "account.create"]
    assert all("anna" not in json.dumps(h) for h in history)  # roles, not colleagues' names
    assert [r["type"] for r in export["requests"]] == ["access"]


@pytest.mark.promise("S3-26", "S4-18")
def test_the_access_export_contains_nothing_about_any_other_subject(
        personas: dict[str, Any], anna: Any, bert: Any) -> None:
    officer = personas["privacy_officer"]
    verified_request(officer, bert, "access")  # Bert's own request and audit trail exist too
    request_id = verified_request(officer, anna)
    for fmt in ("json", "html"):
        text = _export(officer, request_id, format=fmt).content.decode()
        assert "Anna de Vries" in text
        for value in (str(bert.pk), "aanvraag-18", "123456782", *[str(v) for v in OTHER_APPLICATION.values()
                                                                   if v not in (2025, "submitted")]):
            assert value not in text, value
    export = json.loads(_export(officer, request_id).content)
    assert {r["id"] for p in export["purposes"] for r in p["records"]} == {str(r.pk) for r in anna.records.all()}
    assert len(export["requests"]) == 1


@pytest.mark.promise("S0-37", "S1-28")
def test_the_readable_letter_holds_the_same_facts_and_the_right_to_complain(
        personas: dict[str, Any], anna: Any) -> None:
    officer = personas["privacy_officer"]
    request_id = verified_request(officer, anna)
    nl = _export(officer, request_id, format="html").content.decode()
    assert nl.startswith("<!doctype html>") and '<html lang="nl">' in nl
    for fact in ("Anna de Vries", "NL91ABNA0417164300", "Beoordelen van de mantelzorgwaardering",
                 "uitvoering van een overeenkomst", "Tot 12 maanden na de sluiting van de volgende ronde",
                 "Gemeente Assen", "Autoriteit Persoonsgegevens", "https://www.autoriteitpersoonsgegevens.nl"):
        assert fact in nl, fact
    en = _export(officer, request_id, format="html", lang="en").content.decode()
    assert "Assessing the carer appreciation award" in en and "Municipality of Assen" in en


def test_the_pdf_letter_is_produced_with_weasyprint_or_refused_with_a_clear_501_without_it(
        personas: dict[str, Any], anna: Any) -> None:
    officer = personas["privacy_officer"]
    request_id = verified_request(officer, anna)
    answer = _export(officer, request_id, format="pdf")
    if importlib.util.find_spec("weasyprint") is None:
        assert answer.status_code == 501
        assert "WeasyPrint" in answer.json()["detail"]
        assert not audit("request.review")
        return
    assert answer.status_code == 200 and answer["Content-Type"] == "application/pdf"
    assert answer.content.startswith(b"%PDF")
    assert [e.detail["format"] for e in audit("request.review")] == ["pdf"]
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", "-", "-"], input=answer.content, capture_output=True, check=True).stdout
        for fact in (b"Anna de Vries", b"NL91ABNA0417164300", b"Autoriteit Persoonsgegevens"):
            assert fact in text, fact


def test_every_review_and_every_delivery_is_audited_and_shown_on_the_request(personas: dict[str, Any],
                                                                            anna: Any) -> None:
    officer = personas["privacy_officer"]
    request_id = verified_request(officer, anna, requester={"kind": "subject", "name": "Anna de Vries",
                                                            "contact": "Kerkstraat 1\n9401 AA Assen"})
    # when the officer reviews the export twice and then makes the letter to post to Anna
    _export(officer, request_id)
    _export(officer, request_id, format="html")
    letter = officer.post(f"/api/v1/requests/{request_id}/deliver", {"channel": "letter", "format": "html"},
                          format="json")
    assert letter.status_code == 200 and "Kerkstraat 1" in letter.content.decode()
    # then each review is an audit entry and a step; the letter is a delivery to the requester
    assert [(e.actor, e.detail["format"]) for e in audit("request.review")] == [("pia", "json"), ("pia", "html"),
                                                                                ("pia", "html")]
    assert [(e.actor, e.detail["channel"], e.detail["to"]) for e in audit("request.deliver")] == [
        ("pia", "letter", "subject")]
    assert list(Delivery.objects.values_list("format", "channel", "to")) == [("html", "letter", "subject")]
    shown = officer.get(f"/api/v1/requests/{request_id}").json()
    assert [s["action"] for s in shown["steps"]] == ["filed", "awaiting_identification", "verified", "reviewed",
                                                    "reviewed", "reviewed", "delivered"]
    assert shown["reviewed_by"] == [{"kind": "staff", "username": "pia"}]
    assert [(d["channel"], d["to"], d["by"]["username"]) for d in shown["deliveries"]] == [("letter", "subject", "pia")]
    # and the names and addresses stay out of the audit log
    from waarborg.engine.audit.models import AuditEntry

    assert not any("Kerkstraat" in str(e.detail) or "Anna de Vries" in str(e.detail)
                   for e in AuditEntry.objects.all())


def test_an_export_in_an_unknown_format_or_for_a_request_without_one_is_refused(
        personas: dict[str, Any], anna: Any) -> None:
    officer = personas["privacy_officer"]
    request_id = verified_request(officer, anna)
    assert _export(officer, request_id, format="docx").status_code == 406
    erasure_id = verified_request(officer, anna, "erasure")
    assert _export(officer, erasure_id).status_code == 409
    assert not audit("request.review")
