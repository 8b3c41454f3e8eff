"""Helpers for breach tests: people in the vault with application records."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest

APPLICATION = {"name": "Jan Jansen", "phone": "0612345678", "address": "Kerkstraat 1, Assen",
               "birth_date": "1970-01-01", "care_recipient_address": "Kerkstraat 3, Assen", "edition": 2024}


def applicant(actor: Any, collected_at: datetime | None = None, **data: Any) -> Any:
    from waarborg.vault.actions import record_create, subject_create

    subject = subject_create(actor)
    record_create(actor, subject=subject, type="application", data={**APPLICATION, **data}, purpose="eligibility",
                  collected_at=collected_at)
    return subject


@pytest.fixture
def officer(personas: Any) -> Any:
    return personas["privacy_officer"]


def register(officer: Any, **body: Any) -> Any:
    payload = {"aware_at": "2026-03-02T09:00:00+01:00", "description": "Mail met aanvragen naar verkeerde ontvanger",
               "kind": "misaddressed_email", **body}
    return officer.client.post("/api/v1/breaches", payload, format="json")
