"""The request page offers a handler to match a contact-form request to its subject (the back-office face of
`POST /api/v1/requests/{id}/match`), by the number the sender gave. Socialekaart's shipped policy, whose one
request channel is the contact form (S1-24)."""

from __future__ import annotations

from typing import Any

from django.test import Client

from tests.rights.conftest import audit
from tests.rights.shipped import activate, staff
from tests.rights.test_a_contact_form_request_is_matched_to_its_subject import _contact_form_request, _known_person


def _session(persona: Any) -> Client:
    client = Client()
    client.force_login(persona.user)
    return client


def test_a_handler_matches_a_contact_form_request_by_the_customer_number(db: Any) -> None:
    from waarborg.engine.rights.models import Request

    activate("socialekaart")
    person = _known_person()
    request_id = _contact_form_request()
    pia = _session(staff("pia", ["privacy_officer"]))
    # the request's page offers the match
    page = pia.get(f"/backoffice/verzoeken/{request_id}").content.decode()
    assert f'action="/backoffice/verzoeken/{request_id}/koppelen"' in page
    # a number nobody has: the page says so and nothing moves
    wrong = pia.post(f"/backoffice/verzoeken/{request_id}/koppelen", {"subject": "KS-9999"}, follow=True)
    assert "Geen betrokkene gevonden" in wrong.content.decode()
    assert str(Request.objects.get(pk=request_id).subject_id) != person
    # the customer number the sender gave finds the person, and the request moves to them
    done = pia.post(f"/backoffice/verzoeken/{request_id}/koppelen", {"subject": "KS-2041"}, follow=True)
    assert "Het verzoek is gekoppeld" in done.content.decode()
    assert str(Request.objects.get(pk=request_id).subject_id) == person
    assert [e.actor for e in audit("request.match")] == ["pia"]
    # once matched, the page no longer offers it
    assert "/koppelen" not in pia.get(f"/backoffice/verzoeken/{request_id}").content.decode()
