"""The access export finds other capabilities' rows of the subject (disclosures, consents) by itself."""

from __future__ import annotations

from typing import Any

from tests.rights.conftest import file_request
from waarborg.engine.rights import adapters


def test_rows_of_subject_linked_models_are_listed_for_that_subject_only(
        personas: dict[str, Any], anna: Any, bert: Any) -> None:
    officer = personas["privacy_officer"]
    mine = file_request(officer, anna, "access").data["id"]
    file_request(officer, bert, "access")
    # the rights app itself has subject-linked models: requests and statements
    assert {m._meta.model_name for m in adapters.subject_models("rights")} == {"request", "statement"}
    rows = adapters.rows_for("rights", anna)
    assert [(r["kind"], r["id"]) for r in rows] == [("request", mine)]
    assert "details_sealed" not in rows[0] and "subject" not in rows[0]


def test_an_app_without_subject_models_gives_nothing() -> None:
    assert adapters.rows_for("no_such_app", None) == []  # type: ignore[arg-type]
    assert adapters.subject_models("policy") == []
