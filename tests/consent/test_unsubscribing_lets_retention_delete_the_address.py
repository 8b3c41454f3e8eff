"""Seed 000: after unsubscribing, the newsletter address is kept only `until_unsubscribed`.

The withdrawal hands `consent_withdrawn` to the retention engine, which sets the record's expiry.
Skipped where the retention engine's events have not landed yet.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from tests.conftest import Persona, make_staff
from tests.consent.conftest import give, new_subject, write_record
from waarborg.engine.vault.models import Record


def test_the_newsletter_address_expires_when_consent_is_withdrawn(personas: Any) -> None:
    pytest.importorskip("waarborg.engine.retention.events")
    editor = Persona(*make_staff("nina", ["newsletter_editor"]))
    subject = new_subject()
    consent = give(personas["privacy_officer"], subject, "newsletter").json()
    stored = write_record(editor, subject, "newsletter_subscription", {"email": "a@example.nl"}, "newsletter")
    assert Record.objects.get(pk=stored.data["id"]).expires_at is None  # open-ended while subscribed
    personas["privacy_officer"].client.post(f"/api/v1/consents/{consent['id']}/withdraw", {}, format="json")
    expires_at = Record.objects.get(pk=stored.data["id"]).expires_at
    assert expires_at is not None and expires_at <= timezone.now() + timedelta(minutes=1)
