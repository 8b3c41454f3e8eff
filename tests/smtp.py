"""A real SMTP server (aiosmtpd, in this process) for tests that send mail as production does: Django's
SMTP backend talks to it over a socket, and `Inbox` keeps what it accepted."""

from __future__ import annotations

import email
import logging
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from email import policy as email_policy
from typing import Any

import pytest
from django.test import override_settings


class Inbox:
    """What the server received: one envelope per accepted message."""

    def __init__(self) -> None:
        self.envelopes: list[Any] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.envelopes.append(envelope)
        return "250 OK"

    def messages_to(self, address: str) -> list[Any]:
        return [email.message_from_bytes(e.content, policy=email_policy.default)
                for e in self.envelopes if address in e.rcpt_tos]

    def mail_to(self, address: str) -> Any:
        """The one message delivered to `address`, parsed."""
        found = self.messages_to(address)
        assert len(found) == 1, f"{len(found)} messages to {address}"
        return found[0]


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


@contextmanager
def smtp_server(handler: Inbox) -> Iterator[Inbox]:
    """Serve `handler` and point Django's SMTP backend at it for the duration."""
    controller_module = pytest.importorskip("aiosmtpd.controller")
    # The server thread logs each conversation (addresses included) at INFO, sometimes after the test's log
    # capture has closed; its warnings and errors are what matter here.
    server_log = logging.getLogger("mail.log")
    level = server_log.level
    server_log.setLevel(logging.WARNING)
    controller = controller_module.Controller(handler, hostname="127.0.0.1", port=free_port())
    controller.start()
    try:
        with override_settings(EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
                               EMAIL_HOST="127.0.0.1", EMAIL_PORT=controller.port):
            yield handler
    finally:
        controller.stop()
        server_log.setLevel(level)
