"""A dataset goes only to Werkzaak researchers or a processor with an agreement for research (S3-13)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import time_machine

from tests.research.conftest import dataset, post, refused


@pytest.fixture
def dataset_id(project_id: str, researcher: Any) -> str:
    return str(dataset(researcher, project_id, ["wait_minutes"]).json()["id"])


def _assign(client: Any, dataset_id: str, **body: str) -> Any:
    return post(client, f"datasets/{dataset_id}/assign", body)


def test_an_anonymous_caller_gets_401(dataset_id: str, anonymous: Any) -> None:
    assert _assign(anonymous, dataset_id, user="roos").status_code == 401


def test_staff_without_the_research_role_cannot_hand_out_datasets(dataset_id: str, consultant: Any) -> None:
    assert _assign(consultant, dataset_id, recipient="research_bureau").json()["reason"] == "role_not_granted"


@pytest.mark.promise("S3-13")
def test_a_werkzaak_researcher_may_receive_it(dataset_id: str, researcher: Any, second_researcher: Any) -> None:
    answer = _assign(researcher, dataset_id, user="roos")

    assert answer.status_code == 200 and answer.json()["assigned_to"] == "roos"


@pytest.mark.promise("S3-13")
def test_a_processor_with_a_research_agreement_may_receive_it(dataset_id: str, researcher: Any) -> None:
    from waarborg.engine.audit.models import AuditEntry

    answer = _assign(researcher, dataset_id, recipient="research_bureau")

    assert answer.status_code == 200 and answer.json()["assigned_to"] == "research_bureau"
    assert AuditEntry.objects.get(action="research.dataset_assign").detail["to"] == "research_bureau"


@pytest.mark.promise("S3-13")
@pytest.mark.parametrize("recipient", ["reintegration_providers", "cryptshare", "municipalities", "a_newspaper"])
def test_any_other_recipient_is_refused(dataset_id: str, researcher: Any, recipient: str) -> None:
    from waarborg.modules.research.models import Dataset

    answer = _assign(researcher, dataset_id, recipient=recipient)

    assert answer.status_code == 403 and answer.json()["reason"] == "recipient_not_allowed"
    assert Dataset.objects.get().assigned_recipient == ""
    assert len(refused("recipient_not_allowed")) == 1


@pytest.mark.promise("S3-13")
def test_staff_without_a_research_role_may_not_receive_it(dataset_id: str, researcher: Any, consultant: Any) -> None:
    from waarborg.modules.research.models import Dataset

    answer = _assign(researcher, dataset_id, user="karin")

    assert answer.status_code == 403 and answer.json()["reason"] == "recipient_not_allowed"
    assert Dataset.objects.get().assigned_user is None


@pytest.mark.promise("S3-13")
def test_a_processor_without_an_agreement_in_force_is_refused(dataset_id: str, researcher: Any) -> None:
    with time_machine.travel(dt.datetime(2021, 6, 1, 12, 0, tzinfo=dt.UTC), tick=False):  # before VWO-ONDERZOEK-2022
        answer = _assign(researcher, dataset_id, recipient="research_bureau")

    assert answer.status_code == 403 and answer.json()["reason"] == "recipient_not_allowed"
