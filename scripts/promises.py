"""Print one line per promise in catalogue order, then a summary per seed (see CONTRACT.md).

Usage: python scripts/promises.py REPORT.json [REPORT2.json ...] (one report per database leg, written by
`pytest --promises-report`). Per promise:

- `proven`: every marked test passed on every leg it ran, and at least one of them qualifies: on at least one
  leg, its body drove the public interface (HTTP or the CLI) while the shipped example policy of the
  organisation that made the promise was in force, unchanged (measured by tests/front_door.py). The line
  lists the qualifying tests first, then the other passing ones.
- `unit-only`: the marked tests all pass, but none qualifies; the line lists them.
- `missing`: no marked test ran, or a marked test failed on some leg.
"""

from __future__ import annotations

import json
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tests.front_door import shipped_policy_of
from tests.promises_plugin import catalogue_ids


@dataclass
class Outcome:
    passed: bool = True
    front_door: frozenset[str] = frozenset()  # shipped policies in force when the test used the front door


def merge(reports: list[dict[str, Any]]) -> dict[str, dict[str, Outcome]]:
    """A test passed if it passed on every leg it ran; it used the front door under what it did on any leg."""
    merged: dict[str, dict[str, Outcome]] = defaultdict(dict)
    for report in reports:
        for pid, tests in report.items():
            for test, result in tests.items():
                if isinstance(result, bool):  # a report from before front-door measurement
                    result = {"passed": result, "front_door": []}
                seen = merged[pid].setdefault(test, Outcome())
                seen.passed = seen.passed and bool(result["passed"])
                seen.front_door = seen.front_door | frozenset(result["front_door"])
    return merged


def verdict(pid: str, tests: dict[str, Outcome]) -> tuple[str, list[str]]:
    """The verdict on one promise and the tests its line lists."""
    if not tests or not all(outcome.passed for outcome in tests.values()):
        return "missing", []
    policy = shipped_policy_of(pid)
    qualifying = sorted(test for test, outcome in tests.items() if policy in outcome.front_door)
    others = sorted(test for test in tests if test not in qualifying)
    return ("proven", qualifying + others) if qualifying else ("unit-only", others)


def lines(reports: list[dict[str, Any]], ids: list[str]) -> list[str]:
    merged = merge(reports)
    out, counts, totals = [], defaultdict(Counter), Counter[str]()
    for pid in ids:
        seed = f"00{pid[1]}"
        status, tests = verdict(pid, merged.get(pid, {}))
        counts[seed][status] += 1
        totals[seed] += 1
        out.append(" ".join([pid, status, *tests]))
    for seed in sorted(totals):
        c = counts[seed]
        out.append(f"seed {seed}: {c['proven']}/{totals[seed]} proven, {c['unit-only']} unit-only, "
                   f"{c['missing']} missing")
    return out


def main(paths: list[str]) -> int:
    reports = []
    for path in map(Path, paths):
        if path.exists():
            reports.append(json.loads(path.read_text(encoding="utf-8")))
        else:  # e.g. no PostgreSQL leg ran
            print(f"promises: no report {path}, left out", file=sys.stderr)
    print("\n".join(lines(reports, catalogue_ids())))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
