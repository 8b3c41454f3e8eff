"""The issue's "done when": an access export for a subject with records under three purposes, two
disclosures and a withdrawn consent contains all of it and nothing of any other subject, and the
PDF's text holds the same facts."""

from __future__ import annotations

import json
import subprocess
from typing import Any

import pytest

from tests.rights.conftest import APPLICATION, HELPDESK, LEDGER, OTHER_APPLICATION, PAYOUT, verified_request
from waarborg.engine.consent.actions import consent_give, consent_withdraw


def _disclose(officer: Any, subject: Any, recipient: str, purpose: str, reason: str, *categories: str) -> str:
    answer = officer.post("/api/v1/disclosures", {"subject": str(subject.pk), "recipient": recipient,
                                                  "purpose": purpose, "reason": reason,
                                                  "categories": list(categories)}, format="json")
    assert answer.status_code == 201, answer.content
    return str(answer.json()["id"])


def _pdf_text(content: bytes) -> str:
    text = subprocess.run(["pdftotext", "-layout", "-", "-"], input=content, capture_output=True,
                          check=True).stdout.decode()
    return " ".join(text.split())  # table cells wrap: compare on single spaces


@pytest.mark.promise("S0-37", "S4-13", "S4-14", "S3-26", "S4-18")
def test_an_export_holds_every_purpose_and_the_withdrawn_consent_and_nothing_of_anyone_else(
        personas: dict[str, Any], anna: Any, bert: Any) -> None:
    officer = personas["privacy_officer"]
    # given Anna has records under four purposes, a newsletter consent she withdrew, and two disclosures
    consent = consent_give("system:test", subject=anna, purpose="newsletter")
    consent_withdraw("system:test", consent, channel="portal")
    to_municipality = _disclose(officer, anna, "gemeente_assen", "eligibility", "contract", "identity", "address")
    to_accountant = _disclose(officer, anna, "administration_office", "payout", "legal_obligation")
    # and Bert has an application, a consent, a disclosure and a request of his own
    berts_consent = consent_give("system:test", subject=bert, purpose="newsletter")
    berts_disclosure = _disclose(officer, bert, "gemeente_assen", "eligibility", "contract", "identity")
    verified_request(officer, bert, "access")
    request_id = verified_request(officer, anna, "access")

    # when her export is made as JSON
    export = json.loads(officer.get(f"/api/v1/requests/{request_id}/export").content)
    # then every record is there, decrypted, under its purpose
    by_purpose = {p["purpose"]: {r["type"]: r["data"] for r in p["records"]} for p in export["purposes"]}
    assert by_purpose == {"eligibility": {"application": APPLICATION}, "payout": {"payout": PAYOUT},
                          "helpdesk": {"helpdesk_ticket": HELPDESK}, "administration": {"ledger_entry": LEDGER}}
    # and the withdrawn consent, with when it was given and withdrawn
    [row] = [c for c in export["consents"] if c["kind"] == "consent"]
    assert (row["id"], row["purpose"], row["status"]) == (str(consent.pk), "newsletter", "withdrawn")
    assert row["withdrawn_at"] and row["given_at"]
    # and both disclosures: to whom, when, which data, why
    disclosures = {d["id"]: d for d in export["disclosures"]}
    assert set(disclosures) == {to_municipality, to_accountant}
    assert (disclosures[to_municipality]["recipient"], disclosures[to_municipality]["reason"]) == (
        "gemeente_assen", "contract")
    assert disclosures[to_accountant]["purpose"] == "payout" and "bank" in disclosures[to_accountant]["categories"]
    assert all(d["at"] for d in disclosures.values())
    # and nothing of Bert: not his id, records, consent or request
    text = json.dumps(export, ensure_ascii=False)
    for other in (str(bert.pk), str(berts_consent.pk), berts_disclosure, "aanvraag-18", "123456782", OTHER_APPLICATION["name"],
                  OTHER_APPLICATION["email"], OTHER_APPLICATION["address"]):
        assert other not in text, other
    assert len(export["requests"]) == 1

    # when the same export is made as a PDF letter
    pdf = officer.get(f"/api/v1/requests/{request_id}/export", {"format": "pdf"})
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    letter = _pdf_text(pdf.content)
    # then its text holds the same facts
    for fact in (APPLICATION["name"], APPLICATION["address"], APPLICATION["care_recipient_address"], PAYOUT["iban"],
                 HELPDESK["question"], LEDGER["description"], "Beoordelen van de mantelzorgwaardering",
                 "Uitbetalen van de mantelzorgwaardering", "Helpdesk en contact", "Financiële administratie",
                 "Tot 12 maanden na de sluiting van de volgende ronde", "Nieuwsbrief: ingetrokken",
                 "Gemeente Assen", "Administratiekantoor", "wettelijke verplichting",
                 "Autoriteit Persoonsgegevens"):
        assert fact in letter, fact
    for other in (OTHER_APPLICATION["name"], OTHER_APPLICATION["address"], str(bert.pk)):
        assert other not in letter, other
