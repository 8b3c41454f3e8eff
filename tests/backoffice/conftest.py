"""Back-office tests: the rights and breach fixtures, and a browser session for a staff member."""

from __future__ import annotations

from typing import Any

from django.test import Client

from tests.breaches.conftest import officer  # noqa: F401 - fixture
from tests.caseloads.conftest import kwartier  # noqa: F401 - fixture
from tests.rights.conftest import administrator, anna, bert  # noqa: F401 - fixtures


def session(persona: Any) -> Client:
    client = Client()
    client.force_login(persona.user)
    return client
