"""A newsletter goes only to addresses with an active subscription; applicants, tip senders and people who
withdrew get nothing. The send is audited with counts and pseudonyms, never addresses."""

from __future__ import annotations

from typing import Any

import pytest

from tests.mailings.conftest import addresses, person, send, subscriber
from waarborg.engine.audit.models import AuditEntry
from waarborg.engine.keyring.crypto import pseudonym

APPLICATION = {"name": "Carla Aanvrager", "email": "carla@example.nl", "phone": "0612345678",
               "address": "Kerkstraat 1, Assen", "birth_date": "1970-05-01", "care_recipient_address": "Molenweg 3",
               "edition": 2025}


def test_strangers_send_nothing(personas: Any, anonymous: Any, mailoutbox: list[Any]) -> None:
    subscriber("abonnee@example.nl")
    assert send(anonymous).status_code == 401
    for name in ("outsider", "assessor"):
        answer = send(personas[name])
        assert answer.status_code == 403 and answer.json()["reason"] == "role_not_granted"
    assert mailoutbox == []
    assert AuditEntry.objects.filter(outcome="refused", reason="role_not_granted", purpose="newsletter").count() == 2


@pytest.mark.promise("S0-16", "S0-20")
def test_only_active_subscribers_receive_the_newsletter(editor: Any, mailoutbox: list[Any]) -> None:
    anna = subscriber("anna@example.nl", "Anna")
    bert = subscriber("bert@example.nl")
    person("application", "eligibility", APPLICATION)  # an applicant with an e-mail address
    person("tip", "tips", {"tip": "Meer bankjes in het park", "email": "tipgever@example.nl"})
    person("newsletter_subscription", "newsletter", {"email": "ex@example.nl"}, withdrawn=True)

    answer = send(editor, body="Beste {newsletter_subscription.name},\n\nHet nieuws.")

    assert answer.status_code == 201, answer.content
    assert answer.json()["sent"] == 2 and answer.json()["excluded"] == {"no_active_consent": 1}
    assert addresses(mailoutbox) == ["anna@example.nl", "bert@example.nl"]
    to_anna = next(m for m in mailoutbox if m.to == ["anna@example.nl"])
    assert to_anna.body.startswith("Beste Anna,") and to_anna.subject == "Nieuws uit Assen"
    assert to_anna.alternatives[0][1] == "text/html"
    # audited: one delivery per subscriber (by pseudonym) and a summary, never an address
    delivered = AuditEntry.objects.filter(action="mailing.deliver", outcome="ok")
    assert sorted(e.subject_pseudonym for e in delivered) == sorted([pseudonym(anna.pk), pseudonym(bert.pk)])
    [summary] = AuditEntry.objects.filter(action="mailing.send")
    assert summary.detail["sent"] == 2 and summary.actor == "nina"
    for entry in AuditEntry.objects.filter(action__startswith="mailing."):
        assert "@" not in str(entry.detail)


@pytest.mark.promise("S0-16")
def test_a_newsletter_without_subscribers_reaches_no_one(editor: Any, mailoutbox: list[Any]) -> None:
    person("application", "eligibility", APPLICATION)
    answer = send(editor)
    assert answer.status_code == 201 and answer.json()["sent"] == 0
    assert mailoutbox == []


def test_the_mailings_sent_are_listed_with_counts_only(editor: Any, personas: Any, mailoutbox: list[Any]) -> None:
    subscriber("anna@example.nl")
    subscriber("ANNA@example.nl")  # subscribed twice: one message
    send(editor)
    assert len(mailoutbox) == 1
    assert personas["outsider"].get("/api/v1/mailings", {"purpose": "newsletter"}).status_code == 403
    answer = editor.get("/api/v1/mailings", {"purpose": "newsletter"})
    assert answer.status_code == 200
    [row] = answer.json()
    assert row["sent"] == 1 and row["message_type"] == "newsletter" and "@" not in str(row)
