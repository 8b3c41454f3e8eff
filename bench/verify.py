"""Audit-chain verification speed: entries per second of `waarborg.engine.audit.log.verify`.

    python bench/verify.py --rounds 3
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench import common


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    common.setup()
    from waarborg.engine.audit.log import verify

    rates = []
    for _ in range(args.rounds):
        started = time.perf_counter()
        count, broken = verify()
        seconds = time.perf_counter() - started
        if broken is not None:
            sys.exit(f"chain broken at entry {broken.entry_id}: {broken.problem}")
        rates.append(count / seconds)
        print(f"  verified {count:,} entries in {seconds:.1f} s ({count / seconds:,.0f} entries/s)")
    print(f"best {max(rates):,.0f} entries/s over {count:,} entries; {common.machine()}")


if __name__ == "__main__":
    main()
