"""Helpers for breach tests: people in the vault with application records, and a real SMTP server."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import Any

import pytest

from tests.smtp import Inbox, Refusing, smtp_server

APPLICATION = {"name": "Jan Jansen", "phone": "0612345678", "address": "Kerkstraat 1, Assen",
               "birth_date": "1970-01-01", "care_recipient_address": "Kerkstraat 3, Assen", "edition": 2024}


def applicant(actor: Any, collected_at: datetime | None = None, **data: Any) -> Any:
    from waarborg.engine.records.actions import record_create, subject_create

    subject = subject_create(actor)
    record_create(actor, subject=subject, type="application", data={**APPLICATION, **data}, purpose="eligibility",
                  collected_at=collected_at)
    return subject


@pytest.fixture
def officer(personas: Any) -> Any:
    return personas["privacy_officer"]


def register(officer: Any, **body: Any) -> Any:
    payload = {"aware_at": "2026-03-02T09:00:00+01:00", "description": "Mail met aanvragen naar verkeerde ontvanger",
               "kind": "misaddressed_email", **body}
    return officer.client.post("/api/v1/breaches", payload, format="json")


MEASURES = {"measures_taken": "De ontvanger heeft de e-mail verwijderd en dat bevestigd.",
            "measures_subject_can_take": "Let op phishing-mails die uw naam en adres gebruiken."}


@pytest.fixture
def relay() -> Iterator[Inbox]:
    """Django's SMTP backend talking to a real SMTP server."""
    with smtp_server(Inbox()) as inbox:
        yield inbox


@pytest.fixture
def refusing_relay() -> Iterator[Inbox]:
    with smtp_server(Refusing()) as inbox:
        yield inbox


def helpdesk_person(actor: Any, email_address: str = "", **data: Any) -> Any:
    """Someone who asked the helpdesk a question (no portal account), with the address they typed in."""
    from waarborg.engine.records.actions import record_create, subject_create

    subject = subject_create(actor)
    record_create(actor, subject=subject, type="helpdesk_ticket", purpose="helpdesk",
                  data={"question": "Wanneer wordt de waardering uitbetaald?",
                        **({"email": email_address} if email_address else {}), **data})
    return subject


def assessed(officer: Any, categories: list[str], subjects: list[Any], risk: str = "high") -> str:
    """A registered, assessed breach (with both kinds of measures) concerning these people."""
    breach_id = register(officer, categories=categories).json()["id"]
    officer.client.post(f"/api/v1/breaches/{breach_id}/subjects",
                        {"categories": categories, "subjects": [str(s.pk) for s in subjects]}, format="json")
    officer.client.post(f"/api/v1/breaches/{breach_id}/assess",
                        {"risk": risk, "consequences": "Iemand kan u benaderen met een nepbericht.", **MEASURES},
                        format="json")
    return breach_id


def notify(officer: Any, breach_id: str, channel: str) -> Any:
    return officer.client.post(f"/api/v1/breaches/{breach_id}/notices", {"channel": channel}, format="json")
