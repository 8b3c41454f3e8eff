"""Every decision endpoint: 401 without a login, 403 for staff outside the case's purpose."""

from __future__ import annotations

from typing import Any

import pytest

from tests.decisions.conftest import application


def _targets(assessor: Any) -> dict[str, tuple[str, str, dict[str, Any]]]:
    from waarborg.engine.decisions import actions

    case = application(assessor.user)
    flag = actions.flag_raise("system:check", case, kind="suspected_fraud", reason="Dubbel adres")
    return {
        "decide": ("post", "/api/v1/decisions", {"record": str(case.pk), "outcome": "granted", "reasoning": "ok"}),
        "flag": ("post", "/api/v1/decisions/flags", {"record": str(case.pk), "kind": "other", "reason": "x"}),
        "flags": ("get", "/api/v1/decisions/flags", {}),
        "clear": ("post", f"/api/v1/decisions/flags/{flag.pk}/clear", {"reasoning": "ok"}),
        "conversation": ("post", "/api/v1/decisions/conversations", {"record": str(case.pk), "message": "x"}),
        "case": ("get", f"/api/v1/decisions/cases/{case.pk}", {}),
    }


@pytest.mark.parametrize("name", ["decide", "flag", "flags", "clear", "conversation", "case"])
def test_a_decision_endpoint_needs_a_login(personas: Any, anonymous: Any, name: str) -> None:
    method, url, body = _targets(personas["assessor"])[name]
    assert getattr(anonymous, method)(url, body, format="json").status_code == 401


@pytest.mark.parametrize("name", ["decide", "flag", "flags", "clear", "conversation", "case"])
def test_a_decision_endpoint_refuses_staff_outside_the_purpose(personas: Any, name: str) -> None:
    from waarborg.engine.audit.models import AuditEntry

    method, url, body = _targets(personas["assessor"])[name]
    response = getattr(personas["outsider"].client, method)(url, body, format="json")
    assert response.status_code == 403 and response.json()["reason"] == "role_not_granted"
    assert AuditEntry.objects.filter(outcome="refused", actor="otto").count() == 1
