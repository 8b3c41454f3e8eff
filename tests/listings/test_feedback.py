"""The feedback form: a comment and an optional e-mail address (S1-08) become a customer-service ticket
linked to its page (S1-10); the address receives only two kinds of message (S1-09)."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from tests.listings.conftest import add_listing, audited
from tests.vault.stored import record_data
from waarborg.modules.listings.models import Ticket

PAGE = "https://www.socialekaart.example.nl/sociale-kaart/de-linde"


def send(anonymous: Any, **body: Any) -> Any:
    return anonymous.post("/api/v1/sociale-kaart/feedback", {"comment": "Het telefoonnummer klopt niet.",
                                                             "page": PAGE, **body}, format="json")


@pytest.mark.promise("S1-08", "S1-10")
def test_feedback_without_an_e_mail_address_is_accepted_and_becomes_a_ticket(kaart: Any, anonymous: Any) -> None:
    answer = send(anonymous)
    assert answer.status_code == 201
    ticket = Ticket.objects.get(pk=answer.json()["id"])
    assert ticket.page == PAGE and ticket.status == "open"
    assert record_data(ticket.record) == {"comment": "Het telefoonnummer klopt niet.", "page": PAGE}
    [created] = audited("ticket.create")
    assert created.detail["with_email"] is False


@pytest.mark.promise("S1-08", "S1-10")
def test_feedback_with_an_e_mail_address_stores_it_in_the_customer_service_ticket(kaart: Any, anonymous: Any) -> None:
    answer = send(anonymous, email="bezoeker@example.nl")
    assert answer.status_code == 201
    ticket = Ticket.objects.get(pk=answer.json()["id"])
    assert record_data(ticket.record)["email"] == "bezoeker@example.nl"
    assert "bezoeker@example.nl" not in str(ticket.record.plain)  # sealed (contact is an encrypted category)
    # Customer service sees the ticket and the page it came from
    tickets = kaart["service"].get("/api/v1/tickets", {"purpose": "feedback"}).json()
    assert [(t["id"], t["page"], t["status"]) for t in tickets] == [(str(ticket.pk), PAGE, "open")]


@pytest.mark.promise("S1-10")
def test_the_form_on_a_listing_page_links_the_ticket_to_that_listing(kaart: Any) -> None:
    listing = add_listing(kaart["editor"]).json()["id"]
    page = Client().post(f"/sociale-kaart/{listing}", {"comment": "Nieuwe openingstijden: ma-vr 9-17."})
    assert page.status_code == 200 and "uw reactie is ontvangen" in page.content.decode(), page.content.decode()[-1200:]
    ticket = Ticket.objects.get()
    assert str(ticket.listing_id) == listing and ticket.page.endswith(f"/sociale-kaart/{listing}")


def test_feedback_needs_a_comment(kaart: Any, anonymous: Any) -> None:
    assert anonymous.post("/api/v1/sociale-kaart/feedback", {"email": "a@example.nl"},
                          format="json").status_code == 422
    assert send(anonymous, email="geen-adres").status_code == 422
    assert not Ticket.objects.exists()


@pytest.mark.promise("S1-09")
@pytest.mark.parametrize("kind", ["feedback_outcome", "additional_information"])
def test_customer_service_mails_the_outcome_or_asks_for_more_information(kaart: Any, anonymous: Any, kind: str,
                                                                        mailoutbox: list[Any]) -> None:
    ticket = send(anonymous, email="bezoeker@example.nl").json()["id"]
    answer = kaart["service"].post(f"/api/v1/tickets/{ticket}/messages", {"kind": kind, "text": "Aangepast, dank!"},
                                   format="json", HTTP_X_PURPOSE="feedback")
    assert answer.status_code == 201
    assert [m.to for m in mailoutbox] == [["bezoeker@example.nl"]]
    assert [e.detail["kind"] for e in audited("ticket.message")] == [kind]


@pytest.mark.promise("S1-09", "S1-29")
@pytest.mark.parametrize("kind", ["newsletter", "marketing", "verification"])
def test_any_other_mail_to_the_feedback_address_is_refused_with_a_reason(kaart: Any, anonymous: Any, kind: str,
                                                                        mailoutbox: list[Any]) -> None:
    ticket = send(anonymous, email="bezoeker@example.nl").json()["id"]
    answer = kaart["service"].post(f"/api/v1/tickets/{ticket}/messages", {"kind": kind, "text": "Nieuws!"},
                                   format="json", HTTP_X_PURPOSE="feedback")
    assert answer.status_code == 403
    assert answer.json()["reason"] == "purpose_mismatch"
    assert "alleen" in answer.json()["detail"] and "feedback_outcome" in answer.json()["detail"]
    assert mailoutbox == []
    [refused] = audited("message.refused")
    assert refused.actor == "kees" and refused.reason == "purpose_mismatch"


@pytest.mark.promise("S1-29")
def test_tickets_are_for_customer_service_only(kaart: Any, anonymous: Any, mailoutbox: list[Any]) -> None:
    ticket = send(anonymous, email="bezoeker@example.nl").json()["id"]
    url = f"/api/v1/tickets/{ticket}/messages"
    body = {"kind": "feedback_outcome", "text": "Aangepast."}
    assert anonymous.get("/api/v1/tickets", {"purpose": "feedback"}).status_code == 401
    assert anonymous.post(url, body, format="json", HTTP_X_PURPOSE="feedback").status_code == 401
    for who in ("editor", "outsider"):
        assert kaart[who].get("/api/v1/tickets", {"purpose": "feedback"}).status_code == 403
        refused = kaart[who].post(url, body, format="json", HTTP_X_PURPOSE="feedback")
        assert refused.status_code == 403 and refused.json()["reason"] == "role_not_granted"
    assert mailoutbox == []
    assert len(audited("write.refused", reason="role_not_granted")) == 2


def test_a_ticket_without_an_address_gets_no_mail(kaart: Any, anonymous: Any, mailoutbox: list[Any]) -> None:
    ticket = send(anonymous).json()["id"]
    answer = kaart["service"].post(f"/api/v1/tickets/{ticket}/messages",
                                   {"kind": "feedback_outcome", "text": "Aangepast."}, format="json",
                                   HTTP_X_PURPOSE="feedback")
    assert answer.status_code == 409 and mailoutbox == []
