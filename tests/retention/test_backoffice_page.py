"""/backoffice/bewaartermijnen/: the sweep's preview per rule, the open holds and the last sweeps, for
whoever manages retention; anyone else is refused and the refusal is logged."""

from __future__ import annotations

from typing import Any

import pytest
import time_machine
from django.test import Client

from tests.retention.conftest import at
from waarborg.engine.audit.models import AuditEntry
from waarborg.engine.jobs.models import JobRun
from waarborg.engine.retention.models import Hold

URL = "/backoffice/bewaartermijnen/"


def session(persona: Any) -> Client:
    client = Client()
    client.force_login(persona.user)
    return client


@pytest.fixture
def records(make: Any, personas: Any) -> Any:
    make.record("tip", at(2026, 1, 1))  # expires 2026-04-01
    make.record("tip", at(2026, 6, 1))  # expires 2026-09-01
    held = make.record("application", at(2024, 3, 1))
    Hold.objects.create(subject_id=held.subject_id, reason="dispute", justification="Bezwaarprocedure loopt",
                        created_at=at(2026, 5, 1))
    JobRun.objects.create(name="retention_sweep", runner="scheduler", started_at=at(2026, 5, 2, 2),
                          finished_at=at(2026, 5, 2, 2), outcome="ok", summary={"deleted": 3})
    return held


def test_the_officer_sees_what_goes_per_rule_and_what_is_held(records: Any, personas: Any) -> None:
    officer = session(personas["privacy_officer"])
    with time_machine.travel(at(2026, 5, 15), tick=False):
        page = officer.get(URL, {"voor": "2026-10-01"})
    assert page.status_code == 200
    html = page.content.decode()
    # tip_3m: both tips by October; one of them is already due in May
    assert '<tr data-rule="tip_3m">' in html
    row = html.split('<tr data-rule="tip_3m">', 1)[1].split("</tr>", 1)[0]
    assert '<td class="count">2</td><td>1</td>' in row and "verwijderen" in row
    assert "Vóór 1 oktober 2026: <strong>2</strong>" in html
    # the hold, with its reason and justification, and the last sweep
    assert "Geschil" in html and "Bezwaarprocedure loopt" in html and "tot opheffing" in html
    assert "3 records verwijderd." in html and "planner" in html and "gelukt" in html and "deleted" not in html
    # later, the application (award cycle) is counted too
    with time_machine.travel(at(2026, 5, 15), tick=False):
        later = officer.get(URL, {"voor": "2026-12-01"}).content.decode()
    assert "Vóór 1 december 2026: <strong>3</strong>" in later
    assert AuditEntry.objects.filter(action="retention.preview", detail__via="backoffice").count() == 2


def test_a_wrong_date_is_said_and_the_default_is_shown(records: Any, personas: Any) -> None:
    page = session(personas["privacy_officer"]).get(URL, {"voor": "morgen"})
    assert page.status_code == 200 and "Geef een datum als 2027-01-31" in page.content.decode()


def test_staff_who_do_not_manage_retention_are_refused_and_logged(records: Any, personas: Any) -> None:
    assert Client().get(URL).status_code == 302
    answer = session(personas["assessor"]).get(URL)
    assert answer.status_code == 403 and "bewaartermijnen beheert" in answer.content.decode()
    assert AuditEntry.objects.filter(action="backoffice.retention.refused", reason="role_not_granted").count() == 1


def test_the_last_sweeps_read_as_words(make: Any, personas: Any, capsys: pytest.CaptureFixture[str]) -> None:
    """A user trial saw a sweep's summary as a raw Python dict: `{'deleted': {}, 'anonymised': {}, ...}`."""
    from waarborg.audiences.cli import main
    from waarborg.engine.policy.active import current

    make.record("tip", at(2026, 1, 1))  # expires 2026-04-01
    with time_machine.travel(at(2026, 5, 15), tick=False):
        assert main(["jobs", "run", "retention_sweep"]) == 0  # deletes the tip
        assert main(["jobs", "run", "retention_sweep"]) == 0  # nothing left to do
        html = session(personas["privacy_officer"]).get(URL).content.decode()
    runs = html.split('<table id="runs">', 1)[1].split("</table>", 1)[0]
    assert f"1 record verwijderd ({current().rule_words('tip_3m', 'nl')}: 1); 1 sleutel vernietigd." in runs
    assert "Niets was verlopen." in runs and "opdrachtregel" in runs
    assert "{" not in runs and "deleted" not in runs and "tip_3m" not in runs


def test_a_sweep_from_the_command_line_is_among_the_last_sweeps(make: Any, personas: Any,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    """A user trial ran `waarborg sweep`, which deleted a record, and the page still showed "Niets was verlopen."
    from an earlier job run as the last sweep."""
    from waarborg.audiences.cli import main

    make.record("tip", at(2026, 1, 1))
    with time_machine.travel(at(2026, 5, 15), tick=False):
        assert main(["sweep", "--dry-run"]) == 0  # a dry run changes nothing and is no run
        assert main(["sweep"]) == 0
        html = session(personas["privacy_officer"]).get(URL).content.decode()
    runs = html.split('<table id="runs">', 1)[1].split("</table>", 1)[0]
    assert runs.count("<td>opdrachtregel</td>") == 1 and "1 record verwijderd" in runs
