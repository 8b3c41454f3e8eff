"""Only request handlers (privacy officer, FG, roles managing requests) see and handle requests."""

from __future__ import annotations

import uuid
from typing import Any

import pytest

from tests.rights.conftest import audit, file_request

HANDLING = [
    ("get", "/api/v1/requests"),
    ("get", "/api/v1/complaints"),
    ("get", "/api/v1/requests/{id}"),
    ("get", "/api/v1/requests/{id}/export"),
    ("post", "/api/v1/requests/{id}/deliver"),
    ("post", "/api/v1/requests/{id}/verify"),
    ("post", "/api/v1/requests/{id}/id-copy"),
    ("post", "/api/v1/requests/{id}/extend"),
    ("post", "/api/v1/requests/{id}/answer"),
    ("post", "/api/v1/requests/{id}/reject"),
    ("post", "/api/v1/requests/{id}/close"),
    ("post", "/api/v1/requests/{id}/rectify"),
    ("post", "/api/v1/requests/{id}/complete"),
    ("post", "/api/v1/requests/{id}/erase"),
]


@pytest.fixture
def request_id(personas: dict[str, Any], anna: Any) -> str:
    return str(file_request(personas["privacy_officer"], anna).data["id"])


@pytest.mark.parametrize(("method", "path"), HANDLING)
def test_an_anonymous_caller_gets_401(anonymous: Any, request_id: str, method: str, path: str) -> None:
    answer = getattr(anonymous, method)(path.format(id=request_id), {}, format="json")
    assert answer.status_code == 401


@pytest.mark.parametrize(("method", "path"), HANDLING)
def test_staff_who_do_not_handle_requests_get_403_and_the_attempt_is_audited(
        personas: dict[str, Any], request_id: str, method: str, path: str) -> None:
    # given a helpdesk employee (may file requests, not handle them)
    helpdesk = personas["caseworker"]
    # when they try to handle one
    answer = getattr(helpdesk, method)(path.format(id=request_id), {}, format="json")
    # then they are refused with a reason, and the log says so
    assert answer.status_code == 403
    assert answer.json()["reason"] == "role_not_granted"
    from waarborg.engine.audit.models import AuditEntry

    entry = AuditEntry.objects.filter(outcome="refused", actor="carl").last()
    assert entry is not None and entry.reason == "role_not_granted"


def test_a_staff_account_without_any_role_cannot_even_file_a_request(personas: dict[str, Any], anna: Any) -> None:
    answer = file_request(personas["outsider"], anna)
    assert answer.status_code == 403
    assert answer.json()["reason"] == "role_not_granted"
    assert audit("request.create.refused", actor="otto")


def test_an_anonymous_caller_cannot_file_a_request(anonymous: Any, anna: Any) -> None:
    assert file_request(anonymous, anna).status_code == 401


def test_an_unknown_request_is_404_for_a_handler(personas: dict[str, Any]) -> None:
    answer = personas["privacy_officer"].get(f"/api/v1/requests/{uuid.uuid4()}")
    assert answer.status_code == 404
