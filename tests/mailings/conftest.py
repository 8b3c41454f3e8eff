"""Helpers for the mailings tests: subscribers and other people with addresses, and the send call."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import Persona, make_staff

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
URL = "/api/v1/mailings"
LINK = re.compile(r"https?://\S+/afmelden/\S+")


@pytest.fixture
def editor(personas: Any) -> Persona:
    return Persona(*make_staff("nina", ["newsletter_editor"]))


def person(type: str, purpose: str, data: dict[str, Any], *, withdrawn: bool = False) -> Any:
    """A subject with one record of `type`; under a consent basis, with a consent (withdrawn afterwards if asked)."""
    from waarborg.engine.consent.actions import consent_give, consent_withdraw
    from waarborg.engine.policy.active import current
    from waarborg.engine.records.actions import record_create, subject_create

    subject = subject_create("system:test")
    consent = None
    if current().purposes[purpose].basis == "consent":
        consent = consent_give("system:test", subject=subject, purpose=purpose)
    record_create("system:test", subject=subject, type=type, data=data, purpose=purpose)
    if withdrawn and consent is not None:
        consent_withdraw("system:test", consent)
    return subject


def subscriber(email: str, name: str = "") -> Any:
    return person("newsletter_subscription", "newsletter", {"email": email, **({"name": name} if name else {})})


def send(persona: Any, purpose: str = "newsletter", message_type: str = "newsletter", **extra: Any) -> Any:
    body = {"purpose": purpose, "message_type": message_type, "title": "Nieuws uit Assen",
            "body": "Beste lezer,\n\nDit is het nieuws van deze maand.", **extra}
    return persona.post(URL, body, format="json")


def addresses(outbox: list[Any]) -> list[str]:
    return sorted(a for m in outbox for a in m.to)


def link_in(message: Any) -> str:
    found = LINK.search(message.body)
    assert found, message.body
    return found.group(0)
