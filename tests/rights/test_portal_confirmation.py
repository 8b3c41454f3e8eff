"""A request staff registered from a letter is confirmed by the subject in the portal (ikzorginassen, where
citizens have accounts and the policy offers portal_login); then a colleague of the registrar reviews it,
and the citizen downloads the answer."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from tests.conftest import activate_example
from tests.rights.conftest import PASSWORD, audit, citizen_account, colleague
from waarborg.engine.accounts.models import User
from waarborg.engine.rights.models import Delivery, Request


def logged_in(subject: Any) -> Client:
    account = citizen_account(subject, PASSWORD)
    client = Client()
    assert client.post("/portaal/inloggen", {"username": account.username, "password": PASSWORD}).status_code == 302
    return client


def test_a_visitor_is_sent_to_log_in_and_staff_are_refused(personas: dict[str, Any], anna: Any) -> None:
    filed = personas["caseworker"].post("/api/v1/requests", {"subject": str(anna.pk), "type": "access",
                                                             "channel": "post"}, format="json").json()["id"]
    answer = Client().post(f"/portaal/verzoeken/{filed}/bevestigen")
    assert answer.status_code == 302 and answer["Location"].startswith("/portaal/inloggen")
    staff = Client()
    staff.force_login(personas["privacy_officer"].user)
    assert staff.post(f"/portaal/verzoeken/{filed}/bevestigen").status_code == 403
    assert not Request.objects.get(pk=filed).identity_verified


@pytest.mark.promise("S0-37")
def test_the_subject_confirms_a_letter_in_the_portal_a_colleague_reviews_and_she_downloads_the_answer(
        personas: dict[str, Any], anna: Any, bert: Any) -> None:
    officer = personas["privacy_officer"]
    registrar = colleague(officer)  # a second privacy officer opened the post
    # given an access request registered from Anna's letter
    filed = registrar.post("/api/v1/requests", {"subject": str(anna.pk), "type": "access", "channel": "post",
                                                "requester": {"kind": "subject", "name": "Anna de Vries",
                                                              "contact": "Kerkstraat 1, 9401 AA Assen"}},
                           format="json")
    assert filed.status_code == 201 and filed.json()["status"] == "awaiting_identification"
    request_id = filed.json()["id"]
    # when Anna logs in to the portal, she sees it waiting for her confirmation
    client = logged_in(anna)
    page = client.get("/portaal/").content.decode()
    assert "Verzoeken om te bevestigen" in page and f'data-confirm="{request_id}"' in page
    # Bert, logged in himself, cannot confirm it, nor see it
    other = logged_in(bert)
    assert request_id not in other.get("/portaal/").content.decode()
    assert other.post(f"/portaal/verzoeken/{request_id}/bevestigen").status_code == 404
    # when she confirms it
    done = client.post(f"/portaal/verzoeken/{request_id}/bevestigen", follow=True)
    assert "Uw verzoek is bevestigd" in done.content.decode()
    # then it is verified by her own login, and the step says so
    req = Request.objects.get(pk=request_id)
    account = User.objects.get(subject=anna)
    assert (req.identity_method, req.identity_verified_by, req.status) == ("portal_login", account, "in_progress")
    [entry] = audit("request.verify")
    assert (entry.actor, entry.detail["method"], entry.detail["by"]) == (account.username, "portal_login", "subject")
    shown = officer.get(f"/api/v1/requests/{request_id}").json()
    assert shown["verified_by"] == {"kind": "subject"} and shown["registered_by"]["username"] == "pia-collega"
    assert f'data-confirm="{request_id}"' not in client.get("/portaal/").content.decode()
    # the registrar may still not look at the export; a colleague may
    refused = registrar.get(f"/api/v1/requests/{request_id}/export")
    assert refused.status_code == 403 and refused.json()["reason"] == "separation_of_duties"
    assert officer.get(f"/api/v1/requests/{request_id}/export").status_code == 200
    # once answered, Anna downloads it in the portal: a delivery to her, through the portal
    assert officer.post(f"/api/v1/requests/{request_id}/answer", {}, format="json").status_code == 200
    download = client.get(f"/portaal/verzoeken/{request_id}/download?format=csv")
    assert download.status_code == 200 and "Anna de Vries" in download.content.decode()
    assert list(Delivery.objects.values_list("channel", "to", "by")) == [("portal", "subject", account.pk)]


def test_a_confirmation_is_refused_where_the_policy_does_not_offer_portal_login(db: Any) -> None:
    from waarborg.engine.citizens.accounts import account_create
    from waarborg.engine.records.actions import subject_create

    activate_example("kwartier")  # identity in person or by an ID copy only
    from tests.conftest import Persona, make_staff

    officer = Persona(*make_staff("pia", ["privacy_officer"]))
    subject = subject_create("system:test")
    account = account_create("system:test", subject=subject, email="jan@example.nl")
    filed = officer.post("/api/v1/requests", {"subject": str(subject.pk), "type": "access", "channel": "post"},
                         format="json").json()["id"]
    client = Client()
    client.force_login(account)
    assert "Verzoeken om te bevestigen" not in client.get("/portaal/").content.decode()
    answer = client.post(f"/portaal/verzoeken/{filed}/bevestigen")
    assert answer.status_code == 403 and "andere manier" in answer.content.decode()
    [entry] = audit("request.verify.refused")
    assert (entry.reason, entry.detail["request"]) == ("method_not_offered", filed)
    assert not Request.objects.get(pk=filed).identity_verified
