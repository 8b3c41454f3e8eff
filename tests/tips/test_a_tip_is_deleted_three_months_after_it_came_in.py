"""S0-32: what comes with a tip (the e-mail address too) is kept at most three months: the sweep deletes a tip
sent through the page at its arrival + 3 months, and the log says by which rule."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest
import time_machine
from django.utils import timezone

from tests.tips.conftest import send_tip, tips


def _at(*parts: int) -> datetime:
    return timezone.make_aware(datetime(*parts))  # noqa: DTZ001 - made aware at once


@pytest.mark.promise("S0-32")
def test_the_sweep_deletes_a_tip_from_the_page_three_months_after_it_came_in(assen: Any, capsys: Any) -> None:
    from waarborg.audiences.cli import main
    from waarborg.engine.audit.log import items
    from waarborg.engine.audit.models import AuditEntry
    from waarborg.engine.vault.models import Record

    # Given a tip with an e-mail address sent through the page on 15 January
    with time_machine.travel(_at(2026, 1, 15, 10), tick=False):
        assert send_tip().status_code == 201
    [tip] = tips()
    assert tip.expires_at == _at(2026, 4, 15, 10)
    # When the sweep runs just before 15 April 10:00, the tip is still there
    with time_machine.travel(_at(2026, 4, 15, 9, 59), tick=False):
        assert main(["sweep"]) == 0
    assert Record.objects.filter(pk=tip.pk).exists()
    # And the first sweep after it deletes it, saying which rule
    with time_machine.travel(_at(2026, 4, 15, 10, 1), tick=False):
        assert main(["sweep"]) == 0
    assert "tip_3m: 1 deleted" in capsys.readouterr().out
    assert not Record.objects.filter(pk=tip.pk).exists()
    [entry] = AuditEntry.objects.filter(action="record.delete")
    [(_, detail)] = items(entry)
    assert (detail["record"], detail["rule"], detail["type"]) == (str(tip.pk), "tip_3m", "tip")
    assert "mila" not in str(entry.detail)
