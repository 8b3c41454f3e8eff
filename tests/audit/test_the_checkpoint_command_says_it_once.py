"""`waarborg audit checkpoint` prints the signed line once, on stdout (for the operator to keep or pipe), with a
summary on stderr. A user trial saw the line twice: once on stdout and once more as a log line. The scheduled
job, which has no stdout to speak of, still logs it."""

from __future__ import annotations

import base64
import json
import secrets
from pathlib import Path

import pytest
from django.db import connection

from tests.conf.run import waarborg

pytestmark = pytest.mark.skipif(connection.vendor == "postgresql",
                                reason="a SQLite installation in subprocesses, independent of the suite's: one leg")
EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "debrug.yaml"


def test_the_checkpoint_line_is_printed_once(tmp_path: Path) -> None:
    (tmp_path / "home").mkdir()
    env = {"WAARBORG_HOME": str(tmp_path / "home"), "DATABASE_URL": f"sqlite:///{tmp_path}/w.sqlite3",
           "WAARBORG_SECRET_KEY": secrets.token_urlsafe(50),
           "WAARBORG_MASTER_KEY": base64.urlsafe_b64encode(secrets.token_bytes(32)).decode()}
    for command in (("migrate",), ("policy", "activate", str(EXAMPLE))):
        done = waarborg(*command, cwd=tmp_path, **env)
        assert done.returncode == 0, done.stderr
    done = waarborg("audit", "checkpoint", cwd=tmp_path, **env)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert len(lines) == 1, done.stdout
    sealed = json.loads(lines[0])
    assert sealed["sequence"] == 1
    assert lines[0] not in done.stderr and "audit checkpoint {" not in done.stderr, done.stderr
    assert "checkpoint 1:" in done.stderr
    # and the file outside the database holds that same line
    assert (tmp_path / "home" / "audit-checkpoints.jsonl").read_text().splitlines() == lines
