"""Profiling processes only subjects told in advance about the project who hold an active profiling consent (S3-09)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from tests.research.conftest import post, register


def _consent(subject: Any, purpose: str = "profiling") -> Any:
    from waarborg.engine.consent.actions import consent_give

    return consent_give("system:test", subject=subject, purpose=purpose, channel="post",
                        evidence={"document": "toestemming profilering"})


@pytest.fixture
def project_id(researcher: Any) -> str:
    project_id = str(register(researcher, "profiling", "Matching werkzoekenden en vacatures").json()["id"])
    assert post(researcher, f"projects/{project_id}/start", {}, "profiling").status_code == 200
    return project_id


def _informed(client: Any, project_id: str, subject: Any) -> None:
    answer = post(client, f"projects/{project_id}/profiling-notices",
                  {"subject": str(subject.pk), "channel": "post",
                   "informed_at": (dt.datetime.now(dt.UTC) - dt.timedelta(days=14)).isoformat()}, "profiling")
    assert answer.status_code == 201, answer.content


def test_an_anonymous_caller_gets_401(project_id: str, anonymous: Any) -> None:
    assert post(anonymous, f"projects/{project_id}/profile", {"subjects": []}, "profiling").status_code == 401


def test_staff_without_the_research_role_are_refused(project_id: str, consultant: Any) -> None:
    from waarborg.engine.records.actions import subject_create

    subject = subject_create("system:test")
    answer = post(consultant, f"projects/{project_id}/profile", {"subjects": [str(subject.pk)]}, "profiling")

    assert answer.status_code == 403 and answer.json()["reason"] == "role_not_granted"


@pytest.mark.promise("S3-09")
def test_only_informed_and_consenting_subjects_are_profiled(project_id: str, researcher: Any) -> None:
    from waarborg.engine.audit.models import AuditEntry
    from waarborg.engine.consent.actions import consent_withdraw
    from waarborg.engine.records.actions import subject_create
    from waarborg.modules.research.models import Project
    from waarborg.modules.research.projects import pseudonym

    both, consent_only, notice_only, withdrew, other_purpose = (subject_create("system:test") for _ in range(5))
    _informed(researcher, project_id, both)
    _consent(both)
    _consent(consent_only)
    _informed(researcher, project_id, notice_only)
    _informed(researcher, project_id, withdrew)
    consent_withdraw("system:test", _consent(withdrew))
    _informed(researcher, project_id, other_purpose)
    _consent(other_purpose, purpose="recordings")  # consent for another purpose does not count

    everyone = [str(s.pk) for s in (both, consent_only, notice_only, withdrew, other_purpose)]
    answer = post(researcher, f"projects/{project_id}/profile", {"subjects": everyone}, "profiling")

    assert answer.status_code == 200
    project = Project.objects.get(pk=project_id)
    assert answer.json()["included"] == [pseudonym(project, str(both.pk))]
    assert answer.json()["excluded"] == 4
    entry = AuditEntry.objects.get(action="research.profile")
    assert entry.detail["included"] == 1 and entry.detail["excluded"] == 4


@pytest.mark.promise("S3-09")
def test_a_notice_for_another_project_does_not_count(project_id: str, researcher: Any) -> None:
    from waarborg.engine.records.actions import subject_create

    other = str(register(researcher, "profiling", "Een ander project").json()["id"])
    subject = subject_create("system:test")
    _informed(researcher, other, subject)
    _consent(subject)

    answer = post(researcher, f"projects/{project_id}/profile", {"subjects": [str(subject.pk)]}, "profiling")

    assert answer.json()["included"] == [] and answer.json()["excluded"] == 1


@pytest.mark.promise("S3-09")
def test_a_notice_given_after_the_consent_was_asked_is_not_prior_information(project_id: str, researcher: Any) -> None:
    from waarborg.engine.records.actions import subject_create

    subject = subject_create("system:test")
    _consent(subject)  # asked first ...
    answer = post(researcher, f"projects/{project_id}/profiling-notices",
                  {"subject": str(subject.pk), "channel": "post"}, "profiling")  # ... informed only afterwards
    assert answer.status_code == 201

    run = post(researcher, f"projects/{project_id}/profile", {"subjects": [str(subject.pk)]}, "profiling")

    assert run.json()["included"] == [] and run.json()["excluded"] == 1
