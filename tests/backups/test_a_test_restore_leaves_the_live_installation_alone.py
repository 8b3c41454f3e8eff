"""A test restore into a second database beside the live installation (an operator's report: changing only
DATABASE_URL renamed the live checkpoint file and broke the live `audit verify`) is refused while it shares
the live home's checkpoint file; with a home of its own it restores and the live installation stays whole."""

from __future__ import annotations

import base64
import secrets
import shutil
from pathlib import Path

import pytest
from django.db import connection

from tests.conf.run import waarborg

pytestmark = pytest.mark.skipif(connection.vendor == "postgresql",
                                reason="two SQLite databases in subprocesses, independent of the suite's: one leg")
EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "ikzorginassen.yaml"
KEYS = {"WAARBORG_SECRET_KEY": secrets.token_urlsafe(50),
        "WAARBORG_MASTER_KEY": base64.urlsafe_b64encode(secrets.token_bytes(32)).decode()}


def test_a_test_restore_needs_a_home_of_its_own(tmp_path: Path) -> None:
    # Given a live installation with a backup and a checkpoint outside its database
    live = tmp_path / "live"
    live.mkdir()
    env = {"WAARBORG_HOME": str(live), "DATABASE_URL": f"sqlite:///{live}/waarborg.sqlite3", **KEYS}
    for command in (("migrate",), ("policy", "activate", str(EXAMPLE)), ("backup", "create")):
        done = waarborg(*command, cwd=tmp_path, **env)
        assert done.returncode == 0, done.stderr
        if command == ("migrate",):  # a second, migrated database for the test restore (cheaper than migrating)
            shutil.copy(live / "waarborg.sqlite3", tmp_path / "restore-test.sqlite3")
    backup = done.stdout.split()[0]
    assert waarborg("audit", "checkpoint", cwd=tmp_path, **env).returncode == 0
    (live / "erasure-journal.jsonl").touch()
    checkpoints = (live / "audit-checkpoints.jsonl").read_text()
    # when the operator restores it into a second database, changing only DATABASE_URL
    second = f"sqlite:///{tmp_path}/restore-test.sqlite3"
    refused = waarborg("backup", "restore", backup, "--yes", cwd=tmp_path, **{**env, "DATABASE_URL": second})
    # then it is refused: the checkpoint file is the live database's
    assert refused.returncode == 1, refused.stdout
    assert f"the audit checkpoint file {live / 'audit-checkpoints.jsonl'} holds checkpoints of another database" \
        in refused.stderr
    assert "needs its own WAARBORG_HOME" in refused.stderr and "Traceback" not in refused.stderr
    assert (live / "audit-checkpoints.jsonl").read_text() == checkpoints
    assert not list(live.glob("audit-checkpoints.jsonl.*"))
    # when the test restore gets a home of its own, with a copy of the journal
    test_home = tmp_path / "restore-test"
    test_home.mkdir()
    shutil.copy(live / "erasure-journal.jsonl", test_home / "erasure-journal.jsonl")
    test_env = {**env, "DATABASE_URL": second, "WAARBORG_HOME": str(test_home)}
    unmigrated = waarborg("backup", "restore", backup, "--yes", cwd=tmp_path,
                          **{**test_env, "DATABASE_URL": f"sqlite:///{tmp_path}/empty.sqlite3"})
    assert unmigrated.returncode == 1 and "run `waarborg migrate` on it first" in unmigrated.stderr
    restored = waarborg("backup", "restore", backup, "--yes", cwd=tmp_path, **test_env)
    # then it restores and verifies there, and the live installation's checkpoints and log are untouched
    assert restored.returncode == 0, restored.stderr
    assert f"erasure journal {test_home / 'erasure-journal.jsonl'}: 0 erasure(s)" in restored.stdout
    assert waarborg("audit", "verify", cwd=tmp_path, **test_env).returncode == 0
    assert (live / "audit-checkpoints.jsonl").read_text() == checkpoints
    assert waarborg("audit", "verify", cwd=tmp_path, **env).returncode == 0
