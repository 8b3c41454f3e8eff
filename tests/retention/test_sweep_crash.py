"""A sweep killed with `kill -9` at a random moment leaves every record either untouched or fully
processed with its audit entry, and the audit chain intact; the next sweep finishes the work.

Runs real `python -m waarborg sweep` processes against a database of their own: a SQLite file on the
SQLite leg, a fresh PostgreSQL database on the PostgreSQL leg (the server of DATABASE_URL).
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
KEPT_BY_PAYOUT_RULE = {"amount", "edition", "paid_on"}


@pytest.fixture
def database(tmp_path: Path) -> Iterator[str]:
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        yield f"sqlite:///{tmp_path / 'crash.sqlite3'}"
        return
    import psycopg

    name = f"waarborg_crash_{os.getpid()}"
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield url.rsplit("/", 1)[0] + "/" + name
    finally:
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _env(tmp_path: Path, database: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST", "DJANGO_SETTINGS"))}
    env.update(DATABASE_URL=database, WAARBORG_HOME=str(tmp_path / "var"), WAARBORG_ENV="test",
               DJANGO_SETTINGS_MODULE="waarborg.settings", PYTHONPATH=f"{ROOT / 'src'}{os.pathsep}{ROOT}",
               PYTHONWARNINGS="ignore")
    return env


def _run(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, *args], env=env, cwd=ROOT, capture_output=True, text=True, check=False,
                          timeout=300)


def _check(snapshot: dict[str, Any], manifest: dict[str, Any]) -> tuple[int, int]:
    """Every expired record is untouched or fully processed with exactly one audit entry."""
    records, audits = snapshot["records"], snapshot["audits"]
    untouched = processed = 0
    for record_id, action in manifest["expired"].items():
        row, logged = records.get(record_id), audits.get(record_id, [])
        if row is not None and not row["anonymised"]:
            assert logged == [] and row["subject"] and row["sealed"], (record_id, row, logged)
            untouched += 1
        elif action == "delete":
            assert row is None and logged == ["record.delete"], (record_id, row, logged)
            processed += 1
        else:
            assert row is not None and row["anonymised"] and logged == ["record.anonymise"], (record_id, row, logged)
            assert row["subject"] is None and not row["sealed"] and set(row["plain"]) <= KEPT_BY_PAYOUT_RULE
            processed += 1
    for record_id in manifest["live"]:
        assert record_id in records and not records[record_id]["anonymised"] and record_id not in audits
    return untouched, processed


def test_a_killed_sweep_leaves_no_half_processed_record(tmp_path: Path, database: str) -> None:
    env = _env(tmp_path, database)
    migrated = _run(env, "-m", "django", "migrate", "--no-input", "-v", "0")
    assert migrated.returncode == 0, migrated.stderr
    activated = _run(env, "-m", "waarborg", "policy", "activate", str(ROOT / "examples" / "ikzorginassen.yaml"))
    assert activated.returncode == 0, activated.stderr
    populated = _run(env, "-m", "tests.retention.crash_tool", "populate", "120")
    assert populated.returncode == 0, populated.stderr
    manifest = json.loads(populated.stdout.strip().splitlines()[-1])

    # When sweeps are killed at random moments, each one is checked
    rng = random.Random()
    for _ in range(2):
        sweep = subprocess.Popen([sys.executable, "-m", "waarborg", "sweep", "--batch-size", "3"], env=env, cwd=ROOT,
                                 stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        assert sweep.stderr is not None
        # Wait until the sweep has committed its first batch (Python and Django take a while to
        # start), then kill it after a random short delay: somewhere inside the run.
        for line in sweep.stderr:
            if "retention sweep batch" in line:
                break
        time.sleep(rng.uniform(0.0, 0.4))
        os.kill(sweep.pid, signal.SIGKILL)
        sweep.wait(timeout=30)
        sweep.stderr.close()
        snapshot = _run(env, "-m", "tests.retention.crash_tool", "state")
        assert snapshot.returncode == 0, snapshot.stderr
        state = json.loads(snapshot.stdout)
        _, processed = _check(state, manifest)
        assert processed >= 3 and state["audit_broken"] is None  # killed after the first batch committed

    # Then a sweep that is left alone finishes the work, and the chain is intact
    finished = _run(env, "-m", "waarborg", "sweep")
    assert finished.returncode == 0, finished.stderr
    untouched, processed = _check(json.loads(_run(env, "-m", "tests.retention.crash_tool", "state").stdout), manifest)
    assert (untouched, processed) == (0, len(manifest["expired"]))
    verified = _run(env, "-m", "waarborg", "audit", "verify")
    assert verified.returncode == 0 and "audit chain intact" in verified.stdout
