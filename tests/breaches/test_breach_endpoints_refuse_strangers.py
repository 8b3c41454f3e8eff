"""Every breach endpoint: 401 without a login, 403 (audited) for staff without a breach role."""

from __future__ import annotations

from typing import Any

import pytest

from tests.breaches.conftest import register

STEPS = [("get", ""), ("get", "/log"), ("get", "/authority-export"), ("post", "/assess"), ("post", "/subjects"),
         ("post", "/authority-notifications"), ("post", "/notices"), ("post", "/close"), ("post", "/notes")]


@pytest.mark.parametrize(("method", "suffix"), STEPS)
def test_a_breach_endpoint_needs_a_login(officer: Any, anonymous: Any, method: str, suffix: str) -> None:
    breach_id = register(officer).json()["id"]
    response = getattr(anonymous, method)(f"/api/v1/breaches/{breach_id}{suffix}", {}, format="json")
    assert response.status_code == 401


@pytest.mark.parametrize(("method", "suffix"), STEPS)
def test_a_breach_endpoint_refuses_staff_without_a_breach_role(officer: Any, personas: Any, method: str,
                                                               suffix: str) -> None:
    from waarborg.engine.audit.models import AuditEntry

    breach_id = register(officer).json()["id"]
    client = personas["outsider"].client
    response = getattr(client, method)(f"/api/v1/breaches/{breach_id}{suffix}", {}, format="json")
    assert response.status_code == 403 and response.json()["reason"] == "role_not_granted"
    assert AuditEntry.objects.filter(outcome="refused", actor="otto").count() == 1
