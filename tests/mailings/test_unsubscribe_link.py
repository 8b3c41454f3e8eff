"""Every newsletter has a personal unsubscribe link. Following it, without logging in, withdraws the
consent (and with it the address's retention); the next newsletter leaves that address out."""

from __future__ import annotations

from typing import Any

import pytest
from django.conf import settings
from django.test import Client
from django.utils import timezone

from tests.mailings.conftest import addresses, link_in, send, subscriber
from waarborg.engine.audit.models import AuditEntry
from waarborg.engine.consent.models import Consent
from waarborg.engine.keyring.crypto import pseudonym
from waarborg.engine.vault.models import Record


@pytest.mark.promise("S0-17", "S0-20")
def test_the_link_unsubscribes_without_login_and_the_next_send_leaves_the_address_out(
        editor: Any, mailoutbox: list[Any]) -> None:
    pytest.importorskip("waarborg.engine.retention.events")
    anna = subscriber("anna@example.nl")
    subscriber("bert@example.nl")
    send(editor)
    to_anna = next(m for m in mailoutbox if m.to == ["anna@example.nl"])
    to_bert = next(m for m in mailoutbox if m.to == ["bert@example.nl"])
    link = link_in(to_anna)
    assert link != link_in(to_bert)  # personal
    assert link in to_anna.alternatives[0][0]  # also in the HTML part
    assert to_anna.extra_headers["List-Unsubscribe"] == f"<{link}>"
    path = link.removeprefix(settings.WAARBORG_PUBLIC_URL)

    stranger = Client(enforce_csrf_checks=True)  # not logged in, no cookies, CSRF checks on
    shown = stranger.get(path)
    assert shown.status_code == 200 and "Afmelden" in shown.content.decode()
    assert Consent.objects.get(subject=anna).status == "active"  # a GET (a mail scanner) changes nothing

    done = stranger.post(path)

    assert done.status_code == 200 and "U bent afgemeld" in done.content.decode()
    consent = Consent.objects.get(subject=anna)
    assert consent.status == "withdrawn" and consent.withdrawn_at is not None
    assert consent.withdrawal_channel == "unsubscribe_link"
    assert AuditEntry.objects.filter(action="consent.withdraw", subject_pseudonym=pseudonym(anna.pk)).count() == 1
    record = Record.objects.get(subject=anna, type="newsletter_subscription")
    assert record.expires_at is not None and record.expires_at <= timezone.now()  # until_unsubscribed: ends now
    mailoutbox.clear()
    answer = send(editor)
    assert addresses(mailoutbox) == ["bert@example.nl"]
    assert answer.json()["excluded"] == {"no_active_consent": 1}


@pytest.mark.promise("S0-17")
def test_mail_clients_one_click_unsubscribe_works_too(editor: Any, mailoutbox: list[Any]) -> None:
    anna = subscriber("anna@example.nl")
    send(editor)
    path = link_in(mailoutbox[0]).removeprefix(settings.WAARBORG_PUBLIC_URL)
    answer = Client(enforce_csrf_checks=True).post(path, {"List-Unsubscribe": "One-Click"})
    assert answer.status_code == 200
    assert Consent.objects.get(subject=anna).status == "withdrawn"


def test_a_forged_or_altered_link_changes_nothing(editor: Any, mailoutbox: list[Any]) -> None:
    anna = subscriber("anna@example.nl")
    send(editor)
    path = link_in(mailoutbox[0]).removeprefix(settings.WAARBORG_PUBLIC_URL)
    assert Client().post(path[:-3] + "abc").status_code == 404
    assert Client().post("/afmelden/eyJzIjoiMSJ9:bogus").status_code == 404
    assert Consent.objects.get(subject=anna).status == "active"
