"""S0-33 on the shipped seed-000 policy: a subscription has no end date while it lasts; the unsubscribe
link in a newsletter ends it, and the next sweep deletes the address. Only the consent register keeps
the proof that the person withdrew."""

from __future__ import annotations

from typing import Any

import pytest
from django.conf import settings
from django.test import Client

from tests.mailings.conftest import link_in
from tests.shipped.conftest import at, cli, created, record, subject


@pytest.mark.promise("S0-33")
def test_the_address_stays_while_subscribed_and_goes_at_the_sweep_after_unsubscribing(
        ikz: Any, mailoutbox: list[Any], capsys: pytest.CaptureFixture[str]) -> None:
    editor, officer = ikz["editor"], ikz["privacy_officer"]
    # Given Mila subscribed to the newsletter (consent, then her address)
    mila = subject(editor, "newsletter")
    consent = created(editor.post("/api/v1/consents", {"subject": mila, "purpose": "newsletter"}, format="json"))
    assert consent["status"] == "active"
    subscription = record(editor, mila, "newsletter_subscription", {"email": "mila@example.nl", "name": "Mila"},
                          "newsletter")
    # Then her address has no end date, and the explanation says until when
    assert subscription["expires_at"] is None
    retention = officer.get(f"/api/v1/records/{subscription['id']}/retention").json()
    assert retention["expires_at"] is None and "uitschrijft" in retention["explanation"]
    # And years of sweeps leave it alone
    status, out, _ = cli(capsys, "sweep", now=at(2031, 1, 1))
    assert status == 0 and "total: 0 deleted, 0 anonymised" in out
    assert officer.get(f"/api/v1/records/{subscription['id']}", {"purpose": "newsletter"}).status_code == 200

    # When she follows the unsubscribe link in the next newsletter
    sent = editor.post("/api/v1/mailings", {"purpose": "newsletter", "message_type": "newsletter",
                                            "title": "Nieuws uit Assen", "body": "Beste lezer,"}, format="json")
    assert sent.status_code in (200, 201), sent.content
    [mail] = mailoutbox
    page = Client(enforce_csrf_checks=True).post(link_in(mail).removeprefix(settings.WAARBORG_PUBLIC_URL))
    assert page.status_code == 200 and "U bent afgemeld" in page.content.decode()

    # Then the next sweep deletes her address, and says so
    status, out, _ = cli(capsys, "sweep")
    assert status == 0 and "until_unsubscribed: 1 deleted" in out
    assert officer.get(f"/api/v1/records/{subscription['id']}", {"purpose": "newsletter"}).status_code == 404
    # (and without her consent nobody may use the newsletter purpose for her any more)
    listing = officer.get(f"/api/v1/subjects/{mila}/records", {"purpose": "newsletter"})
    assert listing.status_code == 403 and listing.json()["reason"] == "no_active_consent"
    # And only the consent register keeps the proof of her withdrawal, without her address
    register = officer.get("/api/v1/consents", {"subject": mila}).json()
    assert [(row["purpose"], row["status"]) for row in register] == [("newsletter", "withdrawn")]
    assert "mila@example.nl" not in str(register)
