"""Fixtures for mail from residents: the seed-003 policy (`examples/werkzaak.yaml`) and its staff."""

from __future__ import annotations

import re
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
    found = re.search(r"\b(\d{8})\b", message.body)
    assert found, "the mail holds an 8-digit access code"
    return found.group(1)


def ask_code(client: APIClient, mailoutbox: list[Any], email: str = SENDER) -> str:
    answer = client.post("/api/v1/secure-mail/codes", {"name": "Jan Jansen", "email": email}, format="json")
    assert answer.status_code == 202, answer.content
    return code_in(mailoutbox[-1])


def refused(action: str, reason: str) -> list[Any]:
    from waarborg.audit.models import AuditEntry

    return list(AuditEntry.objects.filter(action=f"{action}.refused", outcome="refused", reason=reason))
