"""Every benchmark in bench/, in one run: `make bench` (full size) and, in `make test`, a small size.

    python bench/run_all.py [--size small|full] [--server postgres://postgres@127.0.0.1:5432/postgres]
                            [--only startup vault sweep]

- startup: `bench/startup.py` (SQLite, scratch homes; no server needed);
- vault: `bench/generate.py`, `bench/reads.py`, `bench/verify.py`, `bench/audit_appends.py` on one database: at full size the
  documented `waarborg_bench_vault` (BENCH_DATABASE_URL; filled once, later runs read what is there), at
  small size a scratch database made and dropped here;
- sweep: `bench/retention_sweep.py`, on a database of its own (at small size the vault's scratch one);
- export: `bench/deid_share.py` (how much of an access export is de-identification), on a database of its own,
  `waarborg_bench_deid` (at small size the scratch one, last: it activates Kwartier's policy there).
The small size proves the scripts still run against today's code (the suite runs it); the full size gives
the figures of docs/benchmarks.md. Exit status 1 when any benchmark fails.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SIZES = {
    "small": {"startup": ["--runs", "1"], "generate": ["--records", "300", "--batch", "100"],
              "reads": ["--reads", "30", "--rounds", "1", "--clients", "1", "2", "--block", "5"], "verify": ["--rounds", "1"],
              "appends": ["--writes", "20", "--rounds", "1", "--clients", "1", "2"],
              "sweep": ["--records", "3000", "--expired", "0.1"], "export": ["--notes", "5", "--repeat", "1"]},
    "full": {"startup": ["--runs", "5"], "generate": ["--records", "100000"],
             "reads": ["--reads", "1000", "--rounds", "3", "--clients", "1", "8"], "verify": ["--rounds", "3"],
             "appends": ["--writes", "300", "--rounds", "3", "--clients", "1", "8"],
             "sweep": ["--records", "1000000", "--expired", "0.1"],
             "export": ["--notes", "20", "200", "1000", "--repeat", "5"]},
}


def _run(name: str, script: str, args: list[str], env: dict[str, str]) -> bool:
    print(f"--- {name}: bench/{script} {' '.join(args)}", flush=True)
    started = time.perf_counter()
    result = subprocess.run([sys.executable, str(ROOT / "bench" / script), *args], env=env, cwd=ROOT, check=False)
    print(f"--- {name}: {'ok' if result.returncode == 0 else f'FAILED ({result.returncode})'} "
          f"in {time.perf_counter() - started:.1f} s", flush=True)
    return result.returncode == 0


def _sql(server: str, statement: str) -> None:
    import psycopg

    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(statement)  # type: ignore[arg-type]


def _sql_if_missing(server: str, database: str) -> None:
    import psycopg

    with psycopg.connect(server, autocommit=True) as conn:
        if conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [database]).fetchone() is None:
            conn.execute(f'CREATE DATABASE "{database}"')  # type: ignore[arg-type]


def _count_records(url: str) -> int:
    import psycopg

    try:
        with psycopg.connect(url) as conn:
            row = conn.execute("SELECT count(*) FROM vault_record").fetchone()
    except psycopg.Error:
        return 0
    return int(row[0]) if row else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", choices=sorted(SIZES), default="full")
    parser.add_argument("--server", default=os.environ.get("BENCH_SERVER", "postgres://postgres@127.0.0.1:5432/postgres"),
                        help="a PostgreSQL server (any database on it) where bench databases may be made")
    parser.add_argument("--only", nargs="+", choices=("startup", "vault", "sweep", "export"),
                        default=["startup", "vault", "sweep", "export"])
    args = parser.parse_args()
    size = SIZES[args.size]
    env = {k: v for k, v in os.environ.items() if not k.startswith(("WAARBORG_", "DATABASE_URL", "DJANGO_"))}
    env |= {"PYTHONPATH": f"{ROOT / 'src'}{os.pathsep}{ROOT}", "WAARBORG_LOG_LEVEL": "WARNING"}
    server_base = args.server.rsplit("/", 1)[0]
    ok = True
    if "startup" in args.only:
        ok &= _run("startup", "startup.py", size["startup"], env)
    scratch = f"waarborg_bench_small_{os.getpid()}" if args.size == "small" else None
    databases = {"vault", "sweep", "export"} & set(args.only)
    if scratch and databases:
        _sql(args.server, f'CREATE DATABASE "{scratch}"')
    try:
        if "vault" in args.only:
            url = (f"{server_base}/{scratch}" if scratch
                   else os.environ.get("BENCH_DATABASE_URL", f"{server_base}/waarborg_bench_vault"))
            vault_env = env | {"BENCH_DATABASE_URL": url}
            if scratch or _count_records(url) == 0:
                ok &= _run("vault: generate", "generate.py", size["generate"], vault_env)
            ok &= _run("vault: reads", "reads.py", size["reads"], vault_env)
            ok &= _run("vault: verify", "verify.py", size["verify"], vault_env)
            ok &= _run("vault: audited writes", "audit_appends.py", size["appends"], vault_env)
        if "sweep" in args.only:
            # Small: on the vault's scratch database when it is there (one migration less); full: its own.
            where = (["--database", scratch, "--existing"] if scratch and "vault" in args.only
                     else ["--database", scratch or "waarborg_bench"])
            ok &= _run("sweep", "retention_sweep.py", [*size["sweep"], "--server", args.server, *where],
                       env | {"WAARBORG_ENV": "test"})
        if "export" in args.only:
            if not scratch:
                _sql_if_missing(args.server, "waarborg_bench_deid")
            url = f"{server_base}/{scratch or 'waarborg_bench_deid'}"
            ok &= _run("export", "deid_share.py", size["export"], env | {"BENCH_DATABASE_URL": url})
    finally:
        if scratch and databases:
            _sql(args.server, f'DROP DATABASE IF EXISTS "{scratch}" WITH (FORCE)')
    print("all benchmarks ran" if ok else "SOME BENCHMARKS FAILED", flush=True)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
