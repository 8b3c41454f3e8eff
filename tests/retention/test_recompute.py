"""Clocks are recomputed exactly where a fact changed: an edition closing leaves clocks set by earlier
closings alone; `waarborg retention recompute` brings every clock in line after a policy change."""

from __future__ import annotations

from typing import Any

import pytest

from tests.retention.conftest import at
from waarborg.audiences.cli import main
from waarborg.engine.policy.active import current
from waarborg.engine.retention.events import dependent_records
from waarborg.engine.retention.models import Event
from waarborg.engine.vault.models import Record


def test_an_edition_closing_touches_only_open_and_later_clocks(make: Any) -> None:
    settled = make.record("application", at(2024, 3, 1))  # expires 2026-11-30, set by C_2025
    waiting = make.record("application", at(2026, 12, 10), edition=2027)  # no date yet
    make.record("tip", at(2026, 1, 1))
    event = Event(name="edition_closed", at=at(2027, 11, 30), created_at=at(2027, 12, 1))
    assert set(dependent_records(event, current()).values_list("pk", flat=True)) == {waiting.pk}
    assert settled.expires_at is not None


def test_recompute_repairs_a_clock_that_is_out_of_line(make: Any, capsys: pytest.CaptureFixture[str]) -> None:
    tip = make.record("tip", at(2026, 1, 1))
    Record.objects.filter(pk=tip.pk).update(expires_at=at(2099, 1, 1))
    assert main(["retention", "recompute"]) == 0
    assert "1 clocks changed" in capsys.readouterr().out
    tip.refresh_from_db()
    assert tip.expires_at == at(2026, 4, 1)
    assert main(["retention", "recompute", "--rule", "nonsense"]) == 1
