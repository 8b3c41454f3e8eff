"""`waarborg check --deploy` warns (without failing) when gunicorn runs several workers in production without
a shared cache: each worker would count the API's rate limits on its own."""

from __future__ import annotations

import base64
import secrets
from pathlib import Path

import pytest
from django.db import connection

from tests.conf.run import waarborg

pytestmark = pytest.mark.skipif(connection.vendor == "postgresql", reason="a subprocess on a SQLite home: the SQLite leg runs it")


def _check(tmp_path: Path, **env: str) -> list[str]:
    home = tmp_path / "home"
    home.mkdir(exist_ok=True)
    result = waarborg("check", "--deploy", cwd=tmp_path, WAARBORG_ENV="production", WAARBORG_HOME=str(home),
                      WAARBORG_PUBLIC_URL="https://privacy.example.nl", WAARBORG_SECRET_KEY=secrets.token_urlsafe(50),
                      WAARBORG_MASTER_KEY=base64.urlsafe_b64encode(secrets.token_bytes(32)).decode(),
                      DATABASE_URL=f"sqlite:///{home}/waarborg.sqlite3", **env)
    return [line for line in result.stderr.splitlines() if line.startswith("warning: ")]


def test_several_workers_without_a_shared_cache_are_warned_about(tmp_path: Path) -> None:
    [warning] = _check(tmp_path, WAARBORG_WORKERS="4")
    assert "WAARBORG_CACHE_URL is not set while gunicorn runs 4 workers" in warning
    assert "4 times as loose" in warning and "redis://127.0.0.1:6379/1" in warning


def test_one_worker_or_a_shared_cache_is_no_warning(tmp_path: Path) -> None:
    assert _check(tmp_path, WAARBORG_WORKERS="1") == []
    assert _check(tmp_path, WAARBORG_WORKERS="4", WAARBORG_CACHE_URL="redis://127.0.0.1:6379/1") == []
