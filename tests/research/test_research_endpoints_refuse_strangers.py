"""Every research endpoint answers 401 without a login and 403 (with a reason, audited) without a research role."""

from __future__ import annotations

from typing import Any

import pytest

from tests.research.conftest import dataset, register

ENDPOINTS = [
    ("post", "projects", "research"),
    ("post", "projects/{project}/notice", "research"),
    ("post", "projects/{project}/information-step", "research"),
    ("post", "projects/{project}/start", "research"),
    ("post", "projects/{profiling}/profiling-notices", "profiling"),
    ("post", "projects/{profiling}/profile", "profiling"),
    ("post", "datasets", "research"),
    ("get", "datasets/{dataset}", "research"),
    ("post", "datasets/{dataset}/rows", "research"),
    ("post", "datasets/{dataset}/assign", "research"),
]


@pytest.fixture
def ids(project_id: str, researcher: Any) -> dict[str, str]:
    return {"project": project_id, "profiling": register(researcher, "profiling").json()["id"],
            "dataset": dataset(researcher, project_id, ["wait_minutes"]).json()["id"]}


def _call(client: Any, method: str, path: str, purpose: str, ids: dict[str, str]) -> Any:
    url = "/api/v1/research/" + path.format(**ids)
    if method == "get":
        return client.get(url, {"purpose": purpose})
    return client.post(url, {}, format="json", HTTP_X_PURPOSE=purpose)


@pytest.mark.parametrize(("method", "path", "purpose"), ENDPOINTS)
def test_an_anonymous_caller_gets_401(ids: dict[str, str], anonymous: Any, method: str, path: str,
                                      purpose: str) -> None:
    assert _call(anonymous, method, path, purpose, ids).status_code == 401


@pytest.mark.parametrize(("method", "path", "purpose"), ENDPOINTS)
def test_a_wrong_role_gets_403_and_is_logged(ids: dict[str, str], consultant: Any, method: str, path: str,
                                             purpose: str) -> None:
    from waarborg.engine.audit.models import AuditEntry

    answer = _call(consultant, method, path, purpose, ids)

    assert answer.status_code == 403 and answer.json()["reason"] == "role_not_granted"
    assert AuditEntry.objects.filter(actor="karin", outcome="refused", reason="role_not_granted").count() == 1
