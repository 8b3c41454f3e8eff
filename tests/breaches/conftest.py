"""Helpers for breach tests: people in the vault with application records, and a real SMTP server."""

from __future__ import annotations

import email
import logging
import socket
from collections.abc import Iterator
from datetime import datetime
from email import policy as email_policy
from typing import Any

import pytest

APPLICATION = {"name": "Jan Jansen", "phone": "0612345678", "address": "Kerkstraat 1, Assen",
               "birth_date": "1970-01-01", "care_recipient_address": "Kerkstraat 3, Assen", "edition": 2024}


def applicant(actor: Any, collected_at: datetime | None = None, **data: Any) -> Any:
    from waarborg.vault.actions import record_create, subject_create

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


class Inbox:
    """What an SMTP server (aiosmtpd, in this process) received: one envelope per accepted message."""

    def __init__(self) -> None:
        self.envelopes: list[Any] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.envelopes.append(envelope)
        return "250 OK"

    def mail_to(self, address: str) -> Any:
        """The one message delivered to `address`, parsed."""
        found = [e for e in self.envelopes if address in e.rcpt_tos]
        assert len(found) == 1, f"{len(found)} messages to {address}"
        return email.message_from_bytes(found[0].content, policy=email_policy.default)


class Refusing(Inbox):
    """A relay that refuses mailboxes starting with "kapot" (550), as a real one refuses unknown users."""

    async def handle_RCPT(self, server: Any, session: Any, envelope: Any, address: str, options: Any) -> str:
        if address.startswith("kapot"):
            return "550 no such mailbox"
        envelope.rcpt_tos.append(address)
        return "250 OK"


def free_port() -> int:
    with socket.socket() as probe:  # aiosmtpd's readiness check cannot use port 0
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _serve(handler: Inbox, settings: Any) -> Iterator[Inbox]:
    controller_module = pytest.importorskip("aiosmtpd.controller")
    # The server thread logs each conversation (addresses included) at INFO, sometimes after the test's log
    # capture has closed; its warnings and errors are what matter here.
    server_log = logging.getLogger("mail.log")
    level = server_log.level
    server_log.setLevel(logging.WARNING)
    controller = controller_module.Controller(handler, hostname="127.0.0.1", port=free_port())
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", controller.port
    try:
        yield handler
    finally:
        controller.stop()
        server_log.setLevel(level)


@pytest.fixture
def relay(settings: Any) -> Iterator[Inbox]:
    """Django's SMTP backend talking to a real SMTP server."""
    yield from _serve(Inbox(), settings)


@pytest.fixture
def refusing_relay(settings: Any) -> Iterator[Inbox]:
    yield from _serve(Refusing(), settings)


def helpdesk_person(actor: Any, email_address: str = "", **data: Any) -> Any:
    """Someone who asked the helpdesk a question (no portal account), with the address they typed in."""
    from waarborg.vault.actions import record_create, subject_create

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
