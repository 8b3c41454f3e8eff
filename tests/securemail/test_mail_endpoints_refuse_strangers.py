"""Every staff endpoint for mail answers 401 without a login and 403 (with a reason, audited) for a wrong role.

The two public endpoints (asking for a code, sending with a code) need no login: the code is the proof.
"""

from __future__ import annotations

import uuid
from typing import Any

import pytest

ENDPOINTS = [
    ("get", "mail-requests", "questions"),
    ("post", "mail-requests", "questions"),
    ("post", "mail-requests/{task}/answer", "questions"),
    ("post", "mail-requests/{task}/forms", "questions"),
    # refused before any look-up: a stranger cannot even learn whether a message exists
    ("get", "secure-mail/messages/{unknown}", "secure_mail"),
]


@pytest.fixture
def ids(front_office: Any) -> dict[str, str]:
    body = {"kind": "question", "email": "jan.jansen@example.nl", "question": "Hoe laat zijn jullie open?"}
    task = front_office.post("/api/v1/mail-requests", body, format="json", HTTP_X_PURPOSE="questions").json()["id"]
    return {"task": task, "unknown": str(uuid.uuid4())}


def _call(client: Any, method: str, path: str, purpose: str, ids: dict[str, str]) -> Any:
    url = "/api/v1/" + path.format(**ids)
    if method == "get":
        return client.get(url, {"purpose": purpose})
    return client.post(url, {"kind": "question", "email": "a@example.nl", "question": "?", "forms": ["x"]},
                       format="json", HTTP_X_PURPOSE=purpose)


@pytest.mark.parametrize(("method", "path", "purpose"), ENDPOINTS)
def test_an_anonymous_caller_gets_401(ids: dict[str, str], public: Any, method: str, path: str, purpose: str) -> None:
    assert _call(public, method, path, purpose, ids).status_code == 401


@pytest.mark.parametrize(("method", "path", "purpose"), ENDPOINTS)
def test_a_wrong_role_gets_403_and_is_logged(ids: dict[str, str], researcher: Any, method: str, path: str,
                                             purpose: str) -> None:
    from waarborg.engine.audit.models import AuditEntry

    answer = _call(researcher, method, path, purpose, ids)

    assert answer.status_code == 403 and answer.json()["reason"] == "role_not_granted"
    assert AuditEntry.objects.filter(actor="rik", outcome="refused", reason="role_not_granted").count() == 1
