"""A second active (or pending) consent of the same signatory for the same subject and purpose answers 409
with the id of the one already there; the consent register keeps one row per consent (S0-26)."""

from __future__ import annotations

from typing import Any

import pytest
from django.utils import timezone

from tests.refusals.conftest import org, refused, staff

SIGNED = {"document": "Toestemmingsverklaring 2026-014", "scope": ["general", "special"]}


def _give(persona: Any, subject_id: str, purpose: str, **body: Any) -> Any:
    return persona.client.post("/api/v1/consents", {"subject": subject_id, "purpose": purpose, **body},
                               format="json")


def _subject(persona: Any, purpose: str, **body: Any) -> str:
    response = persona.client.post("/api/v1/subjects", body, format="json", HTTP_X_PURPOSE=purpose)
    assert response.status_code == 201, response.content
    subject_id: str = response.json()["id"]
    return subject_id


def test_registering_a_consent_needs_a_login_and_a_role(db: Any, anonymous: Any) -> None:
    org("ikzorginassen")
    subject_id = _subject(staff("nina", ["newsletter_editor"]), "newsletter")
    assert anonymous.post("/api/v1/consents", {"subject": subject_id, "purpose": "newsletter"},
                          format="json").status_code == 401
    assessor = staff("anna", ["assessor"])
    response = _give(assessor, subject_id, "newsletter")
    assert response.status_code == 403 and response.json()["reason"] == "role_not_granted"
    assert len(refused("consent.give", "role_not_granted", subject_id)) == 1


@pytest.mark.promise("S0-26")
def test_a_second_active_consent_answers_409_with_the_first_ones_id(db: Any) -> None:
    from waarborg.engine.consent.models import Consent

    # Given a newsletter subscriber's consent in the register
    org("ikzorginassen")
    editor = staff("nina", ["newsletter_editor"])
    subject_id = _subject(editor, "newsletter")
    first = _give(editor, subject_id, "newsletter", channel="website")
    assert first.status_code == 201 and first.json()["status"] == "active"
    # When the same consent is registered again (a double click, an import run twice)
    again = _give(editor, subject_id, "newsletter", channel="email")
    # Then the answer is 409 with the existing consent's id, and the register holds one consent
    assert again.status_code == 409, again.content
    assert again.json()["id"] == first.json()["id"] and again.json()["detail"]
    assert Consent.objects.filter(subject=subject_id).count() == 1
    # And after a withdrawal a new consent can be given, and the register shows both, with their times
    withdrawn = editor.client.post(f"/api/v1/consents/{first.json()['id']}/withdraw", {}, format="json")
    assert withdrawn.status_code == 200
    renewed = _give(editor, subject_id, "newsletter", channel="website")
    assert renewed.status_code == 201
    officer = staff("pia", ["privacy_officer"])
    register = officer.client.get("/api/v1/consents", {"subject": subject_id, "format": "csv"})
    assert register.status_code == 200 and register["Content-Type"].startswith("text/csv")
    lines = register.content.decode().splitlines()
    assert len(lines) == 3 and "withdrawn" in lines[1] and "active" in lines[2]


def test_a_second_pending_consent_of_the_same_parent_answers_409(db: Any) -> None:
    from waarborg.engine.consent.models import Consent

    # Given a client of 14 whose mother signed the consent statement (pending verification)
    org("wlzclientondersteuning")
    supporter = staff("sanne", ["client_supporter"])
    today = timezone.localdate()
    child = _subject(supporter, "client_support", birth_date=today.replace(year=today.year - 14, day=1).isoformat())
    mother = [{"role": "self", "name": ""}, {"role": "parent", "name": "Marieke de Vries"}]
    first = _give(supporter, child, "client_support", signatories=mother, evidence=SIGNED)
    assert first.status_code == 201 and first.json()["status"] == "pending_verification"
    # When the same statement is registered again, then 409 names the pending one
    again = _give(supporter, child, "client_support", evidence=SIGNED,
                  signatories=[{"role": "parent", "name": "marieke  de vries"}, {"role": "self", "name": "Kim"}])
    assert again.status_code == 409 and again.json()["id"] == first.json()["id"]
    # And the father's own signature is another consent, not a double
    father = _give(supporter, child, "client_support", evidence=SIGNED,
                   signatories=[{"role": "self", "name": ""}, {"role": "parent", "name": "Henk de Vries"}])
    assert father.status_code == 201
    assert Consent.objects.filter(subject=child).count() == 2


def test_a_minors_consent_without_a_parent_is_refused_and_logged(db: Any) -> None:
    from waarborg.engine.consent.models import Consent

    org("wlzclientondersteuning")
    supporter = staff("sanne", ["client_supporter"])
    today = timezone.localdate()
    child = _subject(supporter, "client_support", birth_date=today.replace(year=today.year - 14, day=1).isoformat())
    response = _give(supporter, child, "client_support", evidence=SIGNED)
    assert response.status_code == 403 and response.json()["reason"] == "parental_consent_required"
    assert len(refused("consent.give", "parental_consent_required", child)) == 1
    assert not Consent.objects.filter(subject=child).exists()
