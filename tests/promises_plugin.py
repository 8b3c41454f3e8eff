"""Promise traceability: `@pytest.mark.promise("S0-29", ...)` and the `make promises` report.

With `--promises-report FILE` the plugin writes, per promise of the catalogue (docs/promises.txt),
the passing marked tests, to be printed by `scripts/promises.py` in catalogue order.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

CATALOGUE = Path(__file__).resolve().parent.parent / "docs" / "promises.txt"
_ID = re.compile(r"^S[0-4]-\d{2}$")


def catalogue_ids() -> list[str]:
    return [line.split()[0] for line in CATALOGUE.read_text(encoding="utf-8").splitlines() if line.strip()]


def pytest_addoption(parser: Any) -> None:
    parser.addoption("--promises-report", default=None, help="write promise results (JSON) to this file")


_results: dict[str, dict[str, bool]] = {}


def pytest_collection_modifyitems(config: Any, items: list[Any]) -> None:
    known = set(catalogue_ids())
    for item in items:
        for mark in item.iter_markers("promise"):
            for pid in mark.args:
                if not _ID.match(pid) or pid not in known:
                    raise pytest.UsageError(f"{item.nodeid}: unknown promise id {pid!r}")


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


def pytest_sessionfinish(session: Any, exitstatus: int) -> None:
    path = session.config.getoption("--promises-report")
    if path:
        Path(path).write_text(json.dumps(_results, indent=1, sort_keys=True), encoding="utf-8")
