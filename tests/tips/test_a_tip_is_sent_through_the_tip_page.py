"""Anyone can send a tip through the form at /tip/, with an e-mail address if they want a reply (S0-32):
no login, only the tip record type's fields, the privacy statement linked at the point of collection."""

from __future__ import annotations

from typing import Any

import pytest
from django.utils import timezone

from tests.conftest import activate_example
from tests.tips.conftest import PAGE, TIP, send_tip, tips


def test_there_is_no_tip_page_where_the_policy_has_no_tips(db: Any, client: Any) -> None:
    activate_example("socialekaart")
    assert client.get(PAGE).status_code == 404


def test_the_page_asks_only_the_tip_and_an_optional_address_and_links_the_statement(assen: Any, client: Any) -> None:
    page = client.get(PAGE)
    html = page.content.decode()
    assert page.status_code == 200 and "<h1>Stuur ons een tip</h1>" in html
    assert 'name="tip"' in html and 'name="email"' in html and html.count("<textarea") == 1
    assert "Je e-mailadres, als je een reactie wilt (niet verplicht)" in html
    assert 'href="/privacy/?lang=nl#purpose-tips"' in html
    assert "maximaal 3 maanden" in html and "toestemming" in html
    english = client.get(PAGE, {"lang": "en"}).content.decode()
    assert "<h1>Send us a tip</h1>" in english and "for at most 3 months" in english
    assert 'href="/privacy/?lang=en#purpose-tips"' in english
    # the statement it links to describes the tips purpose under that anchor
    assert 'id="purpose-tips"' in client.get("/privacy/").content.decode()


@pytest.mark.promise("S0-32")
def test_a_tip_with_an_address_is_stored_with_the_consent_it_was_sent_with(assen: Any) -> None:
    from tests.vault.stored import record_data
    from waarborg.engine.audit.models import AuditEntry
    from waarborg.engine.consent.models import Consent

    # When a visitor sends a tip with their e-mail address
    answer = send_tip()
    # Then they are thanked, with a reference and the day it will be deleted
    html = answer.content.decode()
    assert answer.status_code == 201 and "Bedankt voor uw tip" in html
    [tip] = tips()
    assert str(tip.pk) in html and timezone.localtime(tip.expires_at).strftime("%d-%m-%Y") in html
    # And the tip is stored as a subject of its own, through the vault, under the tips purpose
    assert (tip.purpose, tip.channel, tip.source_kind) == ("tips", "website", "subject")
    assert record_data(tip) == TIP and "mila" not in str(tip.plain)
    # With the consent the sending gave, in the consent register
    consent = Consent.objects.get(subject=tip.subject_id)
    assert (consent.purpose, consent.status, consent.channel) == ("tips", "active", "website")
    created = AuditEntry.objects.get(action="record.create")
    assert created.actor == "system:tip_form" and created.detail["fields"] == ["email", "tip"]


def test_a_tip_without_an_address_is_fine(assen: Any) -> None:
    from tests.vault.stored import record_data

    assert send_tip({"tip": "Meer bankjes in het park.", "email": ""}).status_code == 201
    assert record_data(tips()[0]) == {"tip": "Meer bankjes in het park."}


def test_an_empty_tip_is_not_sent_and_the_address_stays_typed(assen: Any) -> None:
    answer = send_tip({"tip": "  ", "email": "mila@example.org"})
    html = answer.content.decode()
    assert answer.status_code == 422 and "Uw tip is niet verstuurd" in html and "Vul dit in." in html
    assert 'value="mila@example.org"' in html and tips() == []


def test_an_unusable_address_is_named_at_its_field(assen: Any) -> None:
    answer = send_tip({"tip": "Meer bankjes.", "email": "mila-at-example"}, lang="en")
    assert answer.status_code == 422 and "Your tip was not sent" in answer.content.decode()
    assert answer.context["form"].errors["email"] and tips() == []


def test_fields_the_tip_does_not_declare_are_not_stored(assen: Any) -> None:
    from tests.vault.stored import record_data

    assert send_tip({**TIP, "bsn": "111222333", "name": "Mila"}).status_code == 201
    assert set(record_data(tips()[0])) == {"tip", "email"}
