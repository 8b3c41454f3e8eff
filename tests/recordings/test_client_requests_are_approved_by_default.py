"""A client may record a conversation; a refusal needs a recorded weighty reason and an alternative (S3-34)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.recordings.conftest import START, register


def _ask(client: Any, subject: Any) -> Any:
    return client.post("/api/v1/recording-requests", {"subject": str(subject.pk), "conversation_at": START.isoformat()},
                       format="json", HTTP_X_PURPOSE="recordings")


def _refuse(client: Any, request_id: str, **body: str) -> Any:
    return client.post(f"/api/v1/recording-requests/{request_id}/refuse", body, format="json",
                       HTTP_X_PURPOSE="recordings")


def test_an_anonymous_caller_gets_401(client_subject: Any, anonymous: Any) -> None:
    assert _ask(anonymous, client_subject).status_code == 401


def test_staff_without_the_role_or_the_assignment_are_refused(client_subject: Any, front_office: Any,
                                                              other_consultant: Any) -> None:
    assert _ask(front_office, client_subject).json()["reason"] == "role_not_granted"
    assert _ask(other_consultant, client_subject).json()["reason"] == "not_assigned"


@pytest.mark.promise("S3-34")
def test_a_clients_request_to_record_is_approved_by_default(client_subject: Any, consultant: Any) -> None:
    from waarborg.engine.audit.models import AuditEntry

    answer = _ask(consultant, client_subject)

    assert answer.status_code == 201
    assert answer.json()["status"] == "approved"
    assert AuditEntry.objects.get(action="recording.request").detail["status"] == "approved"


@pytest.mark.promise("S3-34")
def test_a_refusal_needs_both_a_weighty_reason_and_an_alternative(client_subject: Any, consultant: Any) -> None:
    from waarborg.modules.recordings.models import RecordingRequest

    request_id = _ask(consultant, client_subject).json()["id"]

    no_alternative = _refuse(consultant, request_id, reason="Het gesprek gaat over een derde die niet instemt.")
    no_reason = _refuse(consultant, request_id, alternative="Een schriftelijk verslag dat de cliënt mag aanvullen.")

    assert no_alternative.status_code == 422 and "alternative" in no_alternative.json()["errors"]
    assert no_reason.status_code == 422 and "reason" in no_reason.json()["errors"]
    assert RecordingRequest.objects.get(pk=request_id).status == "approved"


@pytest.mark.promise("S3-34")
def test_a_refusal_with_reason_and_alternative_is_recorded(client_subject: Any, consultant: Any) -> None:
    from waarborg.engine.audit.models import AuditEntry

    request_id = _ask(consultant, client_subject).json()["id"]

    answer = _refuse(consultant, request_id, reason="Het gesprek gaat over een derde die niet instemt.",
                     alternative="Een schriftelijk verslag dat de cliënt mag aanvullen.")

    assert answer.status_code == 200
    assert answer.json()["status"] == "refused"
    assert answer.json()["reason"].startswith("Het gesprek gaat over een derde")
    assert answer.json()["alternative"].startswith("Een schriftelijk verslag")
    entry = AuditEntry.objects.get(action="recording.request_refuse")
    assert entry.detail["alternative_offered"] is True and "derde" not in str(entry.detail)
    # and a recording of that conversation cannot then be registered
    registered = register(consultant, client_subject, request=request_id)
    assert registered.status_code == 403 and registered.json()["reason"] == "recording_refused"
