"""Commands find their home (WAARBORG_HOME, a config file, or the checkout's var/), never the current
directory; only `serve` creates the embedded default and its keys, and no other command ever makes a key."""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

import pytest
from django.db import connection

from tests.conf.run import clean_env, free_port, waarborg, wait_for

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "ikzorginassen.yaml"
# Subprocesses with homes of their own: nothing here depends on the suite's database, so one leg runs it.
pytestmark = pytest.mark.skipif(connection.vendor == "postgresql", reason="independent of the database: the SQLite leg runs it")


def _serve_once(home: Path, cwd: Path) -> str:
    """Start `waarborg serve` with this home, wait until it answers /health/ready, stop it; its stderr."""
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "waarborg", "serve", "--policy", str(EXAMPLE), "--port", str(port)],
                            cwd=cwd, env=clean_env(WAARBORG_HOME=str(home), WAARBORG_ENV="development"),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    watchdog = threading.Timer(90, proc.kill)
    watchdog.start()
    try:
        assert proc.stdout is not None
        for line in proc.stdout:
            if line.startswith("Waarborg serving on"):
                break
        assert wait_for(f"http://127.0.0.1:{port}/health/ready") == 200
    finally:
        watchdog.cancel()
        proc.terminate()
        _, err = proc.communicate(timeout=30)
    return err


def test_serve_creates_the_home_and_its_keys_once_and_commands_elsewhere_find_them(tmp_path: Path) -> None:
    # given no home yet, and an operator in some other directory
    home, elsewhere = tmp_path / "home", tmp_path / "elsewhere"
    elsewhere.mkdir()
    # when `serve` starts for the first time
    first = _serve_once(home, elsewhere)
    # then it made the home with both keys, readable by the owner only, and said so
    assert "WAARBORG_MASTER_KEY not set: generated one into" in first
    key = (home / "master_key").read_text()
    assert oct((home / "master_key").stat().st_mode & 0o777) == "0o600"
    assert not (elsewhere / "var").exists()
    # and another command, from yet another directory, finds the same home and keys
    listed = waarborg("jobs", "list", cwd=tmp_path, WAARBORG_HOME=str(home))
    assert listed.returncode == 0, listed.stderr
    assert "retention_sweep" in listed.stdout
    assert (home / "master_key").read_text() == key and not (tmp_path / "var").exists()


def test_a_command_without_a_home_fails_clearly_and_creates_nothing(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere"
    result = waarborg("staff", "add", "anna", "--role", "assessor", cwd=tmp_path, WAARBORG_HOME=str(missing))
    assert result.returncode == 1
    assert f"no Waarborg home at {missing}" in result.stderr and "Traceback" not in result.stderr
    assert not missing.exists()


def test_a_command_never_makes_a_new_key_in_an_existing_home(tmp_path: Path) -> None:
    # given a home whose keys were lost (or never made)
    home = tmp_path / "home"
    home.mkdir()
    # when a command other than serve runs
    result = waarborg("sweep", "--dry-run", cwd=tmp_path, WAARBORG_HOME=str(home))
    # then it stops, naming the key, and makes none
    assert result.returncode == 1
    assert "WAARBORG_SECRET_KEY is not set and" in result.stderr and "only `waarborg serve` generates keys" in result.stderr
    assert sorted(p.name for p in home.iterdir()) == []


def test_a_postgres_installation_never_gets_generated_keys_even_from_serve(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    result = waarborg("serve", "--port", "1", cwd=tmp_path, WAARBORG_HOME=str(home),
                      DATABASE_URL="postgres://nobody@127.0.0.1:1/none")
    assert result.returncode == 1 and "WAARBORG_SECRET_KEY is not set" in result.stderr
    assert list(home.iterdir()) == []


def test_the_configuration_file_names_the_home_and_the_environment_wins(tmp_path: Path) -> None:
    # given a configuration file naming a home that does not exist, and one that does
    config = tmp_path / "waarborg.env"
    config.write_text(f"# written by the installer\nWAARBORG_HOME={tmp_path / 'from-file'}\n"
                      "WAARBORG_LOG_LEVEL='WARNING'  # quoted values are fine\n")
    # when a command runs with only WAARBORG_CONFIG set
    result = waarborg("sweep", "--dry-run", cwd=tmp_path, WAARBORG_CONFIG=str(config))
    # then it looked in the file's home
    assert result.returncode == 1 and f"no Waarborg home at {tmp_path / 'from-file'}" in result.stderr
    # and a variable in the environment overrides the file
    overridden = waarborg("sweep", "--dry-run", cwd=tmp_path, WAARBORG_CONFIG=str(config),
                          WAARBORG_HOME=str(tmp_path / "from-env"))
    assert f"no Waarborg home at {tmp_path / 'from-env'}" in overridden.stderr


def test_a_malformed_configuration_file_names_its_line(tmp_path: Path) -> None:
    config = tmp_path / "waarborg.env"
    config.write_text("WAARBORG_HOME=/srv/waarborg\nthis is not a setting\n")
    result = waarborg("jobs", "list", cwd=tmp_path, WAARBORG_CONFIG=str(config))
    assert result.returncode == 1 and f"{config}:2: expected KEY=VALUE" in result.stderr


def test_a_command_on_a_database_without_its_tables_says_so_in_words(tmp_path: Path) -> None:
    """A user trial pasted `serve ... &` and `staff add` in one go: `staff add` ran while `serve` was still
    migrating the new home, and ended in a traceback (no such table: policy_policyversion)."""
    import base64
    import secrets

    home = tmp_path / "home"
    home.mkdir()
    for name, value in (("secret_key", secrets.token_urlsafe(50)),
                        ("master_key", base64.urlsafe_b64encode(secrets.token_bytes(32)).decode())):
        (home / name).write_text(value)
        (home / name).chmod(0o600)
    (home / "waarborg.sqlite3").touch()  # a database that has no tables yet
    result = waarborg("staff", "add", "sanne", "--role", "social_worker", "--token", cwd=tmp_path,
                      WAARBORG_HOME=str(home), WAARBORG_ENV="development")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "the database is not ready" in result.stderr and "serving on" in result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""
