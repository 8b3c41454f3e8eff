"""S4-19, S4-20, S4-24: a portal notice shows on the person's own "Mijn gegevens" page (and only theirs),
Dutch first, English on request; a person without a portal account is not counted as told by the portal."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from tests.breaches.conftest import MEASURES, applicant, assessed, helpdesk_person, notify, register
from tests.rights.conftest import PASSWORD, citizen_account


def logged_in(subject: Any) -> Client:
    account = citizen_account(subject)
    client = Client()
    assert client.post("/portaal/inloggen", {"username": account.username, "password": PASSWORD}).status_code == 302
    return client


@pytest.mark.promise("S4-19", "S4-20", "S4-24")
def test_a_portal_notice_shows_on_the_persons_own_page(officer: Any, personas: Any) -> None:
    # Given Anna and Bert, both with a portal account, in two different breaches
    anna = applicant(personas["assessor"].user, email="anna@example.nl")
    bert = applicant(personas["assessor"].user, email="bert@example.nl")
    hers = assessed(officer, ["address"], [anna])
    his = register(officer, categories=["contact"], description="Dossier in de trein laten liggen",
                   kind="lost_file").json()["id"]
    officer.client.post(f"/api/v1/breaches/{his}/subjects", {"subjects": [str(bert.pk)]}, format="json")
    officer.client.post(f"/api/v1/breaches/{his}/assess", {"risk": "high", **MEASURES}, format="json")

    # When both breaches are notified through the portal
    assert notify(officer, hers, "portal").json()["sent"] == 1
    assert notify(officer, his, "portal").json()["sent"] == 1

    # Then Anna's page shows her notice: what happened, her data, both measures and the AP
    page = logged_in(anna).get("/portaal/").content.decode()
    assert "Datalekken waarbij uw gegevens betrokken waren" in page
    assert "Mail met aanvragen naar verkeerde ontvanger" in page and "Adresgegevens" in page
    assert MEASURES["measures_taken"] in page and MEASURES["measures_subject_can_take"] in page
    assert "Autoriteit Persoonsgegevens" in page
    # And nothing of Bert's breach
    assert "in de trein" not in page and "Contactgegevens" not in page

    english = logged_in(anna).get("/portaal/?lang=en").content.decode()
    assert "Data breaches involving your data" in english and "<li>Address</li>" in english
    assert "in de trein" in logged_in(bert).get("/portaal/").content.decode()


def test_the_page_shows_no_breach_section_to_someone_not_involved(officer: Any, personas: Any) -> None:
    anna = applicant(personas["assessor"].user, email="anna@example.nl")
    bystander = applicant(personas["assessor"].user, email="cees@example.nl")
    notify(officer, assessed(officer, ["address"], [anna]), "portal")
    assert "Datalekken" not in logged_in(bystander).get("/portaal/").content.decode()


@pytest.mark.promise("S3-21")
def test_someone_without_a_portal_account_is_not_told_by_the_portal(officer: Any, personas: Any) -> None:
    from waarborg.engine.breaches.models import AffectedSubject

    anna = applicant(personas["assessor"].user, email="anna@example.nl")
    bert = helpdesk_person(personas["caseworker"].user, "bert@example.nl")
    breach_id = assessed(officer, ["contact"], [anna, bert])

    response = notify(officer, breach_id, "portal").json()

    bert_row = AffectedSubject.objects.get(subject=bert)
    assert response["sent"] == 1 and response["unreachable"] == {"count": 1, "affected": [bert_row.pk]}
    assert bert_row.notified_at is None
    assert AffectedSubject.objects.get(subject=anna).notice["channel"] == "portal"
