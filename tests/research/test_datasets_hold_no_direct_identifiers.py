"""A research dataset holds no direct identifiers; quasi-identifiers are generalised (S3-12)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.research.conftest import dataset, post


def refused_entries(reason: str) -> int:
    from waarborg.engine.audit.models import AuditEntry

    return AuditEntry.objects.filter(outcome="refused", reason=reason).count()

INPUT = {"person": "111222333", "name": "Jan Jansen", "bsn": "111222333", "address": "Kerkstraat 1, Tiel",
         "email": "jan.jansen@example.nl", "phone": "0612345678", "birth_date": "1980-04-12", "ip": "192.0.2.17",
         "postcode": "4001 AB", "wait_minutes": 12, "channel": "telefoon"}
IDENTIFYING = ["Jan Jansen", "111222333", "Kerkstraat", "jan.jansen@example.nl", "0612345678", "1980-04-12",
               "192.0.2.17", "4001 AB", "AB"]


@pytest.mark.promise("S3-12")
@pytest.mark.parametrize("field", ["name", "bsn", "address", "email", "phone", "birth_date", "ip", "ip_address"])
def test_a_direct_identifier_cannot_be_declared(project_id: str, researcher: Any, field: str) -> None:
    from waarborg.modules.research.models import Dataset

    answer = dataset(researcher, project_id, ["wait_minutes", field])

    assert answer.status_code == 403 and answer.json()["reason"] == "direct_identifier"
    assert field in answer.json()["detail"] and refused_entries("direct_identifier") == 1
    assert not Dataset.objects.exists()


@pytest.mark.promise("S3-12")
def test_stored_rows_hold_only_generalised_values_and_a_pseudonym(project_id: str, researcher: Any) -> None:
    from waarborg.modules.research.models import DatasetRow

    dataset_id = dataset(researcher, project_id, ["birth_year", "postcode", "wait_minutes", "channel"]).json()["id"]

    answer = post(researcher, f"datasets/{dataset_id}/rows", {"rows": [INPUT]})

    assert answer.status_code == 201
    row = DatasetRow.objects.get()
    assert row.values == {"birth_year": 1980, "postcode": "4001", "wait_minutes": 12, "channel": "telefoon"}
    stored = json.dumps([row.pseudonym, row.values])
    assert not [value for value in IDENTIFYING if value in stored]
    # and what a researcher reads back is the same
    read = researcher.get(f"/api/v1/research/datasets/{dataset_id}", {"purpose": "research"}).json()
    assert read["rows"] == [{"id": row.pseudonym, **row.values}]
    assert not [value for value in IDENTIFYING if value in json.dumps(read)]


@pytest.mark.promise("S3-12")
@pytest.mark.parametrize("value", ["mail me: jan.jansen@example.nl", "192.0.2.17", "2001:db8::1", "111222333",
                                   "06-12345678"])
def test_a_value_that_still_identifies_someone_is_refused(project_id: str, researcher: Any, value: str) -> None:
    from waarborg.modules.research.models import DatasetRow

    dataset_id = dataset(researcher, project_id, ["remark"]).json()["id"]

    answer = post(researcher, f"datasets/{dataset_id}/rows", {"rows": [{"person": "p-1", "remark": value}]})

    assert answer.status_code == 403 and answer.json()["reason"] == "direct_identifier"
    assert "rows.0.remark" in answer.json()["detail"] and value not in answer.json()["detail"]
    assert refused_entries("direct_identifier") == 1 and not DatasetRow.objects.exists()
