"""Fixtures for mail from residents: the seed-003 policy (`examples/werkzaak.yaml`) and its staff."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from rest_framework.test import APIClient

from tests import smtp
from tests.conftest import Persona, activate_example, make_staff

SENDER = "jan.jansen@example.nl"


@pytest.fixture
def werkzaak(db: Any) -> Any:
    from waarborg.engine.policy.active import current

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
    from waarborg.engine.audit.models import AuditEntry

    return list(AuditEntry.objects.filter(action=f"{action}.refused", outcome="refused", reason=reason))


class Inbox(smtp.Inbox):
    """What a real SMTP server (aiosmtpd, in this process) received."""

    def last_code_for(self, address: str) -> str:
        import email
        from email import policy as email_policy

        envelope = next(e for e in reversed(self.envelopes) if address in e.rcpt_tos)
        body = email.message_from_bytes(envelope.content, policy=email_policy.default).get_body().get_content()
        return code_in_text(body)


@pytest.fixture
def smtp_inbox() -> Iterator[Inbox]:
    """Mail goes through Django's SMTP backend to a real SMTP server, as in production."""
    with smtp.smtp_server(Inbox()) as inbox:
        yield inbox
