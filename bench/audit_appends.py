"""Audited writes per second, before and after keyed entries, against the same write without audit, same run.

    python bench/audit_appends.py --writes 300 --rounds 3 --clients 1 8

Each transaction writes one row (a stand-in for a record, `bench_plain_write`) and, but for `bare`, its audit
entry. Three ways, interleaved per round so the load of a shared machine hits them alike:

1. `bare`: the row only;
2. `before`: the row, plus an entry appended as before migration 0006: the chain's advisory lock and the
   head read (one round trip, as `audit_lock_and_head()` did), SHA-256 over head and entry, the insert (into a scratch copy of the audit table, `bench_old_audit`,
   so the real log stays verifiable). Every append in the installation waits for that one lock;
3. `after`: the row, plus `waarborg.engine.audit.log.append` as it is now: ids reserved (shared seal gate), MAC, insert.

With 1 and with 8 concurrent clients (threads, one connection each); the best and the median round are
reported as transactions per second and as ratios to `bare`. Needs PostgreSQL (BENCH_DATABASE_URL).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench import common

OLD_FUNCTION_SQL = """
CREATE OR REPLACE FUNCTION bench_old_lock_and_head() RETURNS varchar LANGUAGE plpgsql VOLATILE AS $$
DECLARE
    head varchar;
BEGIN
    PERFORM pg_advisory_xact_lock(7420001);  -- the chain lock every append took before migration 0006
    EXECUTE 'SELECT hash FROM bench_old_audit ORDER BY id DESC LIMIT 1' INTO head;
    RETURN head;
END
$$
"""


def _prepare() -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("CREATE TABLE IF NOT EXISTS bench_plain_write (id bigserial PRIMARY KEY, at timestamptz, "
                       "detail jsonb)")
        # INCLUDING ALL: the same indexes (each insert maintains them) and an id sequence of its own
        cursor.execute("DROP TABLE IF EXISTS bench_old_audit")
        cursor.execute("CREATE TABLE bench_old_audit (LIKE audit_auditentry INCLUDING ALL)")
        # The lock and the head in one round trip, as `audit_lock_and_head()` did (migration 0004)
        cursor.execute(OLD_FUNCTION_SQL)


def _plain(cursor: Any, n: int) -> None:
    cursor.execute("INSERT INTO bench_plain_write (at, detail) VALUES (now(), %s)", [json.dumps({"n": n})])


_old_model: list[Any] = []


def _old_entry_model() -> Any:
    """AuditEntry's fields on the scratch table: the old append builds and inserts the same model instances."""
    if not _old_model:
        from django.db import models

        from waarborg.engine.audit.models import AuditEntry

        fields = {f.name: f.clone() for f in AuditEntry._meta.local_fields}
        meta = type("Meta", (), {"db_table": "bench_old_audit", "app_label": "audit", "managed": False})
        _old_model.append(type("BenchOldAuditEntry", (models.Model,), {**fields, "Meta": meta, "__module__": __name__}))
    return _old_model[0]


def _before(cursor: Any, entry: Any) -> None:
    """The pre-0006 `append_many` for one entry, as it was: values, lock and head, SHA-256 chain, insert."""
    from django.utils import timezone

    from waarborg.engine.audit.log import _values, hashed, legacy_digest
    from waarborg.engine.keyring import crypto

    row = _values(entry, timezone.now(), crypto.pseudonymiser())
    cursor.execute("SELECT bench_old_lock_and_head()")
    head = cursor.fetchone()
    row["prev_hash"] = (head[0] if head else None) or "0" * 64
    row["hash"] = legacy_digest(row["prev_hash"], hashed(row))
    old = _old_entry_model()
    old.objects.bulk_create([old(**row)])


def _client(way: str, writes: int, start: threading.Barrier, spent: list[float], errors: list[BaseException]) -> None:
    from django.db import connection, connections, transaction

    from waarborg.engine.audit.log import Entry, append

    try:
        start.wait(timeout=30)
        began = time.perf_counter()
        for n in range(writes):
            # policy_version given: both ways skip the look-up of the policy in force (not what differs)
            entry = Entry(action="record.create", actor="system:bench", purpose="eligibility", detail={"n": n},
                          policy_version=1)
            with transaction.atomic(), connection.cursor() as cursor:
                _plain(cursor, n)
                if way == "before":
                    _before(cursor, entry)
                elif way == "after":
                    append(entry)
        spent.append(time.perf_counter() - began)
    except BaseException as exc:  # reported by the caller
        errors.append(exc)
    finally:
        connections.close_all()


def rate(way: str, clients: int, writes: int) -> float:
    """Transactions per second of `clients` concurrent clients, each making `writes` transactions."""
    start = threading.Barrier(clients)
    spent: list[float] = []
    errors: list[BaseException] = []
    threads = [threading.Thread(target=_client, args=(way, writes, start, spent, errors)) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if errors:
        raise errors[0]
    return clients * writes / max(spent)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--writes", type=int, default=300, help="transactions per client per way and round")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--clients", type=int, nargs="+", default=[1, 8])
    args = parser.parse_args()
    common.setup()
    _prepare()
    print(common.machine())
    ways: tuple[str, ...] = ("bare", "before", "after")
    measure: Callable[[str, int], float] = lambda way, clients: rate(way, clients, args.writes)  # noqa: E731
    for clients in args.clients:
        rounds: dict[str, list[float]] = {way: [] for way in ways}
        for _ in range(args.rounds):
            for way in ways:
                rounds[way].append(measure(way, clients))
        bare_best, bare_median = max(rounds["bare"]), statistics.median(rounds["bare"])
        print(f"{clients} client(s), {args.writes} transactions each, {args.rounds} rounds:")
        for way in ways:
            best, median = max(rounds[way]), statistics.median(rounds[way])
            print(f"  {way:7s} best {best:8.0f}/s  median {median:8.0f}/s  "
                  f"ratio to bare: best {best / bare_best:.2f}  median {median / bare_median:.2f}")
        print(f"  after / before (median): {statistics.median(rounds['after']) / statistics.median(rounds['before']):.2f}")


if __name__ == "__main__":
    main()
