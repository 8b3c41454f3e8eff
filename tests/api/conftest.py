"""Fixtures of the API tests: a subject with an award application, and small request helpers."""

from __future__ import annotations

from typing import Any

import pytest

from tests.vault import factories


@pytest.fixture
def subject(personas: Any) -> Any:
    from waarborg.engine.records.actions import subject_create

    return subject_create(personas["assessor"].user, bsn=factories.VALID_BSN)


@pytest.fixture
def application(personas: Any, subject: Any) -> Any:
    from waarborg.engine.records.actions import record_create

    return record_create(personas["assessor"].user, subject=subject, type="application",
                         data=factories.application(), purpose="eligibility", channel="website")


def refused_entry(client_persona: Any) -> Any:
    """The last refused audit entry, which must name the persona."""
    entry = factories.last_entry(outcome="refused")
    assert entry.actor == client_persona.user.username
    return entry
