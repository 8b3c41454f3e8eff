"""A request from the contact form lands on an empty subject of its own; a handler matches it to the person it
is about (`POST requests/{id}/match`), and the export then holds that person's data. Socialekaart's shipped
policy, whose one request channel is the contact form (S1-24).

Matching decides whose data answers the request, so separation of duties treats it like registering: whoever
matched never verifies, reviews or sends, and whoever verified does not match.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client

from tests.rights.conftest import ALL_REDACTIONS, audit
from tests.rights.shipped import activate, staff

COMMENT = "De openingstijden van Buurthuis De Linde kloppen niet"
REDACTIONS = {"method": "id_copy", "redactions": [*ALL_REDACTIONS, "pasfoto", "MRZ", "paspoortnummer",
                                                  "Burgerservicenummer (BSN)"]}


def _known_person() -> str:
    """Customer service's feedback ticket (with the consent it rests on) of a person known as customer KS-2041: the subject's id."""
    service = staff("kim", ["customer_service"])
    subject = service.post("/api/v1/subjects", {"external_id": "KS-2041"}, format="json", HTTP_X_PURPOSE="feedback")
    assert subject.status_code == 201, subject.content
    consent = service.post("/api/v1/consents", {"subject": subject.json()["id"], "purpose": "feedback",
                                                "channel": "website"}, format="json")
    assert consent.status_code == 201, consent.content  # feedback rests on consent
    stored = service.post("/api/v1/records", {"subject": subject.json()["id"], "type": "feedback_ticket",
                                              "data": {"comment": COMMENT, "email": "jan@example.nl"}},
                          format="json", HTTP_X_PURPOSE="feedback")
    assert stored.status_code == 201, stored.content
    return str(subject.json()["id"])


def _contact_form_request() -> str:
    from waarborg.engine.rights.models import Request

    page = Client().post("/portaal/contact", {"name": "Jan Jansen", "email": "jan@example.nl", "type": "access",
                                              "details": "Welke gegevens heeft u van mij? Klantnummer KS-2041."})
    assert page.status_code == 200, page.content
    req = Request.objects.get(channel="contact_form")
    assert str(req.pk) in page.content.decode()  # the sender sees the reference
    return str(req.pk)


@pytest.mark.promise("S1-24")
def test_a_contact_form_request_matched_to_the_person_exports_their_data(db: Any) -> None:
    activate("socialekaart")
    person = _known_person()
    request_id = _contact_form_request()
    pia, pim = staff("pia", ["privacy_officer"]), staff("pim", ["privacy_officer"])
    # Pia finds the person by the customer number the sender gave, and matches the request to them
    [found] = pia.get("/api/v1/subjects", {"external_id": "KS-2041"}).json()
    matched = pia.post(f"/api/v1/requests/{request_id}/match", {"subject": found["id"]}, format="json")
    assert matched.status_code == 200, matched.content
    assert matched.json()["subject"] == person and matched.json()["requester"]["contact"] == "jan@example.nl"
    assert [s["action"] for s in matched.json()["steps"]][-1] == "matched"
    [entry] = audit("request.match")
    assert entry.actor == "pia" and entry.detail["placeholder_shredded"] in (True, False)
    # She may not verify the identity herself: a colleague does
    alone = pia.post(f"/api/v1/requests/{request_id}/verify", REDACTIONS, format="json")
    assert alone.status_code == 403 and alone.json()["reason"] == "separation_of_duties"
    assert len(audit("request.verify.refused", reason="separation_of_duties")) == 1
    assert pim.post(f"/api/v1/requests/{request_id}/verify", REDACTIONS, format="json").status_code == 200
    # Then the export is the person's: the feedback customer service stored
    export = pim.get(f"/api/v1/requests/{request_id}/export")
    assert export.status_code == 200, export.content
    assert COMMENT in json.dumps(json.loads(export.content), ensure_ascii=False)
    # And the empty form subject is gone
    from waarborg.engine.vault.models import Subject

    assert Subject.objects.filter(erased_at__isnull=True).count() == 1


def test_whoever_verified_the_identity_does_not_match(db: Any) -> None:
    activate("socialekaart")
    person = _known_person()
    request_id = _contact_form_request()
    pim = staff("pim", ["privacy_officer"])
    assert pim.post(f"/api/v1/requests/{request_id}/verify", REDACTIONS, format="json").status_code == 200
    answer = pim.post(f"/api/v1/requests/{request_id}/match", {"subject": person}, format="json")
    assert answer.status_code == 403 and answer.json()["reason"] == "separation_of_duties"
    assert len(audit("request.match.refused", reason="separation_of_duties")) == 1


def test_only_a_request_handler_matches(db: Any) -> None:
    activate("socialekaart")
    person = _known_person()
    request_id = _contact_form_request()
    answer = staff("kim2", ["customer_service"]).post(f"/api/v1/requests/{request_id}/match", {"subject": person},
                                                      format="json")
    assert answer.status_code == 403 and answer.json()["reason"] == "role_not_granted"
    assert len(audit("request.match.refused", reason="role_not_granted")) == 1


def test_matching_onto_an_unknown_subject_is_invalid_and_a_subject_with_data_is_not_moved(db: Any) -> None:
    activate("socialekaart")
    person = _known_person()
    request_id = _contact_form_request()
    pia = staff("pia", ["privacy_officer"])
    unknown = pia.post(f"/api/v1/requests/{request_id}/match", {"subject": "00000000-0000-0000-0000-000000000000"},
                       format="json")
    assert unknown.status_code == 422 and "subject" in unknown.json()["errors"]
    assert pia.post(f"/api/v1/requests/{request_id}/match", {"subject": person}, format="json").status_code == 200
    again = pia.post(f"/api/v1/requests/{request_id}/match", {"subject": person}, format="json")
    assert again.status_code == 409
