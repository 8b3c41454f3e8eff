"""An installation made before the move into core / engine / modules / audiences (issue 18) keeps working:
its database migrates with today's code, its audit chain verifies, and its record is served, decrypted, to
the staff member's token. The app labels did not change, so neither did a table or a migration name."""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
import threading
import urllib.request
from pathlib import Path

import pytest
from django.db import connection

from tests.conf.run import clean_env, free_port, waarborg, wait_for

FIXTURE = Path(__file__).resolve().parent / "before_move"
EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "ikzorginassen.yaml"
pytestmark = pytest.mark.skipif(connection.vendor == "postgresql", reason="an embedded (SQLite) installation: one leg runs it")


def _installation(tmp_path: Path) -> Path:
    home = tmp_path / "home"
    shutil.copytree(FIXTURE / "home", home)
    for key in ("master_key", "secret_key"):
        (home / key).chmod(0o600)
    db = sqlite3.connect(home / "waarborg.sqlite3")
    db.executescript((FIXTURE / "waarborg.sql").read_text())
    db.close()
    return home


def test_an_installation_from_before_the_move_migrates_verifies_and_serves(tmp_path: Path) -> None:
    # given the home and database of an installation made with the code from before the move
    home = _installation(tmp_path)
    ids = json.loads((FIXTURE / "ids.json").read_text())
    env = {"WAARBORG_HOME": str(home), "WAARBORG_ENV": "development"}
    # when today's code migrates it
    migrated = waarborg("migrate", cwd=tmp_path, timeout=180, **env)
    # then nothing was wrong with its migration history, and the audit chain made before still verifies
    assert migrated.returncode == 0, migrated.stderr
    assert "InconsistentMigrationHistory" not in migrated.stderr
    verified = waarborg("audit", "verify", cwd=tmp_path, **env)
    assert verified.returncode == 0, verified.stdout + verified.stderr
    assert "intact" in verified.stdout
    # and the record made then is served, decrypted, to the token made then
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "waarborg", "serve", "--policy", str(EXAMPLE), "--port", str(port)],
                            cwd=tmp_path, env=clean_env(**env), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    watchdog = threading.Timer(120, proc.kill)
    watchdog.start()
    try:
        assert wait_for(f"http://127.0.0.1:{port}/health/ready", 90) == 200
        req = urllib.request.Request(f"http://127.0.0.1:{port}/api/v1/records/{ids['record']}?purpose=eligibility",
                                     headers={"Authorization": f"Token {ids['token']}"})
        with urllib.request.urlopen(req, timeout=30) as answer:  # noqa: S310
            body = json.load(answer)
    finally:
        watchdog.cancel()
        proc.terminate()
        proc.communicate(timeout=30)
    assert body["data"]["name"] == "Jan Jansen"
    assert body["subject"] == ids["subject"]
