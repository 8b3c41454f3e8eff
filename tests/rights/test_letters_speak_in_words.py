"""What a citizen reads in an answer: dates in words ("3 december 2026, 14:05", local time), fields by their
label, what was done in words, and who did it by role, never a colleague's account, an action code or a raw
time. A `disclosures` request (to whom was my data given?) gets the disclosures, and nothing else.
Through the API on ikzorginassen's shipped policy."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from typing import Any

import time_machine

from tests.rights.conftest import APPLICATION, PAYOUT, verified_request
from tests.rights.test_done_when_export import _disclose

ISO_TIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")
CODES = ("record.create", "request.verify", "disclosure.create", "subject.create", "care_recipient_address",
         "hours_per_week", "gemeente_assen", "legal_obligation", "recorded_by", "actor")
MOMENT = datetime(2026, 12, 3, 13, 5, tzinfo=UTC)  # 14:05 in Assen


def _letter(officer: Any, request_id: str, lang: str) -> str:
    answer = officer.get(f"/api/v1/requests/{request_id}/export", {"format": "html", "lang": lang})
    assert answer.status_code == 200, answer.content
    return " ".join(re.sub(r"<[^>]+>", " ", answer.content.decode()).split())


def test_the_readable_export_speaks_in_words_and_names_no_colleague(personas: dict[str, Any], anna: Any) -> None:
    officer = personas["privacy_officer"]
    # given a disclosure of Anna's data and her access request, received on 3 December 2026 at 14:05
    with time_machine.travel(MOMENT, tick=False):
        _disclose(officer, anna, "gemeente_assen", "eligibility", "contract", "identity", "address")
        request_id = verified_request(officer, anna, "access")
    # when she reads the export as a letter, in Dutch and in English
    dutch, english = _letter(officer, request_id, "nl"), _letter(officer, request_id, "en")
    # then dates are words in local time, fields carry their labels, actions and roles are words
    for expected in ("Verzoek ontvangen: 3 december 2026, 14:05", "Adres van wie u verzorgt", "Uren per week",
                     "Geboortedatum 1 mei 1970", "Betaald op 15 december 2025", APPLICATION["name"],
                     "Gegevens vastgelegd", "Uw identiteit is gecontroleerd", "Privacyfunctionaris",
                     "Beoordelaar mantelzorgwaardering",
                     "Gemeente Assen, 3 december 2026, 14:05: Adresgegevens, Naam en account",
                     "Grond: uitvoering van een overeenkomst", "van uzelf"):
        assert expected in dutch, expected
    for expected in ("Request received: 3 December 2026, 14:05", "Data recorded", "Privacy officer",
                     "Address of the person you care for"):
        assert expected in english, expected
    # and no raw time, code, field id or colleague's account shows
    for letter in (dutch, english):
        assert not ISO_TIME.search(letter) and "+00:00" not in letter
        for code in CODES:
            assert code not in letter, code
        for colleague in ("pia", "carl", "anna-collega", "pia-collega"):
            assert not re.search(rf"\b{colleague}\b", letter), colleague


def test_the_json_export_writes_times_with_z_and_staff_as_roles(personas: dict[str, Any], anna: Any) -> None:
    officer = personas["privacy_officer"]
    _disclose(officer, anna, "gemeente_assen", "eligibility", "contract", "identity")
    request_id = verified_request(officer, anna, "access")
    answer = officer.get(f"/api/v1/requests/{request_id}/export")
    text = answer.content.decode()
    assert "+00:00" not in text
    export = json.loads(text)
    [disclosure] = export["disclosures"]
    assert disclosure["at"].endswith("Z")
    assert disclosure["actor"] == {"nl": "Privacyfunctionaris", "en": "Privacy officer"}  # never an account id
    assert disclosure["summary"]["nl"].startswith("Gemeente Assen, ")
    verify = next(p for p in export["processing"] if p["action"] == "request.verify")
    assert verify["action_words"]["nl"] == "Uw identiteit is gecontroleerd" and verify["by_words"]["en"] == "Privacy officer"
    payout = next(r for p in export["purposes"] for r in p["records"] if r["type"] == "payout")
    assert payout["labels"]["iban"] == {"nl": "Bankrekeningnummer (IBAN)", "en": "Bank account (IBAN)"}


def test_a_disclosures_request_exports_the_disclosures_and_nothing_else(personas: dict[str, Any], anna: Any) -> None:
    officer = personas["privacy_officer"]
    # given two disclosures of Anna's data
    _disclose(officer, anna, "gemeente_assen", "eligibility", "contract", "identity", "address")
    _disclose(officer, anna, "administration_office", "payout", "legal_obligation")
    # when she asks to whom her data was disclosed
    request_id = verified_request(officer, anna, "disclosures")
    export = officer.get(f"/api/v1/requests/{request_id}/export").json()
    # then the export lists those disclosures, with the right to complain, and no records, history or facts
    assert export["kind"] == "disclosures"
    assert set(export) == {"kind", "request", "controller", "disclosures", "complaint"}
    assert sorted(d["recipient_label"] for d in export["disclosures"]) == ["Administratiekantoor", "Gemeente Assen"]
    for fmt in ("json", "html", "csv"):
        content = officer.get(f"/api/v1/requests/{request_id}/export", {"format": fmt}).content.decode()
        for data in (APPLICATION["address"], APPLICATION["email"], PAYOUT["iban"], "111222333", "aanvraag-17"):
            assert data not in content, (fmt, data)
    letter = _letter(officer, request_id, "nl")
    assert "Uw verzoek: overzicht van verstrekkingen" in letter and "Administratiekantoor" in letter
    assert "Wat wij met uw gegevens deden" not in letter and "Autoriteit Persoonsgegevens" in letter
