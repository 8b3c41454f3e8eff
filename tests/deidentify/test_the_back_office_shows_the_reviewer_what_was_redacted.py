"""In the back office, the request page links the reviewer's view of the export's free text: each redaction
marked in the original, what the requester sees instead, and why (art. 15(4) GDPR); audited as a review.

Kwartier's shipped policy: Fatima's care note names her neighbour (with his phone number) and her doctor.
"""

from __future__ import annotations

import html

from django.test import Client

from tests.conftest import Persona
from tests.deidentify.test_access_export_redacts_other_people import _verified_request
from waarborg.engine.audit.models import AuditEntry


def _session(persona: Persona) -> Client:
    client = Client()
    client.force_login(persona.user)
    return client


def test_a_visitor_is_sent_to_log_in_and_staff_who_do_not_handle_requests_are_refused(
        kwartier: dict[str, Persona]) -> None:
    request_id = _verified_request(kwartier)
    visitor = Client().get(f"/backoffice/verzoeken/{request_id}/redacties")
    assert visitor.status_code == 302 and visitor["Location"].startswith("/backoffice/inloggen")
    assert _session(kwartier["coordinator"]).get(f"/backoffice/verzoeken/{request_id}/redacties").status_code == 403


def test_the_privacy_officer_follows_the_link_and_sees_each_redaction_with_its_reason(
        kwartier: dict[str, Persona]) -> None:
    request_id = _verified_request(kwartier)
    officer = _session(kwartier["officer"])
    # given the request page, which links the reviewer's view
    page = officer.get(f"/backoffice/verzoeken/{request_id}").content.decode()
    assert f'href="/backoffice/verzoeken/{request_id}/redacties" data-review' in page
    # when the privacy officer opens it
    answer = officer.get(f"/backoffice/verzoeken/{request_id}/redacties")
    assert answer.status_code == 200
    body = html.unescape(answer.content.decode())
    # then the original is there with the neighbour, his number and the doctor marked, and what replaces them
    for value, category, tag in (("Kees de Vries", "NAME", "[NAAM-1]"), ("06-23456789", "PHONE", "[TELEFOON-1]"),
                                 ("Bakker", "NAME", "[NAAM-2]")):
        assert f'data-category="{category}"' in body and f">{value}</mark> <small>→ {tag}</small>" in body, value
    # what the requester will see, her own name and number left as they are
    assert "Buurman [NAAM-1] ([TELEFOON-1]) vond haar." in body and "Fatima belt zelf op 06-12345678." in body
    assert "art. 15 lid 4 AVG" in body and 'data-count="4"' in body
    # and looking is a review step on the audit log, naming how much was redacted, never what
    entry = AuditEntry.objects.filter(action="request.review", actor="pia").latest("id")
    assert entry.detail["view"] == "redactions" and entry.detail["redactions"] == 4


def test_in_english_the_page_and_the_reasons_are_english(kwartier: dict[str, Persona]) -> None:
    request_id = _verified_request(kwartier)
    officer = _session(kwartier["officer"])
    body = html.unescape(officer.get(f"/backoffice/verzoeken/{request_id}/redacties?lang=en").content.decode())
    assert "Redacted in free text" in body and "rights of others" in body
