"""A user trial rotated the master key as docs/operator.md says, made a new backup, and could not restore it into a
new database with the key now configured (nor with the one before it): only the very first master key opened it,
while `backup check` on the live installation said all was well. The backup key derives from the key ring's root,
which a new database does not have; the backup now carries that root, wrapped under the master key of the day.

Shown through the CLI, as an operator restores on a new machine (SQLite; the key logic is the same for both)."""

from __future__ import annotations

import base64
import secrets
from pathlib import Path

import pytest
from django.db import connection

from tests.conf.run import waarborg

pytestmark = pytest.mark.skipif(connection.vendor == "postgresql",
                                reason="SQLite installations in subprocesses, independent of the suite's: one leg")
EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "debrug.yaml"


def _key() -> str:
    return base64.urlsafe_b64encode(secrets.token_bytes(32)).decode()


def _new_machine(tmp_path: Path, name: str, key: str, secret: str) -> dict[str, str]:
    home = tmp_path / name
    home.mkdir()
    env = {"WAARBORG_HOME": str(home), "DATABASE_URL": f"sqlite:///{home}/w.sqlite3",
           "WAARBORG_SECRET_KEY": secret, "WAARBORG_MASTER_KEY": key}
    done = waarborg("migrate", cwd=tmp_path, **env)
    assert done.returncode == 0, done.stderr
    return env


def test_a_backup_made_after_rotations_restores_with_the_key_configured_then(tmp_path: Path) -> None:
    first, second, third, secret = _key(), _key(), _key(), secrets.token_urlsafe(50)
    live = tmp_path / "live"
    live.mkdir()
    env = {"WAARBORG_HOME": str(live), "DATABASE_URL": f"sqlite:///{live}/w.sqlite3", "WAARBORG_SECRET_KEY": secret,
           "WAARBORG_MASTER_KEY": first}
    for command in (("migrate",), ("policy", "activate", str(EXAMPLE))):
        done = waarborg(*command, cwd=tmp_path, **env)
        assert done.returncode == 0, done.stderr
    before = waarborg("backup", "create", cwd=tmp_path, **env)
    assert before.returncode == 0, before.stderr
    # Given two rotations, each done as docs/operator.md says (rotate with the old key configured, then swap)
    for new in (second, third):
        key_file = tmp_path / "master_key.new"
        key_file.write_text(new + "\n")
        done = waarborg("keys", "rotate", "--new-key-file", str(key_file), cwd=tmp_path, **env)
        assert done.returncode == 0, done.stderr
        env["WAARBORG_MASTER_KEY"] = new
    made = waarborg("backup", "create", cwd=tmp_path, **env)
    assert made.returncode == 0, made.stderr
    backup = made.stdout.split()[0]
    # when it is restored on a new machine with the key configured now
    machine = _new_machine(tmp_path, "new-machine", third, secret)
    checked = waarborg("backup", "check", backup, cwd=tmp_path, **machine)
    assert checked.returncode == 0, checked.stderr
    restored = waarborg("backup", "restore", backup, "--yes", "--no-journal", cwd=tmp_path, **machine)
    # then it restores, and the restored log verifies there (its pseudonyms and seals derive from the same root)
    assert restored.returncode == 0, restored.stderr
    verified = waarborg("audit", "verify", cwd=tmp_path, **machine)
    assert verified.returncode == 0, verified.stdout + verified.stderr
    # and with an earlier key it is refused in words, naming what to do, with nothing restored
    old = _new_machine(tmp_path, "old-key", second, secret)
    refused = waarborg("backup", "restore", backup, "--yes", "--no-journal", cwd=tmp_path, **old)
    assert refused.returncode == 1
    assert "made under another master key" in refused.stderr and "Traceback" not in refused.stderr
    assert waarborg("backup", "check", backup, cwd=tmp_path, **old).returncode == 1
    # and the backup from before the rotations opens with the first key, as docs/operator.md says
    oldest = before.stdout.split()[0]
    original = _new_machine(tmp_path, "first-key", first, secret)
    assert waarborg("backup", "restore", oldest, "--yes", "--no-journal", cwd=tmp_path, **original).returncode == 0
    assert waarborg("backup", "restore", oldest, "--yes", "--no-journal", cwd=tmp_path,
                    **_new_machine(tmp_path, "third-key", third, secret)).returncode == 1
