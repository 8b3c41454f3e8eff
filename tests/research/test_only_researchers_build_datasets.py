"""Only users with a research role create or fill datasets, and each dataset records who made it (S3-14)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.research.conftest import dataset, post, refused


def test_an_anonymous_caller_gets_401(project_id: str, anonymous: Any) -> None:
    assert dataset(anonymous, project_id, ["wait_minutes"]).status_code == 401


@pytest.mark.promise("S3-14")
def test_staff_without_the_research_role_cannot_create_a_dataset(project_id: str, consultant: Any) -> None:
    from waarborg.modules.research.models import Dataset

    answer = dataset(consultant, project_id, ["wait_minutes"])

    assert answer.status_code == 403 and answer.json()["reason"] == "role_not_granted"
    assert not Dataset.objects.exists()
    assert refused("role_not_granted")[0].actor == "karin"


@pytest.mark.promise("S3-14")
def test_staff_without_the_research_role_cannot_collect_or_read(project_id: str, researcher: Any,
                                                                consultant: Any) -> None:
    from waarborg.modules.research.models import DatasetRow

    dataset_id = dataset(researcher, project_id, ["wait_minutes"]).json()["id"]

    collected = post(consultant, f"datasets/{dataset_id}/rows", {"rows": [{"person": "p-1", "wait_minutes": 1}]})
    read = consultant.get(f"/api/v1/research/datasets/{dataset_id}", {"purpose": "research"})

    assert collected.status_code == 403 and collected.json()["reason"] == "role_not_granted"
    assert read.status_code == 403
    assert not DatasetRow.objects.exists()


@pytest.mark.promise("S3-14")
def test_each_dataset_and_row_records_who_made_it(project_id: str, researcher: Any, second_researcher: Any) -> None:
    from waarborg.modules.research.models import Dataset, DatasetRow

    created = dataset(researcher, project_id, ["wait_minutes"])
    post(second_researcher, f"datasets/{created.json()['id']}/rows", {"rows": [{"person": "p-1", "wait_minutes": 1}]})

    assert created.status_code == 201 and created.json()["created_by"] == "rik"
    assert Dataset.objects.get().created_by == researcher.user
    assert DatasetRow.objects.get().collected_by == second_researcher.user
