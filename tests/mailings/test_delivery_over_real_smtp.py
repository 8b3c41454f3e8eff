"""The newsletter over a real SMTP conversation (aiosmtpd in this process), as production sends it:
one envelope per subscriber, multipart text and HTML, the one-click unsubscribe header."""

from __future__ import annotations

import email
from email import policy as email_policy
from typing import Any

import pytest

from tests.mailings.conftest import send, subscriber
from tests.smtp import Inbox, Refusing, smtp_server
from waarborg.modules.mailings.models import Mailing


@pytest.mark.promise("S0-16", "S0-17")
def test_each_subscriber_gets_a_multipart_newsletter_with_its_own_unsubscribe_header(editor: Any) -> None:
    subscriber("anna@example.nl")
    subscriber("bert@example.nl")
    with smtp_server(Inbox()) as inbox:
        answer = send(editor)
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
    with smtp_server(Refusing()) as inbox:
        answer = send(editor)
    assert answer.json()["sent"] == 1 and answer.json()["failed"] == 1
    assert [a for e in inbox.envelopes for a in e.rcpt_tos] == ["bert@example.nl"]
    assert Mailing.objects.get().failed == 1
