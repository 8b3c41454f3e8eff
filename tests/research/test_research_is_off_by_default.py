"""Nothing is profiled or collected unless a project is registered and started (S3-09, S3-11)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.research.conftest import dataset, post, register


def test_an_anonymous_caller_gets_401(werkzaak: Any, anonymous: Any) -> None:
    assert register(anonymous).status_code == 401


def test_only_a_research_role_registers_projects(consultant: Any) -> None:
    from waarborg.modules.research.models import Project

    for kind in ("profiling", "big_data"):
        answer = register(consultant, kind)
        assert answer.status_code == 403 and answer.json()["reason"] == "role_not_granted"
    assert not Project.objects.exists()


@pytest.mark.promise("S3-09")
def test_a_registered_profiling_project_processes_nobody_until_it_is_started(researcher: Any) -> None:
    from waarborg.engine.records.actions import subject_create
    from waarborg.modules.research.models import ProfilingRun

    project = register(researcher, "profiling").json()
    assert project["status"] == "registered"
    subject = subject_create("system:test")

    answer = post(researcher, f"projects/{project['id']}/profile", {"subjects": [str(subject.pk)]}, "profiling")

    assert answer.status_code == 403 and answer.json()["reason"] == "project_not_started"
    assert not ProfilingRun.objects.exists()


@pytest.mark.promise("S3-11")
def test_a_registered_big_data_project_builds_no_dataset_until_it_is_started(researcher: Any) -> None:
    from waarborg.modules.research.models import Dataset

    project_id = register(researcher).json()["id"]

    answer = dataset(researcher, project_id, ["wait_minutes"])

    assert answer.status_code == 403 and answer.json()["reason"] == "project_not_started"
    assert not Dataset.objects.exists()


@pytest.mark.promise("S3-09")
def test_a_project_is_run_under_its_own_purpose(researcher: Any) -> None:
    project_id = register(researcher, "profiling").json()["id"]

    answer = post(researcher, f"projects/{project_id}/start", {}, purpose="research")

    assert answer.status_code == 403 and answer.json()["reason"] == "purpose_mismatch"
