"""`waarborg jobs list` gives the last run in the schedule's own time zone (Europe/Amsterdam), and says so:
an operator reading "daily 02:00" next to a UTC time would think the job ran an hour late."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import time_machine

from waarborg.audiences.cli import main


@pytest.mark.django_db(transaction=True)
def test_the_last_run_is_shown_in_amsterdam_time_with_its_zone(policy: Any, settings: Any, tmp_path: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    settings.WAARBORG_BACKUP_DIR = tmp_path / "backups"
    # given the deadlines job ran at 06:00 UTC on a winter day and on a summer day
    for moment in (dt.datetime(2026, 1, 15, 6, 0, tzinfo=dt.UTC), dt.datetime(2026, 7, 15, 6, 0, tzinfo=dt.UTC)):
        with time_machine.travel(moment, tick=False):
            assert main(["jobs", "run", "request_deadlines"]) == 0
            capsys.readouterr()
            # when the operator lists the jobs
            assert main(["jobs", "list"]) == 0
            [line] = [row for row in capsys.readouterr().out.splitlines() if row.startswith("request_deadlines")]
            # then the last run is in local time, with the zone named
            expected = "2026-01-15 07:00 CET ok" if moment.month == 1 else "2026-07-15 08:00 CEST ok"
            assert f"last: {expected}" in line, line
