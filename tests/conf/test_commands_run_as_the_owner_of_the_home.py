"""In production a command run as root would leave root's files in the home, which the services (running as
the home's owner) cannot read; so root is refused there, naming the user to run as. A file the command cannot
read is named, never a traceback (an operator's report: `backup list` crashed on a backup root had made)."""

from __future__ import annotations

import base64
import os
import pwd
import secrets
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

from tests.conf.run import clean_env, waarborg

pytestmark = [
    pytest.mark.skipif(connection.vendor == "postgresql", reason="independent of the database: the SQLite leg runs it"),
    pytest.mark.skipif(os.geteuid() != 0, reason="about what root may do: needs the suite to run as root"),
]
KEYS = {"WAARBORG_SECRET_KEY": secrets.token_urlsafe(50),
        "WAARBORG_MASTER_KEY": base64.urlsafe_b64encode(secrets.token_bytes(32)).decode()}


def _nobody() -> pwd.struct_passwd:
    try:
        return pwd.getpwnam("nobody")
    except KeyError:
        pytest.skip("no user nobody")


def test_root_is_refused_in_production_when_the_home_is_another_users(tmp_path: Path) -> None:
    # given a production home that belongs to the service user
    home = tmp_path / "home"
    home.mkdir()
    os.chown(home, _nobody().pw_uid, _nobody().pw_gid)
    # when root runs a command
    result = waarborg("backup", "create", cwd=tmp_path, WAARBORG_ENV="production", WAARBORG_HOME=str(home))
    # then it is refused, naming the user to run it as, and nothing was written into the home
    assert result.returncode == 1, result.stderr
    assert f"the home {home} belongs to nobody" in result.stderr
    assert "sudo -u nobody waarborg" in result.stderr and "Traceback" not in result.stderr
    assert list(home.iterdir()) == []


def test_root_may_run_commands_on_a_home_of_its_own(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    result = waarborg("backup", "list", cwd=tmp_path, WAARBORG_ENV="production", WAARBORG_HOME=str(home))
    assert "does not run as root" not in result.stderr


def test_a_backup_the_command_cannot_read_is_named_not_a_traceback(tmp_path: Path) -> None:
    # given a backup made by another user, readable by that user only
    if not shutil.which("setpriv"):
        pytest.skip("setpriv (util-linux) drops root's right to read every file")
    home = tmp_path / "home"
    (home / "backups").mkdir(parents=True)
    other = home / "backups" / "waarborg-20260301T010000000000Z.wbk"
    other.write_bytes(b"WBK1")
    other.chmod(0o600)
    os.chown(other, _nobody().pw_uid, _nobody().pw_gid)
    # when a user who may not read it lists the backups (root without the capabilities that bypass modes)
    result = subprocess.run(
        ["setpriv", "--bounding-set=-dac_override,-dac_read_search", sys.executable, "-m", "waarborg",
         "backup", "list"],
        cwd=tmp_path, env=clean_env(WAARBORG_HOME=str(home), DATABASE_URL=f"sqlite:///{home}/db.sqlite3", **KEYS),
        capture_output=True, text=True, timeout=60, check=False)
    # then it says which file, whose it is, and what to do
    assert result.returncode == 1, result.stderr
    assert f"{other} cannot be read by this user (it belongs to nobody)" in result.stderr
    assert "sudo -u" in result.stderr and "Traceback" not in result.stderr
