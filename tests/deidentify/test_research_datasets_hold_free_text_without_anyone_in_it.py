"""A research dataset may hold free text the policy marks `redact` (Werkzaak's `work_history`, longtext): each
person, address and number in it is stored as a pseudonym under the dataset's own key, so the same name links
within the dataset and nowhere else; a field the policy marks `drop` cannot be declared (403, audited).
"""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from tests.conftest import EXAMPLES, Persona, activate_example, make_staff
from tests.research.conftest import dataset, post, refused, started_big_data
from waarborg.engine.policy.active import activate
from waarborg.engine.policy.loader import load_text
from waarborg.modules.research.models import Dataset, DatasetRow

HISTORY = ["Werkte tien jaar bij Jansen Transport B.V.; leidinggevende Henk de Groot (06-11223344) is positief.",
           "Stage bij de bakker; Henk de Groot gaf een referentie, mail h.degroot@example.nl."]


@pytest.fixture
def researcher(db: Any) -> Persona:
    activate_example("werkzaak")
    return Persona(*make_staff("rik", ["researcher"]))


@pytest.mark.promise("S3-12")
def test_a_work_history_is_stored_with_every_person_replaced_by_a_pseudonym(researcher: Persona) -> None:
    # given a started project and a dataset declaring the policy's free-text field work_history
    project_id = started_big_data(researcher)
    created = dataset(researcher, project_id, ["work_history", "wait_minutes"])
    assert created.status_code == 201, created.content
    # when two rows with free text naming the same supervisor are collected
    rows = [{"person": f"p-{i}", "work_history": text, "wait_minutes": 5} for i, text in enumerate(HISTORY)]
    answer = post(researcher, f"datasets/{created.json()['id']}/rows", {"rows": rows})
    assert answer.status_code == 201, answer.content
    # then what is stored and read back names nobody
    read = researcher.get(f"/api/v1/research/datasets/{created.json()['id']}", {"purpose": "research"}).json()
    stored = json.dumps([r.values for r in DatasetRow.objects.all()] + read["rows"], ensure_ascii=False)
    for identifying in ("Henk", "de Groot", "06-11223344", "h.degroot@example.nl", "Jansen Transport"):
        assert identifying not in stored, identifying
    texts = sorted(r["work_history"] for r in read["rows"])
    assert texts[0].startswith("Stage bij de bakker; [NAAM-") and "positief" in texts[1]
    # and the supervisor has one pseudonym across the dataset's rows
    names = [set(re.findall(r"\[NAAM-[A-Z2-7]{8}\]", text)) for text in texts]
    assert len(names[0]) == 1 and names[0] == names[1]


@pytest.mark.promise("S3-12")
def test_the_same_name_has_another_pseudonym_in_another_dataset(researcher: Persona) -> None:
    project_id = started_big_data(researcher)
    found = []
    for _ in range(2):
        created = dataset(researcher, project_id, ["work_history"]).json()["id"]
        post(researcher, f"datasets/{created}/rows", {"rows": [{"person": "p-1", "work_history": HISTORY[0]}]})
        found.append(Dataset.objects.get(pk=created).rows.get().values["work_history"])
    assert found[0] != found[1] and "Henk" not in found[0] + found[1]


def test_a_free_text_field_the_policy_drops_cannot_be_declared(db: Any) -> None:
    # given Werkzaak's policy with its medical advice kept out of datasets
    text = (EXAMPLES / "werkzaak.yaml").read_text()
    old = "      medical_advice: {category: health, type: longtext}\n"
    assert old in text
    activate(load_text(text.replace(old, old.replace("longtext}", "longtext, deidentify: drop}"))))
    rik = Persona(*make_staff("rik", ["researcher"]))
    project_id = started_big_data(rik)
    # when a researcher declares it, then the policy refuses it, on the record
    answer = dataset(rik, project_id, ["medical_advice", "wait_minutes"])
    assert answer.status_code == 403 and answer.json()["reason"] == "free_text_dropped"
    assert "medical_advice" in answer.json()["detail"] and len(refused("free_text_dropped")) == 1
    assert not Dataset.objects.exists()
