"""Visits are kept as long as the visit record type's retention rule says (seed 000: three months)."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import time_machine
from django.test import Client
from django.utils import timezone

from tests.statistics.conftest import FIREFOX_WINDOWS, raw_visits
from waarborg.engine.audit.models import AuditEntry
from waarborg.modules.statistics.jobs import prune_visits

VISITED = datetime(2026, 1, 15, 10, 0, tzinfo=timezone.get_fixed_timezone(60))


def test_a_visit_goes_three_months_after_the_request(policy: Any) -> None:
    with time_machine.travel(VISITED, tick=False):
        Client(HTTP_USER_AGENT=FIREFOX_WINDOWS).get("/privacy/")
    assert prune_visits(VISITED + timedelta(days=88))["deleted"] == 0
    assert len(raw_visits()) == 1
    assert prune_visits(VISITED + timedelta(days=91)) == {"deleted": 1, "rule": "visits_3m"}
    assert raw_visits() == []
    [entry] = AuditEntry.objects.filter(action="statistics.prune")
    assert entry.detail["deleted"] == 1 and entry.detail["rule"] == "visits_3m"
