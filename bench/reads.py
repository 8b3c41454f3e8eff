"""Purpose-checked, audit-logged reads per second against a bare DRF read of the same rows, same run.

    python bench/reads.py --reads 2000 --rounds 3

Each round reads the same random sample of award applications and payouts (purposes `eligibility` and
`payout`, the assessor's) in four ways, interleaved row by row (row 1 in every way, then row 2...) so
that caches and the load of a shared machine hit all of them alike:

1. `bare DRF`: APIClient GET on a plain RetrieveAPIView (token auth, decrypts, no purpose, no audit);
2. `guarded DRF`: APIClient GET through `record_read` (purpose, gates, decrypt, audit entry);
3. `api`: Waarborg's own GET /api/v1/records/{id}?purpose=... when this build serves it (not a 501 stub);
4. in-process: `record_read(...)` against `record_data(...)`, without HTTP.
The best and the median round of each are reported.
"""

from __future__ import annotations

import argparse
import logging
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench import common


def sample(size: int, seed: int) -> list[tuple[Any, str]]:
    from waarborg.engine.vault.models import Record

    ids = list(Record.objects.filter(purpose__in=["eligibility", "payout"], subject__isnull=False)
               .values_list("pk", "purpose").order_by("?")[:size])
    random.Random(seed).shuffle(ids)
    return ids


def interleaved(rows: list[tuple[Any, str]], variants: dict[str, Callable[[Any, str], None]]) -> dict[str, float]:
    """One round: each row read in every way in turn; returns reads per second per way."""
    spent = dict.fromkeys(variants, 0.0)
    for pk, purpose in rows:
        for name, read in variants.items():
            started = time.perf_counter()
            read(pk, purpose)
            spent[name] += time.perf_counter() - started
    return {name: len(rows) / seconds for name, seconds in spent.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--reads", type=int, default=2000, help="rows per round")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    common.setup()
    from django.test.utils import override_settings
    from rest_framework.test import APIClient

    from waarborg.engine.audit.models import AuditEntry
    from waarborg.engine.records.actions import record_read
    from waarborg.engine.vault.models import Record
    from waarborg.engine.vault.reads import _record_data as record_data

    user, key = common.bench_user()
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    rows = sample(args.reads, args.seed)
    if not rows:
        sys.exit("no records: run bench/generate.py first")

    def http(prefix: str) -> Callable[[Any, str], None]:
        def read(pk: Any, purpose: str) -> None:
            response = client.get(f"{prefix}{pk}", {"purpose": purpose})
            if response.status_code != 200:
                raise SystemExit(f"{prefix}{pk}: {response.status_code} {response.content[:200]!r}")
        return read

    def direct_guarded(pk: Any, purpose: str) -> None:
        record_read(user, Record.objects.select_related("subject").get(pk=pk), purpose)

    def direct_bare(pk: Any, purpose: str) -> None:
        record_data(Record.objects.get(pk=pk))

    with override_settings(ROOT_URLCONF="bench.urls"):
        variants: dict[str, Callable[[Any, str], None]] = {
            "bare DRF": http("/bench/bare/records/"),
            "guarded DRF": http("/bench/guarded/records/"),
            "bare in-process": direct_bare,
            "guarded in-process": direct_guarded,
        }
        logging.getLogger("django.request").setLevel(logging.CRITICAL)  # the 501 probe is expected
        probe = client.get(f"/api/v1/records/{rows[0][0]}", {"purpose": rows[0][1]})
        if probe.status_code == 200:
            variants["api (GET /api/v1/records/{id})"] = http("/api/v1/records/")
        else:
            print(f"note: /api/v1/records/{{id}} answers {probe.status_code} in this build; not measured")
        entries_before = AuditEntry.objects.count()
        results: dict[str, list[float]] = {name: [] for name in variants}
        for _ in range(args.rounds):
            for name, rate in interleaved(rows, variants).items():
                results[name].append(rate)
        logged = AuditEntry.objects.count() - entries_before

    best = {name: max(rates) for name, rates in results.items()}
    print(f"{len(rows)} reads x {args.rounds} rounds on {Record.objects.count():,} records; {common.machine()}")
    for name, rates in results.items():
        print(f"  {name:<34} best {best[name]:>8,.0f} reads/s   median {statistics.median(rates):>8,.0f}")
    print(f"  guarded / bare DRF: {best['guarded DRF'] / best['bare DRF']:.2f}")
    if "api (GET /api/v1/records/{id})" in best:
        print(f"  api / bare DRF: {best['api (GET /api/v1/records/{id})'] / best['bare DRF']:.2f}")
    print(f"  in-process guarded / bare: {best['guarded in-process'] / best['bare in-process']:.2f}")
    print(f"  audit entries written by the guarded reads: {logged:,}")


if __name__ == "__main__":
    main()
