"""Back-office tests: the rights fixtures, and a browser session for a staff member."""

from __future__ import annotations

from typing import Any

from django.test import Client

from tests.rights.conftest import administrator, anna, bert  # noqa: F401 - fixtures


def session(persona: Any) -> Client:
    client = Client()
    client.force_login(persona.user)
    return client
