"""Every recordings endpoint answers 401 without a login and 403 (with a reason, audited) for a wrong role."""

from __future__ import annotations

from typing import Any

import pytest

from tests.recordings.conftest import START, register

ENDPOINTS = [
    ("post", "recording-requests"),
    ("post", "recording-requests/{request}/refuse"),
    ("post", "recordings"),
    ("get", "recordings/{recording}"),
    ("put", "recordings/{recording}"),
    ("patch", "recordings/{recording}"),
    ("post", "recordings/{recording}/file"),
    ("get", "recordings/{recording}/integrity"),
    ("post", "recordings/{recording}/copies"),
    ("post", "recordings/{recording}/share-consents"),
    ("post", "recordings/{recording}/shares"),
]


@pytest.fixture
def ids(client_subject: Any, consultant: Any) -> dict[str, str]:
    request = consultant.post("/api/v1/recording-requests", {"subject": str(client_subject.pk),
                                                             "conversation_at": START.isoformat()},
                              format="json", HTTP_X_PURPOSE="recordings").json()["id"]
    recording = register(consultant, client_subject).json()["id"]
    return {"request": request, "recording": recording, "subject": str(client_subject.pk)}


def _call(client: Any, method: str, path: str, ids: dict[str, str]) -> Any:
    url = "/api/v1/" + path.format(**ids)
    body = {"subject": ids["subject"], "conversation_at": START.isoformat()}
    if method == "get":
        return client.get(url, {"purpose": "recordings"})
    return getattr(client, method)(url, body, format="json", HTTP_X_PURPOSE="recordings")


@pytest.mark.parametrize(("method", "path"), ENDPOINTS)
def test_an_anonymous_caller_gets_401(ids: dict[str, str], anonymous: Any, method: str, path: str) -> None:
    assert _call(anonymous, method, path, ids).status_code == 401


@pytest.mark.parametrize(("method", "path"), ENDPOINTS)
def test_a_wrong_role_gets_403_and_is_logged(ids: dict[str, str], front_office: Any, method: str, path: str) -> None:
    from waarborg.engine.audit.models import AuditEntry

    answer = _call(front_office, method, path, ids)

    assert answer.status_code == 403 and answer.json()["reason"] == "role_not_granted"
    assert AuditEntry.objects.filter(actor="fenna", outcome="refused", reason="role_not_granted").count() == 1
