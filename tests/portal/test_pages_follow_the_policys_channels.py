"""The portal offers the contact form and the login only where the policy lists them among its rights channels
(`contact_form`, `portal`). Elsewhere those pages say how the organisation does take requests, and a form
posted anyway is refused (403 `channel_not_offered`) and audited."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from tests.conftest import activate_example

SENDER = {"name": "Carla Smit", "email": "carla@example.nl", "type": "access", "details": "Wat heeft u van mij?"}


def _refused(action: str) -> list[Any]:
    from waarborg.engine.audit.models import AuditEntry

    return list(AuditEntry.objects.filter(action=f"{action}.refused", reason="channel_not_offered"))


def test_kwartier_offers_no_contact_form_and_says_how_to_ask(db: Any) -> None:
    from waarborg.engine.rights.models import Request

    activate_example("kwartier")  # channels: email, post, in_person, phone
    page = Client().get("/portaal/contact")
    text = page.content.decode()
    assert page.status_code == 200 and 'name="details"' not in text
    assert "e-mail, post, langskomen, telefoon" in text and "privacy@kwartierzorgenwelzijn.nl" in text
    posted = Client().post("/portaal/contact", SENDER)
    assert posted.status_code == 403 and not Request.objects.exists()
    [entry] = _refused("contact_form.request")
    assert entry.actor_kind == "anonymous" and "Carla" not in str(entry.detail)


def test_kwartier_has_no_portal_to_log_in_to(db: Any) -> None:
    activate_example("kwartier")
    page = Client().get("/portaal/inloggen").content.decode()
    assert 'name="password"' not in page and "geen portaal" in page
    assert Client().post("/portaal/inloggen", {"username": "x", "password": "y"}).status_code == 403
    assert len(_refused("portal.login")) == 1


@pytest.mark.promise("S1-24")
def test_socialekaart_takes_requests_through_the_contact_form_only(db: Any) -> None:
    activate_example("socialekaart")  # channels: contact_form
    assert 'name="details"' in Client().get("/portaal/contact").content.decode()
    assert 'name="password"' not in Client().get("/portaal/inloggen").content.decode()


def test_ikzorginassen_has_a_portal_but_no_contact_form(db: Any) -> None:
    activate_example("ikzorginassen")  # channels: email, portal, phone, post
    login = Client().get("/portaal/inloggen").content.decode()
    assert 'name="password"' in login
    contact = Client().get("/portaal/contact", {"lang": "en"}).content.decode()
    assert 'name="details"' not in contact and "e-mail, the portal, phone, post" in contact
