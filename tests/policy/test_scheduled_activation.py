"""`waarborg policy activate FILE --effective 2027-01-01` keeps the current version in force until then,
publishes the coming statement beside the current one on /privacy/, and switches at that moment, also in a
process that cached the old version or started afresh ("wijzigingen gaan in vier weken na publicatie")."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.test import Client

from waarborg.audiences.cli import main
from waarborg.engine.audit.models import AuditEntry
from waarborg.engine.policy.active import current, invalidate
from waarborg.engine.policy.models import PolicyVersion

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "ikzorginassen.yaml"
AMSTERDAM = ZoneInfo("Europe/Amsterdam")
PUBLISHED = datetime(2026, 12, 1, 10, tzinfo=AMSTERDAM)
NEW_YEAR = datetime(2027, 1, 1, tzinfo=AMSTERDAM)


def _new_version(tmp_path: Path, effective: str = "2024-01-01") -> Path:
    text = EXAMPLE.read_text(encoding="utf-8")
    text = text.replace('  version: "1.0"\n  effective: 2024-01-01', f'  version: "2.0"\n  effective: {effective}', 1)
    path = tmp_path / "ikzorginassen-2027.yaml"
    path.write_text(text.replace("  name: Valtes\n", "  name: Valtes Zorg\n", 1), encoding="utf-8")
    return path


def _cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture
def scheduled(db: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """Version 1 in force; version 2 activated on 1 December 2026 to take effect on 1 January 2027."""
    with time_machine.travel(PUBLISHED, tick=False):
        assert _cli(capsys, "policy", "activate", str(EXAMPLE))[0] == 0
        status, out, err = _cli(capsys, "policy", "activate", str(_new_version(tmp_path)), "--effective", "2027-01-01")
    assert status == 0 and out.strip() == "2"
    assert "takes effect on 2027-01-01 00:00; until then the current version stays in force" in err
    return tmp_path


def test_until_the_date_the_current_version_stays_in_force_and_the_coming_one_is_published(scheduled: Path) -> None:
    # Given version 2 scheduled for 1 January 2027, on 31 December 2026
    with time_machine.travel(datetime(2026, 12, 31, 23, 59, tzinfo=AMSTERDAM), tick=False):
        # Then the old version is enforced and published, with the coming one announced beside it
        assert current().organisation.name == "Valtes"
        page = Client().get("/privacy/").content.decode()
        assert "Privacyverklaring Valtes</h1>" in page
        assert "Vanaf 1 januari 2027 geldt een nieuwe versie van deze privacyverklaring." in page
        assert 'href="/privacy/versions/2/?lang=nl"' in page
        english = Client().get("/privacy/?lang=en").content.decode()
        assert "From 1 January 2027 a new version of this privacy statement applies." in english
        # and the coming statement itself says from when it applies
        coming = Client().get("/privacy/versions/2/").content.decode()
        assert "Valtes Zorg</h1>" in coming
        assert "Deze versie van de privacyverklaring geldt vanaf 1 januari 2027." in coming
        versions = Client().get("/privacy/versions/").content.decode()
        assert "(geldt vanaf 2027-01-01)" in versions
    assert list(PolicyVersion.objects.order_by("number").values_list("number", "is_current", "scheduled")) == [
        (1, True, False), (2, False, True)]


def test_at_the_moment_the_new_version_takes_over_even_in_a_process_that_cached_the_old_one(scheduled: Path) -> None:
    # Given a process that read the policy a second before midnight
    with time_machine.travel(datetime(2026, 12, 31, 23, 59, 59, tzinfo=AMSTERDAM), tick=False):
        assert current().organisation.name == "Valtes"
    # When midnight comes (well within the cache's recheck interval)
    with time_machine.travel(NEW_YEAR, tick=False):
        # Then the new version is in force at once, the page shows it without an announcement
        assert current().organisation.name == "Valtes Zorg"
        page = Client().get("/privacy/").content.decode()
    assert "Valtes Zorg</h1>" in page and "scheduled-version" not in page
    assert list(PolicyVersion.objects.order_by("number").values_list("number", "is_current", "scheduled")) == [
        (1, False, False), (2, True, False)]
    switch = AuditEntry.objects.filter(action="policy.activate", actor_kind="system").last()
    assert switch is not None and switch.detail["version"] == 2


def test_a_restarted_process_after_the_date_finds_the_new_version(
        scheduled: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # Given the server was down over new year: a fresh process with nothing cached
    invalidate()
    with time_machine.travel(datetime(2027, 1, 3, 8, tzinfo=AMSTERDAM), tick=False):
        # When the first thing it does is list the versions
        status, out, _ = _cli(capsys, "policy", "history")
        # Then version 2 is current
        assert status == 0 and current().organisation.name == "Valtes Zorg"
    assert any(line.startswith("*    2 ") for line in out.splitlines())


def test_activating_now_withdraws_a_version_still_waiting(
        scheduled: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # Given version 2 waiting for new year, the operator activates version 1's file changed, at once
    changed = tmp_path / "now.yaml"
    changed.write_text(EXAMPLE.read_text(encoding="utf-8").replace("  name: Valtes\n", "  name: Valtes Nu\n", 1),
                       encoding="utf-8")
    with time_machine.travel(datetime(2026, 12, 10, tzinfo=AMSTERDAM), tick=False):
        assert _cli(capsys, "policy", "activate", str(changed))[1].strip() == "3"
    # Then version 3 is in force now, and new year changes nothing
    with time_machine.travel(datetime(2027, 1, 2, tzinfo=AMSTERDAM), tick=False):
        assert current().organisation.name == "Valtes Nu"
    assert AuditEntry.objects.filter(action="policy.schedule_withdraw").count() == 1


def test_a_statement_effective_date_ahead_schedules_without_the_option(
        db: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with time_machine.travel(PUBLISHED, tick=False):
        assert _cli(capsys, "policy", "activate", str(EXAMPLE))[0] == 0
        # When a file whose statement says `effective: 2027-02-01` is activated in December
        status, _, err = _cli(capsys, "policy", "activate", str(_new_version(tmp_path, effective="2027-02-01")))
        assert status == 0 and "takes effect on 2027-02-01" in err
        # Then it waits for that date
        assert current().organisation.name == "Valtes"
    with time_machine.travel(datetime(2027, 2, 1, 0, 0, 1, tzinfo=AMSTERDAM), tick=False):
        assert current().organisation.name == "Valtes Zorg"


def test_an_unreadable_effective_date_is_refused(db: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = _cli(capsys, "policy", "activate", str(EXAMPLE), "--effective", "next week")
    assert status != 0 and "--effective 'next week'" in err
    assert not PolicyVersion.objects.exists()
