"""Fixtures of the vault tests: a subject with an award application, made through the action layer."""

from __future__ import annotations

from typing import Any

import pytest

from tests.vault import factories


@pytest.fixture
def subject(personas: Any) -> Any:
    from waarborg.engine.records.actions import subject_create

    return subject_create(personas["assessor"].user, birth_date=None, bsn=factories.VALID_BSN)


@pytest.fixture
def application(personas: Any, subject: Any) -> Any:
    from waarborg.engine.records.actions import record_create

    return record_create(personas["assessor"].user, subject=subject, type="application",
                         data=factories.application(), purpose="eligibility", channel="website")
