"""The dataset builder needs a declared purpose and field list, and keeps nothing undeclared (S3-15)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.research.conftest import dataset, post


@pytest.mark.promise("S3-15")
def test_a_dataset_without_a_declared_purpose_is_not_built(project_id: str, researcher: Any) -> None:
    answer = dataset(researcher, project_id, ["wait_minutes"], purpose="  ")

    assert answer.status_code == 422 and "purpose" in answer.json()["errors"]


@pytest.mark.promise("S3-15")
def test_a_dataset_without_a_field_list_is_not_built(project_id: str, researcher: Any) -> None:
    from waarborg.modules.research.models import Dataset

    missing = post(researcher, "datasets", {"project": project_id, "purpose": "Wachttijden verklaren"})
    empty = dataset(researcher, project_id, [])

    assert missing.status_code == 422 and empty.status_code == 422
    assert not Dataset.objects.exists()


@pytest.mark.promise("S3-15")
def test_undeclared_input_is_never_included(project_id: str, researcher: Any) -> None:
    from waarborg.engine.audit.models import AuditEntry
    from waarborg.modules.research.models import Dataset, DatasetRow

    created = dataset(researcher, project_id, ["wait_minutes"])
    assert created.json()["purpose"] == "Wachttijden per regio verklaren" and created.json()["fields"] == ["wait_minutes"]

    post(researcher, f"datasets/{created.json()['id']}/rows",
         {"rows": [{"person": "p-1", "wait_minutes": 12, "household_size": 4, "benefit": "bijstand",
                    "notes": "belde boos"},
                   {"person": "p-2", "wait_minutes": 3}]})

    assert [set(r.values) for r in DatasetRow.objects.all()] == [{"wait_minutes"}, {"wait_minutes"}]
    assert Dataset.objects.get().fields == ["wait_minutes"]
    assert AuditEntry.objects.get(action="research.dataset_create").detail["fields"] == ["wait_minutes"]
