"""Subjects whose protected fields are sealed under their own data key."""

from __future__ import annotations

import base64
import secrets
from pathlib import Path
from typing import Any

import pytest

# Valid BSNs (11-proof), one per subject: the vault may refuse two subjects with the same BSN.
BSNS = ["100023757", "100039595", "100126704", "100174218", "100372193", "100419707", "100475140", "100601844"]
PAYOUT = {"iban": "NL91ABNA0417164300", "account_holder": "J. Bakker", "amount": "150.00", "edition": 2026}


def sealed_subject(actor: Any, n: int) -> tuple[Any, Any]:
    from waarborg.engine.records.actions import record_create, subject_create

    subject = subject_create(actor, bsn=BSNS[n], external_id=f"K-{n}")
    record = record_create(actor, subject=subject, type="payout", data=dict(PAYOUT), purpose="payout")
    return subject, record


@pytest.fixture
def sealed(personas: dict[str, Any]) -> list[tuple[Any, Any]]:
    return [sealed_subject(personas["assessor"].user, n) for n in range(5)]


@pytest.fixture
def new_key(tmp_path: Path) -> tuple[bytes, Path]:
    key = secrets.token_bytes(32)
    path = tmp_path / "new_master_key"
    path.write_text(base64.urlsafe_b64encode(key).decode() + "\n", encoding="utf-8")
    return key, path
