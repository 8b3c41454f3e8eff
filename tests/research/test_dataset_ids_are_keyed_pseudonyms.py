"""Dataset ids are keyed pseudonyms; the key lives outside the dataset; pseudonyms differ between projects (S3-16)."""

from __future__ import annotations

import hashlib
import hmac
import json
from typing import Any

import pytest

from tests.research.conftest import dataset, post, started_big_data


def _rows(client: Any, project_id: str, people: list[str]) -> list[dict[str, Any]]:
    dataset_id = dataset(client, project_id, ["wait_minutes"]).json()["id"]
    post(client, f"datasets/{dataset_id}/rows", {"rows": [{"person": p, "wait_minutes": 5} for p in people]})
    rows: list[dict[str, Any]] = client.get(f"/api/v1/research/datasets/{dataset_id}", {"purpose": "research"}).json()["rows"]
    return rows


@pytest.mark.promise("S3-16")
def test_the_id_is_an_hmac_with_the_projects_own_key(project_id: str, researcher: Any) -> None:
    from waarborg.engine.keyring import crypto
    from waarborg.modules.research.models import ProjectKey

    rows = _rows(researcher, project_id, ["111222333", "111222333", "123456782"])

    key = crypto.unwrap(bytes(ProjectKey.objects.get(project_id=project_id).wrapped))
    expected = hmac.new(key, b"111222333", hashlib.sha256).hexdigest()[:32]
    assert rows[0]["id"] == rows[1]["id"] == expected  # stable for the same person within the project
    assert rows[2]["id"] != expected
    # without the key the reference cannot be found back by hashing guesses
    assert expected not in {hashlib.sha256(b"111222333").hexdigest()[:32], hashlib.md5(b"111222333").hexdigest()}  # noqa: S324


@pytest.mark.promise("S3-16")
def test_the_key_is_not_part_of_the_dataset(project_id: str, researcher: Any) -> None:
    from waarborg.modules.research.models import Dataset, ProjectKey

    _rows(researcher, project_id, ["111222333"])
    dataset_id = Dataset.objects.get().pk

    answer = researcher.get(f"/api/v1/research/datasets/{dataset_id}", {"purpose": "research"})

    wrapped = bytes(ProjectKey.objects.get(project_id=project_id).wrapped)
    assert "key" not in json.dumps(answer.json()).lower()
    assert wrapped.hex() not in json.dumps(answer.json())
    assert {f.name for f in Dataset._meta.get_fields()}.isdisjoint({"key", "wrapped"})


@pytest.mark.promise("S3-16")
def test_the_same_person_has_different_pseudonyms_in_different_projects(project_id: str, researcher: Any) -> None:
    other = started_big_data(researcher, name="Bezoek aan de website 2026")

    first = _rows(researcher, project_id, ["111222333"])[0]["id"]
    second = _rows(researcher, other, ["111222333"])[0]["id"]

    assert first != second
