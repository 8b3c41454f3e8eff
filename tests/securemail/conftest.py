"""Fixtures for mail from residents: the seed-003 policy (`examples/werkzaak.yaml`) and its staff."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from rest_framework.test import APIClient

from tests.conftest import Persona, activate_example, make_staff

SENDER = "jan.jansen@example.nl"


@pytest.fixture
def werkzaak(db: Any) -> Any:
    from waarborg.policy.active import current

    activate_example("werkzaak")
    return current()


@pytest.fixture
def front_office(werkzaak: Any) -> Persona:
    return Persona(*make_staff("fenna", ["front_office"]))


@pytest.fixture
def researcher(werkzaak: Any) -> Persona:
    """Staff without any right on questions or secure mail."""
    return Persona(*make_staff("rik", ["researcher"]))


@pytest.fixture
def public() -> APIClient:
    return APIClient()


def code_in(message: Any) -> str:
    return code_in_text(message.body)


def code_in_text(body: str) -> str:
    found = re.search(r"\b(\d{8})\b", body)
    assert found, "the mail holds an 8-digit access code"
    return found.group(1)


def ask_code(client: APIClient, mailoutbox: list[Any], email: str = SENDER) -> str:
    answer = client.post("/api/v1/secure-mail/codes", {"name": "Jan Jansen", "email": email}, format="json")
    assert answer.status_code == 202, answer.content
    return code_in(mailoutbox[-1])


def refused(action: str, reason: str) -> list[Any]:
    from waarborg.audit.models import AuditEntry

    return list(AuditEntry.objects.filter(action=f"{action}.refused", outcome="refused", reason=reason))


class Inbox:
    """What a real SMTP server (aiosmtpd, in this process) received."""

    def __init__(self) -> None:
        self.envelopes: list[Any] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.envelopes.append(envelope)
        return "250 OK"

    def last_code_for(self, address: str) -> str:
        import email
        from email import policy as email_policy

        envelope = next(e for e in reversed(self.envelopes) if address in e.rcpt_tos)
        body = email.message_from_bytes(envelope.content, policy=email_policy.default).get_body().get_content()
        return code_in_text(body)


@pytest.fixture
def smtp_inbox() -> Iterator[Inbox]:
    """Mail goes through Django's SMTP backend to a real SMTP server, as in production."""
    import socket

    from django.test import override_settings

    controller_module = pytest.importorskip("aiosmtpd.controller")
    with socket.socket() as probe:  # a free port (aiosmtpd's readiness check cannot use port 0)
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    inbox = Inbox()
    controller = controller_module.Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        with override_settings(EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
                               EMAIL_HOST="127.0.0.1", EMAIL_PORT=port):
            yield inbox
    finally:
        controller.stop()
