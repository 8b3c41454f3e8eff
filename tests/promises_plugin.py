"""Promise traceability: `@pytest.mark.promise("S0-29", ...)` and the `make promises` report.

With `--promises-report FILE` the plugin writes, per promise of the catalogue (docs/promises.txt), each
marked test that ran: whether it passed, and which shipped example policies, unchanged, were in force while
its body used the public interface (measured by `tests.front_door`). `scripts/promises.py` prints the
verdicts in catalogue order. Without the option nothing is measured and nothing is written.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from tests.front_door import Recorder

CATALOGUE = Path(__file__).resolve().parent.parent / "docs" / "promises.txt"
_ID = re.compile(r"^S[0-4]-\d{2}$")


def catalogue_ids() -> list[str]:
    return [line.split()[0] for line in CATALOGUE.read_text(encoding="utf-8").splitlines() if line.strip()]


def pytest_addoption(parser: Any) -> None:
    parser.addoption("--promises-report", default=None, help="write promise results (JSON) to this file")


_results: dict[str, dict[str, bool]] = {}
_recorder: Recorder | None = None


def pytest_configure(config: Any) -> None:
    global _recorder
    path = config.getoption("--promises-report")
    if path:
        # Before collection: test modules that import `waarborg.audiences.cli.main` get the recorded one.
        _recorder = Recorder(Path(path).resolve().with_suffix(".front-door.jsonl")).__enter__()
        _recorder.log.write_text("", encoding="utf-8")


def pytest_collection_modifyitems(config: Any, items: list[Any]) -> None:
    known = set(catalogue_ids())
    for item in items:
        for mark in item.iter_markers("promise"):
            for pid in mark.args:
                if not _ID.match(pid) or pid not in known:
                    raise pytest.UsageError(f"{item.nodeid}: unknown promise id {pid!r}")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_call(item: Any) -> Any:
    # Only the test body counts: what fixtures set up through the front door proves nothing by itself.
    if _recorder is not None:
        _recorder.test = item.nodeid
    try:
        yield
    finally:
        if _recorder is not None:
            _recorder.test = None


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: Any, call: Any) -> Any:
    outcome = yield
    report = outcome.get_result()
    ids = [pid for mark in item.iter_markers("promise") for pid in mark.args]
    if not ids:
        return
    # A skipped test (e.g. a PostgreSQL-only check on the SQLite leg) proves nothing and fails nothing.
    if report.skipped:
        return
    for pid in ids:
        tests = _results.setdefault(pid, {})
        if report.when == "call" or report.failed:
            tests[item.nodeid] = tests.get(item.nodeid, True) and report.passed


def report(results: dict[str, dict[str, bool]], recorder: Recorder) -> dict[str, dict[str, dict[str, Any]]]:
    """{promise: {test: {"passed": bool, "front_door": [shipped policies in force at the front door]}}}."""
    return {pid: {test: {"passed": passed, "front_door": recorder.policies(test)} for test, passed in tests.items()}
            for pid, tests in results.items()}


def pytest_sessionfinish(session: Any, exitstatus: int) -> None:
    global _recorder
    path = session.config.getoption("--promises-report")
    if not path or _recorder is None:
        return
    recorder, _recorder = _recorder, None
    recorder.__exit__(None, None, None)
    recorder.log.unlink(missing_ok=True)
    Path(path).write_text(json.dumps(report(_results, recorder), indent=1, sort_keys=True), encoding="utf-8")
