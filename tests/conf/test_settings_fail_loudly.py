"""Bad configuration stops the process at start, naming the variable; production never generates keys."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from waarborg.conf.env import ConfigError, env_bool, env_int, env_secret

ROOT = Path(__file__).resolve().parents[2]


def _start(env: dict[str, str], tmp_path: Path) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if not k.startswith(("WAARBORG_", "DATABASE_URL"))}
    base |= {"PYTHONPATH": str(ROOT / "src"), "WAARBORG_HOME": str(tmp_path / "var"), "WAARBORG_CONFIG": ""} | env
    return subprocess.run(
        [sys.executable, "-c", "import django, os; os.environ['DJANGO_SETTINGS_MODULE']='waarborg.settings'; django.setup()"],
        env=base, capture_output=True, text=True, timeout=60, check=False,
    )


def test_production_without_keys_refuses_to_start(tmp_path: Path) -> None:
    result = _start({"WAARBORG_ENV": "production"}, tmp_path)
    assert result.returncode != 0
    assert "WAARBORG_SECRET_KEY (or WAARBORG_SECRET_KEY_FILE) is required" in result.stderr
    assert not (tmp_path / "var" / "secret_key").exists()


def test_a_master_key_of_the_wrong_length_fails_loudly(tmp_path: Path) -> None:
    result = _start({"WAARBORG_ENV": "test", "WAARBORG_MASTER_KEY": "c2hvcnQ="}, tmp_path)
    assert result.returncode != 0 and "WAARBORG_MASTER_KEY must decode to exactly 32 bytes" in result.stderr


def test_an_unknown_database_scheme_fails_loudly(tmp_path: Path) -> None:
    result = _start({"WAARBORG_ENV": "test", "DATABASE_URL": "mysql://x/y"}, tmp_path)
    assert result.returncode != 0 and "DATABASE_URL must be sqlite:// or postgres://" in result.stderr


def test_env_helpers_name_the_variable(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("X_FLAG", "perhaps")
    with pytest.raises(ConfigError, match="X_FLAG must be a boolean"):
        env_bool("X_FLAG")
    monkeypatch.setenv("X_NUM", "ten")
    with pytest.raises(ConfigError, match="X_NUM must be an integer"):
        env_int("X_NUM", 1)
    secret = tmp_path / "s"
    secret.write_text("from-file\n")
    monkeypatch.setenv("X_SECRET_FILE", str(secret))
    assert env_secret("X_SECRET") == "from-file"
    monkeypatch.setenv("X_SECRET", "direct")
    with pytest.raises(ConfigError, match="set X_SECRET or X_SECRET_FILE, not both"):
        env_secret("X_SECRET")
