"""Lockout tests: accounts with known passwords behind each door, and clients from chosen addresses."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from tests.rights.conftest import PASSWORD, administrator, anna, citizen_account  # noqa: F401 - fixtures

DOORS = {"backoffice": "/backoffice/inloggen", "admin": "/admin/login/", "portal": "/portaal/inloggen"}


@pytest.fixture
def staff_password(policy: Any) -> tuple[str, str]:
    """A privacy officer (back office and admin) and the password `staff add` printed once."""
    from waarborg.engine.accounts.actions import staff_create

    user, password, _ = staff_create("pia", ["privacy_officer"])
    assert password
    return user.username, password


@pytest.fixture
def citizen_password(anna: Any) -> tuple[str, str]:  # noqa: F811 - fixture
    return citizen_account(anna, PASSWORD).username, PASSWORD


def from_address(address: str = "192.0.2.10") -> Client:
    return Client(REMOTE_ADDR=address)


def login(client: Client, door: str, username: str, password: str) -> Any:
    path = DOORS[door]
    data = {"username": username, "password": password}
    if door == "admin":
        data["next"] = "/admin/"
    return client.post(path, data)


def audit(action: str, **filters: Any) -> list[Any]:
    from waarborg.engine.audit.models import AuditEntry

    return list(AuditEntry.objects.filter(action=action, **filters).order_by("id"))
