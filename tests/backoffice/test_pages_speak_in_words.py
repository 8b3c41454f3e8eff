"""The back office shows staff words, never internal codes or full ids (user trial on Lindehof's shipped
policy): request kinds, channels, identity checks and history steps in words; a request's hold names the
request's kind and date with a link, not its uuid; purposes without their id; the client page a short
reference; refusal reasons and months in words on the charts page; one long date form."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.utils import timezone
from django.utils.formats import date_format

from tests.backoffice.conftest import session
from tests.conftest import Persona, activate_example, make_staff


def _subject(worker: Persona, purpose: str, **body: Any) -> str:
    answer = worker.post("/api/v1/subjects", body, format="json", HTTP_X_PURPOSE=purpose)
    assert answer.status_code == 201, answer.content
    return str(answer.json()["id"])


@pytest.fixture
def lindehof(db: Any) -> dict[str, Any]:
    activate_example("lindehof")
    esther = Persona(*make_staff("esther", ["carer"], team="team_oost"))
    pia = Persona(*make_staff("pia", ["privacy_officer"]))
    ivo = Persona(*make_staff("ivo", ["privacy_officer"]))  # a colleague: the one who filed does not verify
    relative = _subject(esther, "contact_persons", external_id="cp-1", group="relatives")
    stored = esther.post("/api/v1/records", {"subject": relative, "type": "contact_person", "data": {
        "name": "Marja de Vries", "phone": "0612345678", "relation": "kind"}}, format="json",
        HTTP_X_PURPOSE="contact_persons")
    assert stored.status_code == 201, stored.content
    answer = pia.post("/api/v1/requests", {"subject": relative, "type": "erasure", "channel": "phone"},
                      format="json")
    assert answer.status_code == 201, answer.content
    return {"esther": esther, "pia": pia, "ivo": ivo, "relative": relative, "request": answer.json()["id"]}


def test_the_queue_and_the_request_page_show_words(lindehof: dict[str, Any]) -> None:
    pia = session(lindehof["pia"])
    today = date_format(timezone.localtime(), "j F Y")
    queue = pia.get("/backoffice/verzoeken/").content.decode()
    assert "<td>telefoon</td>" in queue and "<td>phone</td>" not in queue
    assert today in queue and not re.search(r"\d\d-\d\d-20\d\d", queue)
    page = session(lindehof["ivo"]).get(f"/backoffice/verzoeken/{lindehof['request']}").content.decode()
    assert "<h1>Verwijdering</h1>" in page and "(erasure)" not in page
    assert ">kopie van het identiteitsbewijs</option>" in page and ">id_copy</option>" not in page
    assert ">identiteitsbewijs getoond aan de balie</option>" in page and ">in_person</option>" not in page
    assert "Ingediend (ontvangen)" in page and "via telefoon" in page and "Wacht op identificatie" in page
    # what must be blacked out on an identity copy is confirmed once per thing: the policy's "pasfoto", "BSN" and
    # "documentnummer" are the fixed photo, BSN and document number, not three more boxes
    boxes = re.findall(r'name="redactions" value="([^"]+)"', page)
    assert boxes == ["photo", "mrz", "document_number", "bsn"], boxes
    english = session(lindehof["ivo"]).get(f"/backoffice/verzoeken/{lindehof['request']}?lang=en").content.decode()
    assert "pasfoto" not in english and "documentnummer" not in english
    shown = re.sub(r"<[^>]*>", " ", page)  # what staff read, not the attributes tests and scripts use
    # the person the request is about: a link to the client page with the short reference, not a bare uuid
    relative = lindehof["relative"]
    assert f'<a href="/backoffice/clienten/{relative}">Cliënt <code>{relative[:8]}</code></a>' in page
    assert relative not in shown
    assert "channel:phone" not in shown and "awaiting_identification" not in shown and "filed" not in shown


def test_the_hold_pages_name_the_request_in_words_and_link_to_it(lindehof: dict[str, Any]) -> None:
    pia = session(lindehof["pia"])
    received = date_format(timezone.localtime(), "j F Y")
    for url in ("/backoffice/bewaarplichten/", "/backoffice/bewaartermijnen/"):
        page = pia.get(url).content.decode()
        assert f'<a href="/backoffice/verzoeken/{lindehof["request"]}">Lopend verzoek (verwijdering) van {received}</a>' in page
        assert "pending erasure request" not in page and "-verzoek" not in page
        assert "alle gegevens van cliënt" in page and f">{lindehof['relative'][:8]}</a>" in page
        assert f"betrokkene {lindehof['relative']}" not in page
    form = pia.get("/backoffice/bewaarplichten/").content.decode()
    assert ">Zorg en begeleiding thuis</option>" in form and "(home_care)" not in form


def test_the_client_page_heading_has_the_group_and_a_short_reference(lindehof: dict[str, Any]) -> None:
    page = session(lindehof["pia"]).get(f"/backoffice/clienten/{lindehof['relative']}").content.decode()
    heading = re.search(r"<h1>(.*?)</h1>", page, re.S)
    assert heading is not None
    assert "Familie en mantelzorgers" in heading.group(1) and lindehof["relative"][:8] in heading.group(1)
    assert lindehof["relative"] not in heading.group(1)


def test_the_charts_page_says_reasons_and_months_in_words(lindehof: dict[str, Any]) -> None:
    pia = lindehof["pia"]
    refused = pia.post("/api/v1/requests", {"subject": lindehof["relative"], "type": "access", "channel": "post"},
                       format="json")
    assert refused.json()["reason"] == "group_channel_not_offered"
    page = session(pia).get("/backoffice/verantwoording/").content.decode()
    assert "Kanaal niet voor deze groep" in page and "Andere reden" not in page
    assert date_format(timezone.localtime(), "F Y") in page
    assert not re.search(r">20\d\d-\d\d<", page)


def test_a_request_about_a_purpose_names_it_by_its_label(lindehof: dict[str, Any]) -> None:
    answer = lindehof["pia"].post("/api/v1/requests", {"subject": lindehof["relative"], "type": "objection",
                                                       "channel": "phone", "purpose": "contact_persons"},
                                  format="json")
    assert answer.status_code == 201, answer.content
    page = session(lindehof["ivo"]).get(f"/backoffice/verzoeken/{answer.json()['id']}").content.decode()
    label = re.search(r"<dt>Doel</dt><dd>(.*?)</dd>", page)
    assert label is not None and label.group(1) != "contact_persons" and label.group(1).strip(), page
    # answering releases data, so before the identity is established the page says so instead of offering a
    # form that would be refused (a user trial); rejecting, with a reason, stays possible
    assert "Beantwoorden kan pas na vaststelling van de identiteit" in page
    assert "/beantwoorden" not in page and "/afwijzen" in page


def test_a_hold_is_placed_from_the_client_page_by_its_short_reference(lindehof: dict[str, Any]) -> None:
    """A user trial found the hold form asking for 'the number of the subject', which staff never see: the
    client page now links to the form with its short reference filled in, and the form takes that reference."""
    relative = lindehof["relative"]
    pia = session(lindehof["pia"])
    page = pia.get(f"/backoffice/clienten/{relative}").content.decode()
    link = f'href="/backoffice/bewaarplichten/?client={relative[:8]}#add"'
    assert link in page and "Bewaarplicht opleggen voor deze cliënt" in page
    form = pia.get(f"/backoffice/bewaarplichten/?client={relative[:8]}").content.decode()
    assert f'value="{relative[:8]}"' in form and "Kenmerk van de cliënt of van het gegeven" in form
    done = pia.post("/backoffice/bewaarplichten/opleggen", {
        "target": "subject", "ref": relative[:8], "kind": "dispute", "reason": "Lopende klacht bij de rechter."},
        follow=True).content.decode()
    assert "Bewaarplicht" in done and "opgelegd" in done, done
    assert "alle gegevens van cliënt" in done and f">{relative[:8]}</a>" in done
    # whoever does not manage retention is not offered the link
    carer = session(lindehof["esther"]).get(f"/backoffice/clienten/{relative}").content.decode()
    assert "bewaarplichten/?client=" not in carer


def test_a_hold_on_one_record_is_placed_from_the_client_page(lindehof: dict[str, Any]) -> None:
    """The second user trial could place a hold on one record only by its full id, which no page showed the
    privacy officer: the client page lists the client's records for whoever manages retention (kind, purpose,
    dates; never content), each with its retention page and a hold link; the look is on record."""
    from waarborg.engine.audit.models import AuditEntry
    from waarborg.engine.vault.models import Record

    relative = lindehof["relative"]
    record = Record.objects.get(subject_id=relative)
    pia = session(lindehof["pia"])
    page = pia.get(f"/backoffice/clienten/{relative}").content.decode()
    assert f'href="/backoffice/gegevens/{record.pk}/bewaartermijn"' in page
    assert f'href="/backoffice/bewaarplichten/?gegeven={record.pk}#add"' in page
    assert "Marja de Vries" not in page.split('id="retention-rows"')[1].split("</table>")[0]  # no content
    assert AuditEntry.objects.filter(action="record.browse", actor="pia", detail={"filters": ["subject"]}).exists()
    form = pia.get(f"/backoffice/bewaarplichten/?gegeven={record.pk}").content.decode()
    assert f'value="{record.pk}"' in form and 'value="record" checked' in form
    done = pia.post("/backoffice/bewaarplichten/opleggen", {
        "target": "record", "ref": str(record.pk), "kind": "dispute", "reason": "Klacht over dit contact."},
        follow=True).content.decode()
    assert "opgelegd" in done, done
    # a carer without the retention task gets no such list
    carer = session(lindehof["esther"]).get(f"/backoffice/clienten/{relative}").content.decode()
    assert 'id="retention-rows"' not in carer
