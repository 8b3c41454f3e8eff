"""A job of an organisation module does nothing where the active policy does not switch the module on: the run is
recorded as `skipped` with the reason (not `failed`), audited, and `waarborg jobs run` exits 0. Where the module
is on, the same job does its work. Through `waarborg jobs run`, with the shipped policies."""

from __future__ import annotations

import pytest

from tests.conftest import activate_example
from waarborg.audiences.cli import main
from waarborg.engine.audit.models import AuditEntry
from waarborg.engine.jobs import registry
from waarborg.engine.jobs.models import JobRun


def test_every_job_of_a_module_names_its_module() -> None:
    by_module = {job.name: job.module for job in registry.JOBS if job.target.startswith("waarborg.modules.")}
    assert by_module == {"visit_prune": "statistics", "sociale_kaart": "listings"}
    assert all(job.module is None for job in registry.JOBS if job.target.startswith("waarborg.engine."))


@pytest.mark.django_db
@pytest.mark.parametrize(("example", "job", "module"), [("kwartier", "visit_prune", "statistics"),
                                                        ("ikzorginassen", "sociale_kaart", "listings")])
def test_the_job_is_skipped_with_its_reason(example: str, job: str, module: str,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    activate_example(example)

    assert main(["jobs", "run", job]) == 0

    run = JobRun.objects.get(name=job)
    assert run.outcome == "skipped" and run.summary == {"skipped": "module_not_enabled", "module": module}
    assert f"{job}: skipped" in capsys.readouterr().out
    entry = AuditEntry.objects.get(action="job.run")
    assert entry.outcome == "ok" and entry.detail["outcome"] == "skipped"
    assert entry.detail["reason"] == "module_not_enabled"


@pytest.mark.django_db
@pytest.mark.parametrize(("example", "job"), [("ikzorginassen", "visit_prune"), ("socialekaart", "sociale_kaart")])
def test_where_the_module_is_on_the_job_runs(example: str, job: str) -> None:
    activate_example(example)

    assert main(["jobs", "run", job]) == 0

    run = JobRun.objects.get(name=job)
    assert run.outcome == "ok" and "skipped" not in run.summary


@pytest.mark.django_db
def test_a_job_of_an_off_module_that_cannot_be_imported_still_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    activate_example("kwartier")
    gone = registry.Job("visit_prune", "waarborg.modules.statistics.jobs_renamed:prune_job", module="statistics")
    monkeypatch.setattr(registry, "JOBS", (gone,))

    assert main(["jobs", "run", "visit_prune"]) == 1

    assert JobRun.objects.get(name="visit_prune").outcome == "failed"
