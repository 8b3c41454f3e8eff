"""Helpers for retention tests: frozen time, back-dated records, and the seed-002 test policy.

Access gates are not what these tests are about, so they run with the gate pipeline empty: other
capabilities (consent, need-to-know) register gates that would need their own set-up here.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.utils import timezone

HERE = Path(__file__).resolve().parent
AMSTERDAM = ZoneInfo("Europe/Amsterdam")  # settings.TIME_ZONE

DEFAULTS: dict[str, dict[str, Any]] = {
    "application": {"name": "Mila de Vries", "phone": "0612345678", "address": "Brink 1, Assen",
                    "birth_date": "1961-04-12", "care_recipient_address": "Markt 3, Assen", "edition": 2024,
                    "hours_per_week": 12, "relationship": "ouder"},
    "payout": {"iban": "NL91ABNA0417164300", "account_holder": "M. de Vries", "amount": "250.00",
               "edition": 2024, "paid_on": "2024-12-15"},
    "event_registration": {"event": "Mantelzorgcafe maart", "name": "Mila de Vries", "email": "mila@example.org"},
    "newsletter_subscription": {"email": "mila@example.org", "name": "Mila"},
    "tip": {"tip": "Zet een bankje bij de ingang.", "email": "mila@example.org"},
    "ledger_entry": {"description": "Uitbetaling mantelzorgwaardering", "amount": "250.00",
                     "counterparty": "M. de Vries", "iban": "NL91ABNA0417164300"},
    "care_file": {"name": "Jan Bakker", "care_need": "Hulp bij het aanvragen van een Wlz-indicatie."},
    "invoice": {"number": "2024-017", "amount": "120.00"},
    "lead": {"email": "jan@example.org"},
    "listing": {"title": "Zorgboerderij De Linde"},
}


def at(year: int, month: int, day: int, hour: int = 12) -> datetime:
    """A moment in Dutch local time (the organisation's calendar)."""
    return datetime(year, month, day, hour, tzinfo=AMSTERDAM)


@pytest.fixture(autouse=True)
def _no_gates(monkeypatch: pytest.MonkeyPatch) -> None:
    from waarborg.engine.vault import gates

    monkeypatch.setattr(gates, "_gates", [])


class Make:
    """Creates subjects and back-dated records through the vault's action layer."""

    def __init__(self, actor: Any) -> None:
        self.actor = actor

    def subject(self) -> Any:
        from waarborg.engine.records.actions import subject_create

        return subject_create(self.actor)

    def record(self, type: str, collected_at: datetime, subject: Any = None, **data: Any) -> Any:
        from waarborg.engine.policy.active import current
        from waarborg.engine.records.actions import record_create

        subject = subject or self.subject()
        purpose = current().record_types[type].purpose
        with time_machine.travel(max(collected_at, timezone.now()), tick=False):
            return record_create(self.actor, subject=subject, type=type, data={**DEFAULTS[type], **data},
                                 purpose=purpose, collected_at=collected_at)


@pytest.fixture
def make(personas: dict[str, Any]) -> Make:
    return Make(personas["assessor"].user)


@pytest.fixture
def wlz(db: Any) -> dict[str, Any]:
    """The seed-002 test policy active, with a counsellor (writes) and a privacy officer (manages retention)."""
    from tests.conftest import Persona, make_staff
    from waarborg.engine.policy.active import activate
    from waarborg.engine.policy.loader import load_file

    activate(load_file(HERE / "clientondersteuning.yaml"))
    return {"counsellor": Persona(*make_staff("cor", ["counsellor"])),
            "privacy_officer": Persona(*make_staff("pim", ["privacy_officer"])),
            "outsider": Persona(*make_staff("olga", []))}


@pytest.fixture
def make_wlz(wlz: dict[str, Any]) -> Make:
    return Make(wlz["counsellor"].user)


def sweep(now: datetime) -> Any:
    from waarborg.engine.retention.sweep import sweep_expired

    with time_machine.travel(now, tick=False):
        return sweep_expired()


def record_exists(record: Any) -> bool:
    from waarborg.engine.vault.models import Record

    return Record.objects.filter(pk=record.pk).exists()


def audit_for(record: Any, action: str) -> list[Any]:
    from waarborg.engine.audit.log import items
    from waarborg.engine.audit.models import AuditEntry

    # The record's own entries, and the sweep's grouped entries that list it (as that one item).
    found = []
    for entry in AuditEntry.objects.filter(action=action).order_by("id"):
        for _, detail in items(entry):
            if entry.record_id == str(record.pk) or detail.get("record") == str(record.pk):
                view = copy.copy(entry)
                view.detail = detail
                found.append(view)
    return found


@pytest.fixture
def frozen() -> Iterator[Any]:
    with time_machine.travel(at(2026, 11, 23), tick=False) as traveller:
        yield traveller
