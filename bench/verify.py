"""Audit-log verification speed beside fetching and hashing every row, in the same run.

    python bench/verify.py --rounds 3

Each round, in turn:
- `fetch and hash`: every entry's columns that `waarborg audit verify` reads (id, prev_hash, hash and the
  columns the MAC covers), fetched in id order in pages of 10,000 through Django's connection, each row
  hashed once with SHA-256 over its text form: the least any check of every entry must do;
- `verify`: `waarborg.engine.audit.log.verify()`, i.e. `waarborg audit verify` without the printing (every
  MAC, every checkpoint's signature, count and head).
The best round of each and their ratio are reported.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench import common


def fetch_and_hash(chunk: int = 10_000) -> int:
    from django.db import connection

    from waarborg.engine.audit.log import HASHED

    columns = ", ".join(("id", "prev_hash", "hash", *HASHED))
    count, last = 0, 0
    with connection.cursor() as cursor:
        while True:
            cursor.execute(f"SELECT {columns} FROM audit_auditentry WHERE id > %s ORDER BY id LIMIT %s",
                           [last, chunk])
            rows = cursor.fetchall()
            if not rows:
                return count
            for row in rows:
                hashlib.sha256(str(row).encode()).digest()
            count, last = count + len(rows), rows[-1][0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    common.setup()
    from waarborg.engine.audit.log import verify

    rates: dict[str, list[float]] = {"fetch and hash": [], "verify": []}
    load = os.getloadavg()[0]
    count = 0
    for _ in range(args.rounds):
        started = time.perf_counter()
        fetched = fetch_and_hash()
        seconds = time.perf_counter() - started
        rates["fetch and hash"].append(fetched / seconds)
        started = time.perf_counter()
        count, broken = verify()
        seconds = time.perf_counter() - started
        if broken is not None:
            sys.exit(f"audit log broken at entry {broken.entry_id}: {broken.problem}")
        rates["verify"].append(count / seconds)
        print(f"  fetched and hashed {fetched:,} entries at {rates['fetch and hash'][-1]:,.0f}/s; "
              f"verified {count:,} at {rates['verify'][-1]:,.0f}/s ({seconds:.1f} s)")
    best = {name: max(values) for name, values in rates.items()}
    print(f"best: fetch and hash {best['fetch and hash']:,.0f} entries/s, verify {best['verify']:,.0f} entries/s "
          f"over {count:,} entries; verify / fetch and hash: {best['verify'] / best['fetch and hash']:.2f}; "
          f"load average {load:.1f} -> {os.getloadavg()[0]:.1f}; {common.machine()}")


if __name__ == "__main__":
    main()
