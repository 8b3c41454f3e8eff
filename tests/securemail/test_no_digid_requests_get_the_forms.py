"""Someone who cannot use DigiD asks by e-mail; the task ends when the right forms were sent, and that is logged."""

from __future__ import annotations

from typing import Any

import pytest

NO_DIGID = {"kind": "no_digid", "name": "Jan Jansen", "email": "jan.jansen@example.nl",
            "question": "Ik heb geen DigiD en wil bijzondere bijstand aanvragen."}


@pytest.fixture
def task(front_office: Any) -> dict[str, Any]:
    answer = front_office.post("/api/v1/mail-requests", NO_DIGID, format="json", HTTP_X_PURPOSE="questions")
    assert answer.status_code == 201
    return dict(answer.json())


def _send_forms(client: Any, task_id: str, forms: list[str]) -> Any:
    return client.post(f"/api/v1/mail-requests/{task_id}/forms", {"forms": forms}, format="json",
                       HTTP_X_PURPOSE="questions")


def test_an_anonymous_caller_gets_401(task: dict[str, Any], public: Any) -> None:
    assert _send_forms(public, task["id"], ["bijzondere_bijstand"]).status_code == 401


def test_staff_without_the_role_are_refused(task: dict[str, Any], researcher: Any) -> None:
    answer = _send_forms(researcher, task["id"], ["bijzondere_bijstand"])

    assert answer.status_code == 403 and answer.json()["reason"] == "role_not_granted"


@pytest.mark.promise("S3-42")
def test_a_no_digid_request_is_an_open_task_marked_without_digid(task: dict[str, Any], front_office: Any) -> None:
    from tests.vault.stored import record_data
    from waarborg.engine.vault.models import Record

    assert task["kind"] == "no_digid" and task["status"] == "open"
    assert record_data(Record.objects.get(pk=task["record"]))["without_digid"] is True
    listed = front_office.get("/api/v1/mail-requests", {"purpose": "questions"}).json()
    assert [t["id"] for t in listed] == [task["id"]]


@pytest.mark.promise("S3-42")
def test_the_task_ends_with_the_forms_sent_and_logged(task: dict[str, Any], front_office: Any,
                                                     mailoutbox: list[Any]) -> None:
    from waarborg.engine.audit.models import AuditEntry

    answer = _send_forms(front_office, task["id"], ["bijzondere_bijstand", "inkomstenopgave"])

    assert answer.status_code == 200
    assert answer.json()["status"] == "forms_sent"
    assert answer.json()["forms"] == ["bijzondere_bijstand", "inkomstenopgave"]
    assert len(mailoutbox) == 1 and mailoutbox[0].to == ["jan.jansen@example.nl"]
    assert "bijzondere bijstand" in mailoutbox[0].body and "inkomstenopgave" in mailoutbox[0].body
    entry = AuditEntry.objects.get(action="mailrequest.forms_sent")
    assert entry.actor == "fenna" and entry.detail["forms"] == ["bijzondere_bijstand", "inkomstenopgave"]
    assert "jan.jansen" not in str(entry.detail)
    assert front_office.get("/api/v1/mail-requests", {"purpose": "questions"}).json() == []


@pytest.mark.promise("S3-42")
def test_a_no_digid_request_cannot_be_closed_without_sending_forms(task: dict[str, Any], front_office: Any,
                                                                   mailoutbox: list[Any]) -> None:
    answered = front_office.post(f"/api/v1/mail-requests/{task['id']}/answer", HTTP_X_PURPOSE="questions")
    unknown = _send_forms(front_office, task["id"], ["een_formulier_dat_niet_bestaat"])

    assert answered.status_code == 409
    assert unknown.status_code == 422
    assert mailoutbox == []
    assert front_office.get("/api/v1/mail-requests", {"purpose": "questions"}).json()[0]["status"] == "open"
