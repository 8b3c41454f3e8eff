"""The benchmarks of bench/ keep running against today's code: a small size of each, in every test run
(`make bench` runs them at full size; docs/benchmarks.md holds the figures)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]


def _run_all(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("WAARBORG_", "DATABASE_URL", "DJANGO_", "PYTEST"))}
    env["BENCH_HOME"] = str(tmp_path / "bench-home")
    return subprocess.run([sys.executable, str(ROOT / "bench" / "run_all.py"), "--size", "small", *args],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=600, check=False)


def test_the_start_up_benchmark_runs(tmp_path: Path) -> None:
    if connection.vendor == "postgresql":
        pytest.skip("start-up is measured on the embedded default (SQLite): the SQLite leg runs it")
    result = _run_all(tmp_path, "--only", "startup")
    assert result.returncode == 0, result.stdout + result.stderr
    for line in ("waarborg --help", "waarborg policy check (5 files)", "waarborg staff add --token",
                 "waarborg serve, later start", "heavy modules loaded by `staff add` on SQLite: none"):
        assert line in result.stdout, line


def test_the_database_benchmarks_run(tmp_path: Path) -> None:
    if connection.vendor != "postgresql":
        pytest.skip("the vault and sweep benchmarks use PostgreSQL's COPY: the PostgreSQL leg runs them")
    s = connection.settings_dict
    server = f"postgres://{s['USER']}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/postgres"
    result = _run_all(tmp_path, "--only", "vault", "sweep", "export", "--server", server)
    assert result.returncode == 0, result.stdout + result.stderr
    for line in ("--- vault: generate: ok", "--- vault: reads: ok", "--- vault: verify: ok", "--- sweep: ok",
                 "--- export: ok", "| 5 |", "all benchmarks ran"):
        assert line in result.stdout, line
