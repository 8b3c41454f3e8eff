"""In the portal, a citizen's own free text reaches her only redacted as the access export is: the 'Mijn
gegevens' page shows what is held and why without values, and the export she downloads there names no one
else (art. 15(4) GDPR), her own name and data kept.

Ik Zorg in Assen's shipped policy (the one with a citizen portal): Anna asked the helpdesk a question that names
her neighbour and his phone number.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from tests.rights.conftest import PASSWORD, citizen_account
from waarborg.engine.records.actions import record_create
from waarborg.engine.rights.models import Request

QUESTION = ("Mijn buurman Henk Postma (06-23456789) helpt mij met de aanvraag. Kan hij namens mij bellen? "
            "Groet, Anna de Vries")


def _citizen(subject: Any) -> Client:
    client = Client()
    account = citizen_account(subject, PASSWORD)
    assert client.post("/portaal/inloggen", {"username": account.username, "password": PASSWORD}).status_code == 302
    return client


@pytest.mark.promise("S4-18")
def test_annas_export_in_the_portal_has_her_neighbour_replaced_by_tags_and_her_own_name_kept(
        personas: dict[str, Any], anna: Any) -> None:
    # given Anna's question to the helpdesk naming her neighbour
    record_create(personas["caseworker"].user, subject=anna, type="helpdesk_ticket",
                  data={"question": QUESTION, "email": "anna@example.nl"}, purpose="helpdesk")
    client = _citizen(anna)
    # the page itself shows no values of her records, so no free text to redact
    page = client.get("/portaal/").content.decode()
    assert "Henk Postma" not in page and "06-23456789" not in page
    # when she files an access request there and staff answer it
    assert client.post("/portaal/", {"type": "access", "details": "Graag alles"}).status_code == 302
    req = Request.objects.get(subject=anna)
    assert personas["privacy_officer"].post(f"/api/v1/requests/{req.pk}/answer", {}, format="json").status_code == 200
    # then the export she downloads in the portal has her neighbour and his number as tags, her own name kept
    for fmt in ("html", "json"):
        text = client.get(f"/portaal/verzoeken/{req.pk}/download?format={fmt}").content.decode()
        assert "Henk Postma" not in text and "06-23456789" not in text, fmt
        assert "Mijn buurman [NAAM-1] ([TELEFOON-1]) helpt mij" in text and "Groet, Anna de Vries" in text, fmt
