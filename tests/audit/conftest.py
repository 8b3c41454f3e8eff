"""A subject with one award application, created and read by the assessor: a few real audit entries."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest

APPLICATION = {
    "name": "Fenna de Vries", "phone": "0592 123456", "address": "Kloosterstraat 12, Assen",
    "postcode": "9401 KE", "birth_date": "1961-04-03", "care_recipient_address": "Brink 3, Assen",
    "edition": 2026, "hours_per_week": 12, "relationship": "ouder",
}


# Valid BSNs (11-proof), one per subject: the vault may refuse two subjects with the same BSN.
BSNS = ["100023757", "100039595", "100126704", "100174218", "100372193", "100419707", "100475140", "100601844"]


@dataclass
class Processed:
    subject: Any
    record: Any
    actor: Any


def process_application(actor: Any, external_id: str = "A-1", bsn: str = "") -> Processed:
    from waarborg.engine.records.actions import record_create, record_read, subject_create
    from waarborg.engine.vault.models import Subject

    bsn = bsn or BSNS[Subject.objects.count() % len(BSNS)]
    subject = subject_create(actor, bsn=bsn, external_id=external_id)
    record = record_create(actor, subject=subject, type="application", data=dict(APPLICATION), purpose="eligibility")
    record_read(actor, record, "eligibility")
    return Processed(subject, record, actor)


@pytest.fixture
def processed(personas: dict[str, Any]) -> Processed:
    return process_application(personas["assessor"].user)
