"""A subject's own processing history: what, when, why and which role, never which person."""

from __future__ import annotations

from typing import Any

import pytest

from waarborg.engine.audit.logboek import processing_history

from .conftest import process_application


@pytest.mark.promise("S4-12")
def test_history_lists_own_processing_with_purpose_and_role_label(personas: dict[str, Any]) -> None:
    # Given two subjects processed by the assessor
    mine = process_application(personas["assessor"].user, external_id="mine")
    process_application(personas["assessor"].user, external_id="other")
    # when the first asks for their history
    history = processing_history(mine.subject)
    # then only their own three processings appear, with the purpose and role in Dutch
    assert [h["action"] for h in history] == ["subject.create", "record.create", "record.read"]
    read = history[-1]
    assert read["purpose"] == "eligibility"
    assert read["purpose_label"] == "Beoordelen van de mantelzorgwaardering"
    assert read["role"] == "Beoordelaar mantelzorgwaardering"
    assert "anna" not in str(history)
    assert processing_history(mine.subject, lang="en")[-1]["role"] == "Award assessor"
