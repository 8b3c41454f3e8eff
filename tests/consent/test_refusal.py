"""A refusal to give data or consent is recorded with the consequences the person was told."""

from __future__ import annotations

from typing import Any

import pytest

from tests.consent.conftest import audited, new_subject, refusals, write_record
from waarborg.engine.consent.models import Notice


def _refuse(persona: Any, subject: Any, **body: Any) -> Any:
    return persona.client.post("/api/v1/consents/refusals",
                               {"subject": str(subject.pk), "purpose": "client_support", **body}, format="json")


def test_recording_a_refusal_needs_authentication_and_a_role(care: Any, anonymous: Any) -> None:
    subject = new_subject()
    assert anonymous.post("/api/v1/consents/refusals", {}, format="json").status_code == 401
    refused = _refuse(care["outsider"], subject)
    assert refused.status_code == 403 and refused.json()["reason"] == "role_not_granted"
    assert refusals("role_not_granted", subject) == 1


@pytest.mark.promise("S2-09")
def test_a_refusal_records_the_consequences_told_and_blocks_dependent_tasks(care: Any) -> None:
    # Given a client who will not sign the consent statement for special data
    subject = new_subject()
    # When the supporter records the refusal, with what they told the client
    response = _refuse(care["supporter"], subject, channel="in_person",
                       consequences="Zonder toestemming kunnen wij je zorgsituatie niet vastleggen.")
    # Then the register shows the refusal and a notice lists the consequences, sent at once
    assert response.status_code == 201 and response.json()["status"] == "refused"
    notice = Notice.objects.get(subject=subject, kind="refusal_consequences")
    assert notice.content == "Zonder toestemming kunnen wij je zorgsituatie niet vastleggen."
    assert notice.sent_at is not None and notice.channel == "in_person"
    assert audited("consent.refuse", subject)[0].detail["consequences_told"] is True
    # And tasks that depend on the consent are blocked
    blocked = write_record(care["supporter"], subject, "dossier", {"name": "Kees", "diagnosis": "x"},
                           "client_support")
    assert blocked.status_code == 403 and blocked.data["reason"] == "special_category_forbidden"


@pytest.mark.promise("S2-09")
def test_without_words_of_its_own_the_policys_consequences_are_recorded(care: Any) -> None:
    subject = new_subject()
    response = _refuse(care["supporter"], subject)
    assert response.status_code == 201
    assert response.json()["consequences"].startswith("Zonder deze gegevens kunnen wij geen overeenkomst")


def test_a_refusal_cannot_be_withdrawn(care: Any) -> None:
    refusal = _refuse(care["supporter"], new_subject()).json()
    response = care["supporter"].client.post(f"/api/v1/consents/{refusal['id']}/withdraw", {}, format="json")
    assert response.status_code == 409
