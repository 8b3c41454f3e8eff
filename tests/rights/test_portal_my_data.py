"""The citizen portal: what is held and why, requests to file and follow, exports to download."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from tests.rights.conftest import PASSWORD, audit, citizen_account, verified_request
from waarborg.engine.accounts.models import User
from waarborg.engine.rights.models import Request


def citizen(subject: Any) -> Client:
    account = citizen_account(subject, PASSWORD)
    client = Client()
    answer = client.post("/portaal/inloggen", {"username": account.username, "password": PASSWORD})
    assert answer.status_code == 302, answer.content
    return client


def test_the_portal_asks_a_visitor_to_log_in(policy: Any) -> None:
    answer = Client().get("/portaal/")
    assert answer.status_code == 302 and answer["Location"].startswith("/portaal/inloggen")


def test_staff_cannot_log_in_to_the_citizen_portal(personas: dict[str, Any]) -> None:
    staff = personas["privacy_officer"].user
    staff.set_password(PASSWORD)
    staff.save()
    answer = Client().post("/portaal/inloggen", {"username": staff.username, "password": PASSWORD})
    assert answer.status_code == 200
    assert "Dit portaal is voor burgers" in answer.content.decode()


def test_my_data_shows_what_is_held_why_and_how_long_without_the_values(policy: Any, anna: Any) -> None:
    client = citizen(anna)
    page = client.get("/portaal/").content.decode()
    for fact in ("Beoordelen van de mantelzorgwaardering", "uitvoering van een overeenkomst",
                 "Tot 12 maanden na de sluiting van de volgende ronde", "Aanvraag mantelzorgwaardering",
                 "Financiële administratie", "autoriteitpersoonsgegevens.nl"):
        assert fact in page, fact
    assert "NL91ABNA0417164300" not in page  # values only come in an export
    english = client.get("/portaal/?lang=en").content.decode()
    assert '<html lang="en"' in english and "Assessing the carer appreciation award" in english


@pytest.mark.promise("S1-25")
def test_a_citizen_files_an_access_request_and_downloads_it_once_staff_answered(
        personas: dict[str, Any], anna: Any, bert: Any) -> None:
    client = citizen(anna)
    # when Anna files an access request in the portal
    answer = client.post("/portaal/", {"type": "access", "details": "Graag alles"}, follow=True)
    assert answer.status_code == 200
    req = Request.objects.get(subject=anna)
    # then it is tracked, identified by her login, and shown with its status
    assert (req.channel, req.identity_method, req.status) == ("portal", "portal_login", "in_progress")
    assert "In behandeling" in answer.content.decode()
    # before staff answer, there is nothing to download
    assert client.get(f"/portaal/verzoeken/{req.pk}/download").status_code == 409
    # when staff answer it
    assert personas["privacy_officer"].post(f"/api/v1/requests/{req.pk}/answer", {}, format="json").status_code == 200
    # then she downloads her export, with her data and nobody else's
    download = client.get(f"/portaal/verzoeken/{req.pk}/download?format=html")
    text = download.content.decode()
    assert download.status_code == 200 and "Anna de Vries" in text and "Bert Bakker" not in text
    assert [(e.actor, e.detail["format"], e.detail["channel"]) for e in audit("request.deliver")] == [
        (User.objects.get(subject=anna).username, "html", "portal")]
    # and Bert, logged in himself, cannot fetch Anna's export
    other = citizen(bert)
    assert other.get(f"/portaal/verzoeken/{req.pk}/download").status_code == 404


def test_the_access_export_shows_the_account_but_never_the_password_or_its_hash(
        personas: dict[str, Any], anna: Any) -> None:
    client = citizen(anna)
    account = User.objects.get(subject=anna)
    stored = account.password
    assert stored.startswith("argon2") and PASSWORD not in stored
    request_id = verified_request(personas["privacy_officer"], anna)
    for fmt in ("json", "html"):
        text = personas["privacy_officer"].get(f"/api/v1/requests/{request_id}/export", {"format": fmt}).content.decode()
        assert account.username in text and "anna@example.nl" in text
        assert stored not in text and stored.split("$")[-1] not in text and PASSWORD not in text
    assert stored not in client.get("/portaal/").content.decode()
