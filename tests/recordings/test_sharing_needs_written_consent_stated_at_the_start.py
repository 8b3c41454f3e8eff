"""A recording goes to a third party only with the other party's written consent, named at the start (S3-38)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.recordings.conftest import AUDIO, give_consent, refused, register


@pytest.fixture
def recording_id(client_subject: Any, consultant: Any) -> str:
    consent = give_consent(client_subject)
    return str(register(consultant, client_subject, made_by="staff", file=AUDIO, consent=consent).json()["id"])


def _share(client: Any, recording_id: str) -> Any:
    return client.post(f"/api/v1/recordings/{recording_id}/shares", {"recipient": "Rechtbank Gelderland"},
                       format="json", HTTP_X_PURPOSE="recordings")


def _written(client: Any, recording_id: str, **body: Any) -> Any:
    return client.post(f"/api/v1/recordings/{recording_id}/share-consents", body, format="json",
                       HTTP_X_PURPOSE="recordings")


def test_an_anonymous_caller_gets_401(recording_id: str, anonymous: Any) -> None:
    assert _share(anonymous, recording_id).status_code == 401


def test_staff_without_the_role_are_refused(recording_id: str, front_office: Any) -> None:
    assert _share(front_office, recording_id).json()["reason"] == "role_not_granted"


@pytest.mark.promise("S3-38")
def test_sharing_without_written_consent_is_refused_and_logged(recording_id: str, consultant: Any) -> None:
    from waarborg.modules.recordings.models import Share

    answer = _share(consultant, recording_id)

    assert answer.status_code == 403 and answer.json()["reason"] == "no_written_consent"
    assert not Share.objects.exists()
    assert len(refused("no_written_consent")) == 1


@pytest.mark.promise("S3-38")
def test_written_consent_not_stated_at_the_start_is_not_enough(recording_id: str, consultant: Any) -> None:
    assert _written(consultant, recording_id, document="brief-2026-03-05", stated_at_start=False).status_code == 201

    answer = _share(consultant, recording_id)

    assert answer.status_code == 403 and answer.json()["reason"] == "no_written_consent"


@pytest.mark.promise("S3-38")
def test_consent_without_a_written_document_is_not_recorded(recording_id: str, consultant: Any) -> None:
    answer = _written(consultant, recording_id, stated_at_start=True)

    assert answer.status_code == 422 and "document" in answer.json()["errors"]
    assert _share(consultant, recording_id).status_code == 403


@pytest.mark.promise("S3-38")
def test_with_written_consent_stated_at_the_start_sharing_is_allowed_and_logged(recording_id: str,
                                                                                 consultant: Any) -> None:
    from waarborg.engine.audit.models import AuditEntry

    assert _written(consultant, recording_id, document="toestemming-delen-2026-03-02",
                    stated_at_start=True).status_code == 201

    answer = _share(consultant, recording_id)

    assert answer.status_code == 201 and answer.json()["recipient"] == "Rechtbank Gelderland"
    assert AuditEntry.objects.filter(action="recording.share", outcome="ok").count() == 1


@pytest.mark.promise("S3-38")
def test_there_is_no_way_to_publish_a_recording(recording_id: str, consultant: Any) -> None:
    from django.urls import get_resolver

    answer = consultant.post(f"/api/v1/recordings/{recording_id}/publish", {}, format="json",
                             HTTP_X_PURPOSE="recordings")

    assert answer.status_code == 404

    def routes(resolver: Any, prefix: str = "") -> list[str]:
        found = []
        for pattern in resolver.url_patterns:
            if hasattr(pattern, "url_patterns"):
                found += routes(pattern, prefix + str(pattern.pattern))
            else:
                found.append(prefix + str(pattern.pattern))
        return found

    recording_routes = [r for r in routes(get_resolver()) if "recording" in r]
    assert recording_routes and not any("publi" in r for r in recording_routes)
