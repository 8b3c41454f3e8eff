"""One-click export, and answer letters from templates in Dutch and English naming the AP."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.backoffice.conftest import session
from tests.rights.conftest import audit, verified_request
from waarborg.engine.rights.models import Request


def test_one_click_exports_the_verified_request(personas: dict[str, Any], anna: Any, bert: Any) -> None:
    officer = personas["privacy_officer"]
    request_id = verified_request(officer, anna)
    client = session(officer)
    page = client.get(f"/backoffice/verzoeken/{request_id}").content.decode()
    assert f"/backoffice/verzoeken/{request_id}/export?format=json" in page
    download = client.get(f"/backoffice/verzoeken/{request_id}/export?format=json")
    assert download.status_code == 200 and "attachment" in download["Content-Disposition"]
    export = json.loads(download.content)
    assert export["subject"]["id"] == str(anna.pk) and "Bert Bakker" not in download.content.decode()
    assert [(e.actor, e.detail["format"]) for e in audit("request.review")] == [("pia", "json")]
    page = client.get(f"/backoffice/verzoeken/{request_id}").content.decode()
    assert "Export bekeken door</dt><dd data-reviewed-by>pia" in page


@pytest.mark.promise("S0-41", "S1-28", "S2-30", "S3-29")
@pytest.mark.parametrize(("lang", "words"), [("nl", ("Geachte heer, mevrouw", "klacht")),
                                             ("en", ("Dear Sir or Madam", "complaint"))])
def test_the_answer_letter_comes_from_a_template_and_names_the_authority(
        personas: dict[str, Any], anna: Any, lang: str, words: tuple[str, str]) -> None:
    officer = personas["privacy_officer"]
    request_id = verified_request(officer, anna, "rectification")
    client = session(officer)
    # the draft already names the authority
    draft = client.get(f"/backoffice/verzoeken/{request_id}/brief?lang={lang}").content.decode()
    assert "Autoriteit Persoonsgegevens" in draft and f'lang="{lang}"' in draft
    # when staff answer with the template's text
    page = client.get(f"/backoffice/verzoeken/{request_id}").content.decode()
    assert "Wij hebben uw gegevens gecorrigeerd zoals u vroeg." in page
    answered = client.post(f"/backoffice/verzoeken/{request_id}/beantwoorden",
                           {"nl": "Wij hebben uw telefoonnummer gecorrigeerd.",
                            "en": "We corrected your phone number."}, follow=True)
    assert "Het antwoord is vastgelegd" in answered.content.decode()
    assert Request.objects.get(pk=request_id).status == "answered"
    # then the letter holds the text, the salutation, and the right to complain to the AP with its address
    letter = client.get(f"/backoffice/verzoeken/{request_id}/brief?lang={lang}").content.decode()
    for expected in (*words, "Autoriteit Persoonsgegevens", "https://www.autoriteitpersoonsgegevens.nl",
                     "gecorrigeerd" if lang == "nl" else "corrected", request_id):
        assert expected in letter, expected
    assert "Concept" not in letter and "Draft" not in letter


def test_an_erasure_is_carried_out_from_the_back_office(personas: dict[str, Any], anna: Any) -> None:
    officer = personas["privacy_officer"]
    request_id = verified_request(officer, anna, "erasure")
    done = session(officer).post(f"/backoffice/verzoeken/{request_id}/verwijderen", follow=True)
    assert "Verwijderd, behalve wat de wet laat bewaren" in done.content.decode()
    # the payout and the ledger entry stay on their fiscal ground; everything else is gone
    assert sorted(anna.records.values_list("type", flat=True)) == ["ledger_entry", "payout"]
    letter = session(officer).get(f"/backoffice/verzoeken/{request_id}/brief").content.decode()
    assert "art. 52 Algemene wet inzake rijksbelastingen" in letter
