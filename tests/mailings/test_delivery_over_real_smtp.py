"""The newsletter over a real SMTP conversation (aiosmtpd in this process), as production sends it:
one envelope per subscriber, multipart text and HTML, the one-click unsubscribe header."""

from __future__ import annotations

import email
import socket
from email import policy as email_policy
from typing import Any

import pytest
from django.test import override_settings

from tests.mailings.conftest import send, subscriber
from waarborg.mailings.models import Mailing

controller_module = pytest.importorskip("aiosmtpd.controller")


class Inbox:
    def __init__(self) -> None:
        self.envelopes: list[Any] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.envelopes.append(envelope)
        return "250 OK"


class Refusing(Inbox):
    async def handle_RCPT(self, server: Any, session: Any, envelope: Any, address: str,
                          options: Any) -> str:
        if address.startswith("kapot"):
            return "550 no such mailbox"
        envelope.rcpt_tos.append(address)
        return "250 OK"


def smtp(handler: Inbox) -> Any:
    with socket.socket() as probe:  # a free port (aiosmtpd's readiness check cannot use port 0)
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    controller = controller_module.Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    return controller


@pytest.mark.promise("S0-16", "S0-17")
def test_each_subscriber_gets_a_multipart_newsletter_with_its_own_unsubscribe_header(editor: Any) -> None:
    subscriber("anna@example.nl")
    subscriber("bert@example.nl")
    inbox = Inbox()
    controller = smtp(inbox)
    try:
        with override_settings(EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
                               EMAIL_HOST="127.0.0.1", EMAIL_PORT=controller.port):
            answer = send(editor)
    finally:
        controller.stop()
    assert answer.status_code == 201 and answer.json()["sent"] == 2
    assert sorted(a for e in inbox.envelopes for a in e.rcpt_tos) == ["anna@example.nl", "bert@example.nl"]
    links = set()
    for envelope in inbox.envelopes:
        message = email.message_from_bytes(envelope.content, policy=email_policy.default)
        assert message.get_content_type() == "multipart/alternative"
        assert [p.get_content_type() for p in message.iter_parts()] == ["text/plain", "text/html"]
        assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        links.add(message["List-Unsubscribe"])
    assert len(links) == 2


def test_a_refused_address_is_counted_and_the_others_still_get_it(editor: Any) -> None:
    subscriber("kapot@example.nl")
    subscriber("bert@example.nl")
    inbox = Refusing()
    controller = smtp(inbox)
    try:
        with override_settings(EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
                               EMAIL_HOST="127.0.0.1", EMAIL_PORT=controller.port):
            answer = send(editor)
    finally:
        controller.stop()
    assert answer.json()["sent"] == 1 and answer.json()["failed"] == 1
    assert [a for e in inbox.envelopes for a in e.rcpt_tos] == ["bert@example.nl"]
    assert Mailing.objects.get().failed == 1
