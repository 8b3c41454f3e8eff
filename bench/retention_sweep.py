"""Benchmark: the retention sweep against a raw SQL DELETE of the same rows, on PostgreSQL.

    PYTHONPATH=src python bench/retention_sweep.py --records 1000000 --expired 0.1 \
        --server postgres://postgres@127.0.0.1:5432/postgres

Creates (and drops) a database `waarborg_bench` (`--database NAME`) on that server, fills it with SQL (records of the
tip type, one subject with a data key per expired record), then measures in one run:
1. a raw `DELETE ... WHERE expires_at <= now() AND anonymised_at IS NULL` (rolled back, so the
   sweep finds the same rows);
   and the same DELETE with its foreign-key checks run (`SET CONSTRAINTS ALL IMMEDIATE`, rolled back):
   a DELETE that commits pays them, the sweep included;
2. `sweep_expired()`: the same rows deleted in batches of 5000 with their grouped audit entries, data
   keys of subjects with nothing left shredded;
3. the sweep again, with nothing expired left (before and after a VACUUM): its cost must not grow with
   what is stored.

STATEMENTS=1 prints the time per SQL statement of the sweep, PROFILE=FILE writes a cProfile of it,
BATCH=N sets the batch size.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _sql(url: str, statement: str) -> None:
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(statement)  # type: ignore[arg-type]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--records", type=int, default=1_000_000)
    parser.add_argument("--expired", type=float, default=0.1)
    parser.add_argument("--server", default=os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/postgres"))
    parser.add_argument("--database", default="waarborg_bench", help="the scratch database (created and dropped)")
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    parser.add_argument("--existing", action="store_true",
                        help="use --database as it is (migrated, seed 000 active), add to it and keep it")
    args = parser.parse_args()
    database = args.database
    if database in ("postgres", "") or database.startswith("test") or not database.replace("_", "").isalnum():
        sys.exit(f"refusing to use the database {database!r}: name one of its own")
    url = args.server.rsplit("/", 1)[0] + "/" + database
    sys.path[:0] = [str(ROOT)]
    from bench import common

    env = {**os.environ, **common.environment(url)}
    if not args.existing:
        _sql(args.server, f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
        _sql(args.server, f'CREATE DATABASE "{database}"')
        subprocess.run([sys.executable, "-m", "django", "migrate", "-v", "0", "--settings=waarborg.settings"],
                       env=env, check=True, cwd=ROOT)
        subprocess.run([sys.executable, "-m", "waarborg", "policy", "activate",
                        str(ROOT / "examples/ikzorginassen.yaml")], env=env, check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
    os.environ.update(env)
    os.environ["DJANGO_SETTINGS_MODULE"] = "waarborg.settings"
    import django

    django.setup()
    from django.db import connection, transaction

    from waarborg.engine.audit.models import AuditEntry
    from waarborg.engine.retention.sweep import sweep_expired

    expired = int(args.records * args.expired)
    started = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute("""
            INSERT INTO vault_subject (id, created_at, "group")
            SELECT md5('s' || g)::uuid, now() - interval '3 years', '' FROM generate_series(1, %s) g""", [expired])
        cursor.execute("""
            INSERT INTO vault_subjectkey (subject_id, wrapped, master_key_id, created_at)
            SELECT md5('s' || g)::uuid, decode(md5('k' || g) || md5('w' || g), 'hex'), 'bench', now()
            FROM generate_series(1, %s) g""", [expired])
        cursor.execute("""
            INSERT INTO vault_record (id, subject_id, type, purpose, plain, sealed, collected_at, source_kind,
                source_detail, channel, channel_detail, created_at, updated_at, policy_version, retention_rule,
                expires_at, anonymised_at, basis, "group")
            SELECT md5('r' || g)::uuid,
                   CASE WHEN g <= %(expired)s THEN md5('s' || g)::uuid END,
                   'tip', 'tips', '{"tip": "Meer bankjes in het park."}', decode(md5('x' || g), 'hex'),
                   now() - interval '2 years', 'subject', '', 'website', '', now(), now(), 1, 'tip_3m',
                   CASE WHEN g <= %(expired)s THEN now() - interval '1 year' + (g || ' seconds')::interval
                        ELSE now() + interval '1 day' + (g || ' seconds')::interval END,
                   NULL, 'consent', ''
            FROM generate_series(1, %(records)s) g""", {"expired": expired, "records": args.records})
        cursor.execute("ANALYZE")
    filled = time.perf_counter() - started
    print(f"filled {args.records} records ({expired} expired) in {filled:.1f} s", flush=True)

    with transaction.atomic():
        t0 = time.perf_counter()
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM vault_record WHERE expires_at <= now() AND anonymised_at IS NULL")
            deleted = cursor.rowcount
        raw = time.perf_counter() - t0
        transaction.set_rollback(True)
    print(f"raw DELETE: {deleted} rows in {raw:.2f} s ({deleted / raw:,.0f} rows/s), rolled back", flush=True)

    with transaction.atomic():
        t0 = time.perf_counter()
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute("DELETE FROM vault_record WHERE expires_at <= now() AND anonymised_at IS NULL")
            deleted = cursor.rowcount
        checked = time.perf_counter() - t0
        transaction.set_rollback(True)
    print(f"raw DELETE with its foreign-key checks: {deleted} rows in {checked:.2f} s "
          f"({deleted / checked:,.0f} rows/s), rolled back", flush=True)

    import cProfile
    profile = cProfile.Profile() if os.environ.get("PROFILE") else None
    t0 = time.perf_counter()
    if profile:
        profile.enable()
    statements: dict[str, list[float]] = {}

    def timed(execute, sql, params, many, context):  # type: ignore[no-untyped-def]
        start = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            statements.setdefault(" ".join(sql.split())[:70], []).append(time.perf_counter() - start)

    with connection.execute_wrapper(timed) if os.environ.get("STATEMENTS") else contextlib.nullcontext():
        report = sweep_expired(batch_size=int(os.environ.get("BATCH", "5000")))
    for sql, times in sorted(statements.items(), key=lambda item: -sum(item[1]))[:15]:
        print(f"{sum(times):7.2f} s {len(times):6d}x  {sql}")
    if profile:
        profile.disable()
        profile.dump_stats(os.environ["PROFILE"])
    swept = time.perf_counter() - t0
    grouped = AuditEntry.objects.filter(action__in=["record.delete", "subject.shred"]).values_list("detail", flat=True)
    entries, covered = 0, 0
    for detail in grouped:
        entries, covered = entries + 1, covered + detail["count"]
    print(f"sweep: {report.processed} records, {entries} audit entries covering {covered} deletions and shreddings, "
          f"{report.shredded} keys shredded "
          f"in {swept:.2f} s ({report.processed / swept:,.0f} records/s)", flush=True)
    print(f"ratio sweep/raw DELETE throughput: {checked / swept:.2f} against the DELETE with its foreign-key "
          f"checks, {raw / swept:.3f} against the DELETE without them", flush=True)

    timings = []
    for _ in range(5):
        t0 = time.perf_counter()
        empty = sweep_expired()
        timings.append(time.perf_counter() - t0)
        assert empty.processed == 0
    print(f"sweep with nothing expired on {args.records - expired} stored records: "
          f"best {min(timings) * 1000:.1f} ms, median {sorted(timings)[2] * 1000:.1f} ms", flush=True)
    # What is left of the deleted rows (dead index entries until VACUUM) is what the empty sweep still reads.
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE vault_record")
    timings = []
    for _ in range(5):
        t0 = time.perf_counter()
        assert sweep_expired().processed == 0
        timings.append(time.perf_counter() - t0)
    print(f"the same after VACUUM: best {min(timings) * 1000:.1f} ms, median {sorted(timings)[2] * 1000:.1f} ms",
          flush=True)
    connection.close()
    if not (args.keep or args.existing):
        _sql(args.server, f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
    return 0


if __name__ == "__main__":
    sys.exit(main())
