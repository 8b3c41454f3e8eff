"""The day's work: ikzorginassen's shipped policy and personas, Kwartier's for caseloads."""

from __future__ import annotations

from typing import Any

from django.test import Client

from tests.caseloads.conftest import kwartier  # noqa: F401 - fixture
from tests.rights.conftest import administrator, anna, bert  # noqa: F401 - fixtures


def signed_in(persona: Any) -> Client:
    client = Client()
    client.force_login(persona.user)
    return client
