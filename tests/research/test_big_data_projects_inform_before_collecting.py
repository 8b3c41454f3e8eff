"""A big-data or tracking project collects nothing until its notice is published and people were informed (S3-11)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.research.conftest import NOTICE, dataset, post, refused, register


def test_an_anonymous_caller_gets_401(werkzaak: Any, anonymous: Any, researcher: Any) -> None:
    project_id = register(researcher).json()["id"]

    assert post(anonymous, f"projects/{project_id}/notice", NOTICE).status_code == 401


def test_staff_without_the_research_role_cannot_publish_or_start(researcher: Any, consultant: Any) -> None:
    project_id = register(researcher).json()["id"]

    assert post(consultant, f"projects/{project_id}/notice", NOTICE).json()["reason"] == "role_not_granted"
    assert post(consultant, f"projects/{project_id}/start", {}).json()["reason"] == "role_not_granted"


@pytest.mark.promise("S3-11")
def test_a_project_without_a_published_notice_does_not_start(researcher: Any) -> None:
    project_id = register(researcher).json()["id"]

    started = post(researcher, f"projects/{project_id}/start", {})
    informed = post(researcher, f"projects/{project_id}/information-step", {"channel": "brief"})

    assert started.status_code == 403 and started.json()["reason"] == "notice_not_published"
    assert informed.status_code == 403 and informed.json()["reason"] == "notice_not_published"
    assert len(refused("notice_not_published")) == 2
    assert dataset(researcher, project_id, ["wait_minutes"]).json()["reason"] == "project_not_started"


@pytest.mark.promise("S3-11")
def test_a_notice_names_its_conditions_and_points_of_use(researcher: Any) -> None:
    project_id = register(researcher).json()["id"]

    no_points = post(researcher, f"projects/{project_id}/notice", {**NOTICE, "points_of_use": []})
    no_conditions = post(researcher, f"projects/{project_id}/notice", {**NOTICE, "conditions": {"nl": ""}})

    assert no_points.status_code == 422 and no_conditions.status_code == 422


@pytest.mark.promise("S3-11")
def test_a_published_notice_without_the_information_step_is_not_enough(researcher: Any) -> None:
    project_id = register(researcher).json()["id"]
    assert post(researcher, f"projects/{project_id}/notice", NOTICE).status_code == 200

    started = post(researcher, f"projects/{project_id}/start", {})

    assert started.status_code == 403 and started.json()["reason"] == "not_informed"


@pytest.mark.promise("S3-11")
def test_after_notice_and_information_step_the_project_starts_collecting(researcher: Any) -> None:
    from waarborg.engine.audit.models import AuditEntry

    project_id = register(researcher).json()["id"]
    published = post(researcher, f"projects/{project_id}/notice", NOTICE)
    informed = post(researcher, f"projects/{project_id}/information-step", {"channel": "brief en website"})
    started = post(researcher, f"projects/{project_id}/start", {})

    assert published.json()["notice"]["points_of_use"] == NOTICE["points_of_use"]
    assert informed.json()["informed_at"] is not None
    assert started.status_code == 200 and started.json()["status"] == "started"
    created = dataset(researcher, project_id, ["wait_minutes"])
    assert created.status_code == 201
    rows = post(researcher, f"datasets/{created.json()['id']}/rows", {"rows": [{"person": "x-1", "wait_minutes": 12}]})
    assert rows.status_code == 201 and rows.json()["collected"] == 1
    order = list(AuditEntry.objects.filter(action__startswith="research.").values_list("action", flat=True))
    assert order.index("research.notice_publish") < order.index("research.information_step") \
        < order.index("research.project_start") < order.index("research.collect")
