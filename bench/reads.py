"""Purpose-checked, audit-logged reads per second against a bare DRF read of the same rows, same run,
with 1 and with N concurrent clients.

    python bench/reads.py --reads 960 --rounds 3 --clients 1 8 --block 5

Each client is a process of its own (as a gunicorn worker is), with its own database connection and its own
API token. The ways of reading the same random award applications and payouts (purposes `eligibility` and
`payout`, the assessor's):

1. `bare DRF`: APIClient GET on a plain RetrieveAPIView (token auth, decrypts, no purpose, no audit);
   `bare DRF, one fetch`: the same with the guarded read's one-statement fetch, so that guarded / one fetch
   is what the gates and the audit entry cost by themselves;
2. `guarded DRF`: APIClient GET on a view calling the action `record_read` (purpose, gates, decrypt, audit entry)
   on the record fetched with its read's needs in one statement (`records.reading.record_for_read`), as the API does;
3. `api`: Waarborg's own GET /api/v1/records/{id}?purpose=... (the same action behind the real endpoint);
4. `bare in-process` / `guarded in-process`: `_record_data(...)` against `record_for_read` + `record_read(...)` in
   a transaction of its own (so one durable commit per read, which the bare one has not), without HTTP.

Interleaved so that the load of a shared machine hits every way alike: a round is a series of short phases
(`--block` reads per client); in each phase all clients read in one way at the same time, the next phase in
the next way, the order of the ways balanced over every 4 series (`orders`: each way follows each other
way equally often; give each client a multiple of 4 x `--block` rows, e.g. `--reads 960 --block 5` with 8).
The four HTTP ways take turns among themselves, the two in-process ways among themselves (`HTTP_WAYS`). A phase starts and ends at a barrier of
all clients; reads per second of a way = its reads / the wall time of its phases. With several clients this
is the throughput of the installation under that many concurrent readers, contention on the audit log
included. Best and median round of each way are reported, and the ratios of the best rounds.
"""

from __future__ import annotations

import argparse
import logging
import multiprocessing as mp
import os
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench import common

API = "api (GET /api/v1/records/{id})"
ONE = "bare DRF, one fetch"
# The ways are measured in two groups of their own, like with like: mixed into one rotation, the in-process
# reads (four times as fast, nothing written) left the HTTP ways after them a cost that fell unevenly: the API
# read came out at 0.87 of bare with 8 clients among them and at 1.06 without them (measured 2026-12-04).
HTTP_WAYS = ["bare DRF", ONE, "guarded DRF", API]
IN_PROCESS_WAYS = ["bare in-process", "guarded in-process"]
WAYS = HTTP_WAYS + IN_PROCESS_WAYS


def sample(size: int, seed: int) -> list[tuple[Any, str]]:
    from waarborg.engine.vault.models import Record

    ids = list(Record.objects.filter(purpose__in=["eligibility", "payout"], subject__isnull=False,
                                     anonymised_at=None)
               .values_list("pk", "purpose").order_by("pk")[:size * 5])
    rng = random.Random(seed)
    rng.shuffle(ids)
    return ids[:size]


def _readers(key: str) -> dict[str, Callable[[Any, str], None]]:
    from django.db import transaction
    from rest_framework.test import APIClient

    from waarborg.engine.accounts.actions import token_used
    from waarborg.engine.records.actions import record_read
    from waarborg.engine.records.reading import record_for_read
    from waarborg.engine.vault.models import Record
    from waarborg.engine.vault.reads import _record_data as record_data

    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    token = token_used(key)
    assert token is not None
    user = token.user

    def http(prefix: str) -> Callable[[Any, str], None]:
        def read(pk: Any, purpose: str) -> None:
            response = client.get(f"{prefix}{pk}", {"purpose": purpose})
            if response.status_code != 200:
                raise SystemExit(f"{prefix}{pk}: {response.status_code} {response.content[:200]!r}")
        return read

    def direct_guarded(pk: Any, purpose: str) -> None:
        with transaction.atomic():  # as the API's read: the record with its read's needs, in one statement
            record = record_for_read(pk)
            assert record is not None
            record_read(user, record, purpose)

    def direct_bare(pk: Any, purpose: str) -> None:
        record_data(Record.objects.get(pk=pk))

    return {"bare DRF": http("/api/bench/bare/records/"), ONE: http("/api/bench/onefetch/records/"),
            "guarded DRF": http("/api/bench/guarded/records/"),
            API: http("/api/v1/records/"), "bare in-process": direct_bare, "guarded in-process": direct_guarded}


def _client(index: int, key: str, rows: list[tuple[Any, str]], ways: list[str], block: int,
            barrier: Any, out: Any) -> None:
    """One client: for each phase, wait for all, read `block` rows in the phase's way. Client 0 notes the
    moment each phase starts and ends (the barriers), which is the wall time of the phase for all clients."""
    from django.db import connections
    from django.test.utils import override_settings

    connections.close_all()  # the parent's connection is not ours: open our own
    logging.getLogger("django.request").setLevel(logging.CRITICAL)
    with override_settings(ROOT_URLCONF="bench.urls"):
        readers = _readers(key)
        readers["bare DRF"](*rows[0])  # warm up: imports, URL resolver, the first connection
        readers[API](*rows[0])
        phases = _phases(len(rows), ways, block)
        marks = []
        barrier.wait()
        marks.append(time.perf_counter())
        for way, start in phases:
            read = readers[way]
            for pk, purpose in rows[start:start + block]:
                read(pk, purpose)
            barrier.wait()
            marks.append(time.perf_counter())
    connections.close_all()
    if index == 0:
        out.put(marks)


