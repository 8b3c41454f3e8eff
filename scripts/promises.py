"""Print one line per promise in catalogue order, then a summary per seed (see CONTRACT.md).

Usage: python scripts/promises.py REPORT.json [REPORT2.json ...]. A promise is proven when it
has marked tests and every run of each of them passed (on every database leg given).
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tests.promises_plugin import catalogue_ids


def main(paths: list[str]) -> int:
    merged: dict[str, dict[str, bool]] = defaultdict(dict)
    for path in paths:
        for pid, tests in json.loads(Path(path).read_text(encoding="utf-8")).items():
            for test, ok in tests.items():
                merged[pid][test] = merged[pid].get(test, True) and ok
    per_seed: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for pid in catalogue_ids():
        tests = merged.get(pid, {})
        seed = f"00{pid[1]}"
        per_seed[seed][1] += 1
        if tests and all(tests.values()):
            per_seed[seed][0] += 1
            print(f"{pid} proven {' '.join(sorted(tests))}")
        else:
            print(f"{pid} missing")
    for seed in sorted(per_seed):
        proven, total = per_seed[seed]
        print(f"seed {seed}: {proven}/{total} proven")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
