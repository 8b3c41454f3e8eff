"""Only staff whose role grants reading secure mail see a secure message."""

from __future__ import annotations

from typing import Any

import pytest

from tests.securemail.conftest import ask_code


@pytest.fixture
def message_id(werkzaak: Any, public: Any, mailoutbox: list[Any]) -> str:
    code = ask_code(public, mailoutbox)
    answer = public.post("/api/v1/secure-mail/messages", {"name": "Jan Jansen", "email": "jan.jansen@example.nl",
                                                          "code": code, "message": "Vraag over mijn uitkering"},
                         format="multipart")
    assert answer.status_code == 201
    return str(answer.json()["id"])


def test_an_anonymous_caller_gets_401(message_id: str, public: Any) -> None:
    assert public.get(f"/api/v1/secure-mail/messages/{message_id}", {"purpose": "secure_mail"}).status_code == 401


def test_staff_without_the_role_are_refused_and_logged(message_id: str, researcher: Any) -> None:
    from waarborg.engine.audit.models import AuditEntry

    answer = researcher.get(f"/api/v1/secure-mail/messages/{message_id}", {"purpose": "secure_mail"})

    assert answer.status_code == 403 and answer.json()["reason"] == "role_not_granted"
    assert AuditEntry.objects.filter(action="read.refused", actor="rik", outcome="refused").exists()


def test_reading_without_a_purpose_is_malformed(message_id: str, front_office: Any) -> None:
    assert front_office.get(f"/api/v1/secure-mail/messages/{message_id}").status_code == 400


def test_the_front_office_reads_it_and_the_read_is_audited(message_id: str, front_office: Any) -> None:
    from waarborg.engine.audit.models import AuditEntry

    answer = front_office.get(f"/api/v1/secure-mail/messages/{message_id}", {"purpose": "secure_mail"})

    assert answer.status_code == 200 and answer.json()["data"]["message"] == "Vraag over mijn uitkering"
    assert AuditEntry.objects.filter(action="record.read", actor="fenna", purpose="secure_mail").count() == 1
