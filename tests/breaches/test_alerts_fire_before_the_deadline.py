"""S3-20: an alert fires before the AP deadline, and once more when it is overdue; never twice."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
import time_machine
from django.core import mail

from tests.breaches.conftest import register
from waarborg.audiences.cli import main


@pytest.mark.promise("S3-20")
def test_the_alert_job_warns_once_then_flags_overdue(officer: Any, capsys: pytest.CaptureFixture[str]) -> None:
    from waarborg.engine.breaches.models import BreachLogEntry

    with time_machine.travel(datetime(2026, 3, 2, 9, 0, tzinfo=UTC), tick=False):
        breach_id = register(officer, aware_at="2026-03-02T08:00:00+00:00").json()["id"]
        assert main(["breaches", "alerts"]) == 0
        assert capsys.readouterr().out == "" and mail.outbox == []
    with time_machine.travel(datetime(2026, 3, 4, 9, 0, tzinfo=UTC), tick=False):
        assert main(["breaches", "alerts"]) == 0
        assert capsys.readouterr().out.startswith(f"warning\t{breach_id}")
        assert main(["breaches", "alerts"]) == 0  # the job runs hourly: the same warning is not repeated
        assert capsys.readouterr().out == ""
    with time_machine.travel(datetime(2026, 3, 5, 9, 0, tzinfo=UTC), tick=False):
        assert main(["breaches", "alerts"]) == 0
        assert capsys.readouterr().out.startswith(f"overdue\t{breach_id}")
    assert [m.to for m in mail.outbox] == [["privacy@valtes.nl"], ["privacy@valtes.nl"]]
    assert "uiterlijk 05-03-2026 09:00" in mail.outbox[0].subject
    events = list(BreachLogEntry.objects.filter(event__startswith="alert_").values_list("event", flat=True))
    assert events == ["alert_warning", "alert_overdue"]


@pytest.mark.promise("S3-20")
def test_no_alert_once_the_ap_was_notified(officer: Any, capsys: pytest.CaptureFixture[str]) -> None:
    with time_machine.travel(datetime(2026, 3, 2, 9, 0, tzinfo=UTC), tick=False):
        breach_id = register(officer, aware_at="2026-03-02T08:00:00+00:00").json()["id"]
        officer.client.post(f"/api/v1/breaches/{breach_id}/authority-notifications", {}, format="json")
    with time_machine.travel(datetime(2026, 3, 6, 9, 0, tzinfo=UTC), tick=False):
        assert main(["breaches", "alerts", "--dry-run"]) == 0
    assert capsys.readouterr().out == "" and mail.outbox == []
