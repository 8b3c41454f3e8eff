"""When retention deletes a listing or a feedback record, the CMS's own rows follow: no listing without its
record stays on the map, and a ticket keeps only its page and status."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import time_machine

from tests.listings.conftest import add_listing
from waarborg.engine.retention.events import event_record
from waarborg.engine.retention.sweep import sweep_expired
from waarborg.engine.vault.models import Record
from waarborg.modules.listings.models import Listing, Ticket

T = datetime(2026, 1, 15, 12, 0, tzinfo=ZoneInfo("Europe/Amsterdam"))


def test_an_expired_feedback_record_leaves_a_ticket_without_personal_data(kaart: Any, anonymous: Any) -> None:
    with time_machine.travel(T, tick=False):
        ticket = anonymous.post("/api/v1/sociale-kaart/feedback", {"comment": "Adres klopt niet.",
                                                                   "email": "bezoeker@example.nl"},
                                format="json").json()["id"]
    record = Ticket.objects.get(pk=ticket).record
    with time_machine.travel(T + timedelta(days=200), tick=False):
        assert sweep_expired().deleted["feedback_6m"] == 1
    assert not Record.objects.filter(pk=record.pk).exists()
    kept = Ticket.objects.get(pk=ticket)
    assert kept.record is None and kept.status == "open"


def test_a_listing_is_removed_from_the_map_when_retention_deletes_it(kaart: Any, anonymous: Any) -> None:
    with time_machine.travel(T, tick=False):
        created = add_listing(kaart["editor"]).json()
    listing = Listing.objects.get(pk=created["id"])
    with time_machine.travel(T + timedelta(days=30), tick=False):
        event_record(kaart["officer"].user, name="contract_ended", at=T + timedelta(days=30), subject=listing.subject)
    with time_machine.travel(T + timedelta(days=30 + 5 * 366), tick=False):
        report = sweep_expired()
    assert report.deleted["contract_plus_5y"] == 2  # the listing and its verification address
    assert not Listing.objects.filter(pk=created["id"]).exists()
    assert anonymous.get("/api/v1/sociale-kaart/listings").json() == []