def orders(n: int) -> list[list[int]]:
    """A Williams design for `n` ways: orders in which each way comes in each position, and right after each
    other way, equally often (n orders for an even n, 2n for an odd n)."""
    base, low, high = [0], 1, n - 1
    while len(base) < n:
        base.append(low)
        low += 1
        if len(base) < n:
            base.append(high)
            high -= 1
    rows = [[(way + shift) % n for way in base] for shift in range(n)]
    return rows + [row[::-1] for row in rows] if n % 2 else rows


def _phases(count: int, ways: list[str], block: int) -> list[tuple[str, int]]:
    """(way, first row) per phase: every block of rows is read in every way, in the orders of `orders`. A way
    pays for some of what the way before it left behind (with 8 clients, the third way of a fixed rotation
    lost a quarter of its reads, whichever way it was), so every way must follow every other equally often."""
    phases = []
    design = orders(len(ways))
    for series, start in enumerate(range(0, count, block)):
        phases += [(ways[i], start) for i in design[series % len(design)]]
    return phases


def run_round(keys: list[str], rows: list[tuple[Any, str]], ways: list[str], block: int) -> dict[str, float]:
    """One round with len(keys) clients, each reading its own share of `rows` in every way."""
    from django.db import connections

    clients = len(keys)
    shares = [rows[i::clients] for i in range(clients)]
    per_client = min(len(share) for share in shares)
    shares = [share[:per_client] for share in shares]
    connections.close_all()
    context = mp.get_context("fork")
    barrier, out = context.Barrier(clients), context.Queue()
    procs = [context.Process(target=_client, args=(i, keys[i], shares[i], ways, block, barrier, out))
             for i in range(clients)]
    for proc in procs:
        proc.start()
    marks = out.get(timeout=3600)
    for proc in procs:
        proc.join()
        if proc.exitcode != 0:
            raise SystemExit(f"a client failed (exit {proc.exitcode})")
    spent = dict.fromkeys(ways, 0.0)
    reads = dict.fromkeys(ways, 0)
    for n, (way, start) in enumerate(_phases(per_client, ways, block)):
        spent[way] += marks[n + 1] - marks[n]
        reads[way] += clients * len(range(start, min(start + block, per_client)))
    return {way: reads[way] / spent[way] for way in ways}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--reads", type=int, default=1000, help="rows per round (shared among the clients)")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--clients", type=int, nargs="+", default=[1, 8])
    parser.add_argument("--block", type=int, default=20, help="reads per client in one phase")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    common.setup()
    from django.test.utils import override_settings

    from waarborg.engine.audit.models import AuditEntry
    from waarborg.engine.vault.models import Record

    rows = sample(args.reads, args.seed)
    for clients in args.clients:
        series = -(-(len(rows) // clients) // args.block)
        if series % len(orders(len(HTTP_WAYS))):
            print(f"note: {series} series a client with {clients}: the order of the ways is balanced over "
                  f"every {len(orders(len(HTTP_WAYS)))}", file=sys.stderr)
    if not rows:
        sys.exit("no records: run bench/generate.py first")
    keys = [common.bench_user()[1] for _ in range(max(args.clients))]
    with override_settings(ROOT_URLCONF="bench.urls"):
        from rest_framework.test import APIClient

        probe = APIClient()
        probe.credentials(HTTP_AUTHORIZATION=f"Token {keys[0]}")
        answer = probe.get(f"/api/v1/records/{rows[0][0]}", {"purpose": rows[0][1]})
        if answer.status_code != 200:
            sys.exit(f"/api/v1/records/{{id}} answers {answer.status_code}: {answer.content[:200]!r}")
    print(f"{len(rows)} rows x {args.rounds} rounds on {Record.objects.count():,} records, "
          f"{AuditEntry.objects.count():,} audit entries; {common.machine()}")
    for clients in args.clients:
        entries_before = AuditEntry.objects.count()
        load = os.getloadavg()[0]
        results: dict[str, list[float]] = {way: [] for way in WAYS}
        for _ in range(args.rounds):
            for group in (HTTP_WAYS, IN_PROCESS_WAYS):
                for way, rate in run_round(keys[:clients], rows, group, args.block).items():
                    results[way].append(rate)
        logged = AuditEntry.objects.count() - entries_before
        best = {way: max(rates) for way, rates in results.items()}
        median = {way: statistics.median(rates) for way, rates in results.items()}
        print(f"{clients} client(s), load average {load:.1f} -> {os.getloadavg()[0]:.1f}:")
        for way in WAYS:
            print(f"  {way:<34} best {best[way]:>8,.0f} reads/s   median {median[way]:>8,.0f}")
        for name, way, base in (("guarded / bare DRF", "guarded DRF", "bare DRF"), ("api / bare DRF", API, "bare DRF"),
                                ("guarded / bare DRF, one fetch (the gates and the entry alone)", "guarded DRF", ONE),
                                ("in-process guarded / bare", "guarded in-process", "bare in-process")):
            print(f"  {name}: {best[way] / best[base]:.2f} (medians {median[way] / median[base]:.2f})")
        print(f"  audit entries written by the guarded reads: {logged:,}")


if __name__ == "__main__":
    main()
