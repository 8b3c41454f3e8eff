"""A question or appointment that came by e-mail becomes a `questions` record, handled by staff, in access exports."""

from __future__ import annotations

from typing import Any

import pytest

QUESTION = {"kind": "question", "name": "Jan Jansen", "email": "jan.jansen@example.nl",
            "question": "Wanneer wordt mijn uitkering betaald?"}
APPOINTMENT = {"kind": "appointment", "name": "Jan Jansen", "email": "jan.jansen@example.nl",
               "question": "Ik wil graag een gesprek met mijn klantmanager.", "appointment_at": "2026-03-10T10:00:00+01:00"}


def _file(client: Any, body: dict[str, Any]) -> Any:
    return client.post("/api/v1/mail-requests", body, format="json", HTTP_X_PURPOSE="questions")


def test_an_anonymous_caller_gets_401(werkzaak: Any, public: Any) -> None:
    assert _file(public, QUESTION).status_code == 401


def test_staff_without_the_role_are_refused(werkzaak: Any, researcher: Any) -> None:
    answer = _file(researcher, QUESTION)

    assert answer.status_code == 403 and answer.json()["reason"] == "role_not_granted"


@pytest.mark.promise("S3-40")
def test_a_question_by_email_creates_a_record_under_the_purpose_questions(werkzaak: Any, front_office: Any) -> None:
    from tests.vault.stored import record_data
    from waarborg.engine.audit.models import AuditEntry
    from waarborg.engine.vault.models import Record

    answer = _file(front_office, QUESTION)

    assert answer.status_code == 201, answer.content
    task = answer.json()
    assert task["status"] == "open" and task["kind"] == "question"
    record = Record.objects.get(pk=task["record"])
    assert record.type == "question" and record.purpose == "questions" and record.channel == "email"
    assert record_data(record)["question"] == QUESTION["question"]
    assert AuditEntry.objects.filter(action="mailrequest.create", purpose="questions").count() == 1


@pytest.mark.promise("S3-40")
def test_an_appointment_needs_a_time(werkzaak: Any, front_office: Any) -> None:
    answer = _file(front_office, {**APPOINTMENT, "appointment_at": None})

    assert answer.status_code == 422


@pytest.mark.promise("S3-40")
def test_staff_handle_the_request_and_it_leaves_the_task_list(werkzaak: Any, front_office: Any) -> None:
    from waarborg.engine.audit.models import AuditEntry

    task = _file(front_office, APPOINTMENT).json()
    listed = front_office.get("/api/v1/mail-requests", {"purpose": "questions"}).json()
    assert [t["id"] for t in listed] == [task["id"]]

    answer = front_office.post(f"/api/v1/mail-requests/{task['id']}/answer", HTTP_X_PURPOSE="questions")

    assert answer.status_code == 200 and answer.json()["status"] == "answered"
    assert front_office.get("/api/v1/mail-requests", {"purpose": "questions"}).json() == []
    entry = AuditEntry.objects.get(action="mailrequest.answer")
    assert entry.actor == "fenna" and entry.detail["kind"] == "appointment"


@pytest.mark.promise("S3-40")
def test_the_question_is_part_of_the_senders_access_export(werkzaak: Any, front_office: Any) -> None:
    from waarborg.engine.rights.actions import request_file
    from waarborg.engine.rights.exports import access_export
    from waarborg.modules.securemail.models import MailRequest

    task = _file(front_office, APPOINTMENT).json()
    subject = MailRequest.objects.get(pk=task["id"]).subject

    export = access_export(werkzaak, request_file("system:test", subject=subject, type="access", channel="email"))

    questions = next(p for p in export["purposes"] if p["purpose"] == "questions")
    assert questions["records"][0]["type"] == "question"
    assert questions["records"][0]["data"]["question"] == APPOINTMENT["question"]
    assert questions["records"][0]["data"]["appointment_at"].startswith("2026-03-10")
