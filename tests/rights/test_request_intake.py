"""Requests arrive by any channel with the date received and are tracked with a status."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
import time_machine
from django.utils import timezone

from tests.rights.conftest import audit, file_request
from waarborg.engine.rights.models import Request


@pytest.mark.promise("S2-26", "S3-27")
@pytest.mark.parametrize("channel", ["post", "email", "letter"])
def test_a_written_request_is_registered_with_its_channel_and_the_date_it_was_received(
        personas: dict[str, Any], anna: Any, channel: str) -> None:
    # given a letter that arrived last week
    received = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)
    with time_machine.travel(datetime(2026, 3, 9, 12, 0, tzinfo=UTC), tick=False):
        # when the privacy officer registers it
        answer = file_request(personas["privacy_officer"], anna, "access", channel,
                              received_at=received.isoformat(), details="Verzoek omtrent persoonsgegevens")
    # then the request keeps the channel and the date received, and the clock runs from receipt
    assert answer.status_code == 201
    req = Request.objects.get(pk=answer.data["id"])
    assert (req.channel, req.received_at) == (channel, received)
    due = datetime.fromisoformat(answer.data["due_at"])
    local = timezone.localtime(due)
    assert local.date() == date(2026, 3, 30) and (local.hour, local.minute) == (10, 30)  # 28 days later, Dutch clock
    assert answer.data["due_at"] == "2026-03-30T08:30:00Z"  # written in UTC (summer time began on 29 March)
    assert answer.data["status"] == "awaiting_identification"


@pytest.mark.promise("S1-24")
@pytest.mark.parametrize("type", ["access", "rectification", "erasure", "portability", "withdraw_consent",
                                  "objection"])
def test_the_contact_form_files_every_kind_of_request_as_a_tracked_request(
        personas: dict[str, Any], anna: Any, type: str) -> None:
    answer = file_request(personas["privacy_officer"], anna, type, "contact_form")
    assert answer.status_code == 201
    listed = personas["privacy_officer"].get("/api/v1/requests").json()
    assert [(r["id"], r["type"], r["channel"], r["status"]) for r in listed] == [
        (answer.data["id"], type, "contact_form", "awaiting_identification")]


def test_helpdesk_staff_may_register_a_request_they_received(personas: dict[str, Any], anna: Any) -> None:
    answer = file_request(personas["caseworker"], anna, "erasure", "phone")
    assert answer.status_code == 201
    assert audit("request.create", actor="carl")


def test_a_request_received_in_the_future_is_refused(personas: dict[str, Any], anna: Any) -> None:
    future = datetime.now(UTC) + timedelta(minutes=10)
    answer = file_request(personas["privacy_officer"], anna, received_at=future.isoformat())
    assert answer.status_code == 422
    assert "received_at" in answer.json()["errors"]
    assert not Request.objects.exists()


def test_an_unknown_channel_type_or_subject_is_refused(personas: dict[str, Any], anna: Any) -> None:
    officer = personas["privacy_officer"]
    assert "channel" in file_request(officer, anna, channel="pigeon").json()["errors"]
    assert "type" in file_request(officer, anna, type="wish").json()["errors"]
    answer = officer.post("/api/v1/requests", {"subject": "00000000-0000-0000-0000-000000000000", "type": "access",
                                               "channel": "email"}, format="json")
    assert answer.status_code == 422 and "subject" in answer.json()["errors"]
    assert not Request.objects.exists()


def test_the_request_details_are_sealed_and_shown_only_to_a_handler(personas: dict[str, Any], anna: Any) -> None:
    officer = personas["privacy_officer"]
    filed = file_request(officer, anna, "rectification", details="Mijn telefoonnummer klopt niet")
    req = Request.objects.get(pk=filed.data["id"])
    assert b"telefoonnummer" not in bytes(req.details_sealed)
    shown = officer.get(f"/api/v1/requests/{req.pk}").json()
    assert shown["details"] == "Mijn telefoonnummer klopt niet"
    assert [s["status"] for s in shown["steps"]] == ["received", "awaiting_identification"]
