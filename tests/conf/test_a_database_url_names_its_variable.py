"""A database URL that does not parse (a password with `@ # /` not percent-encoded) stops the command naming
the variable it came from and saying to percent-encode, never a bare parser traceback, never the password."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.db import connection

from tests.conf.run import waarborg

pytestmark = pytest.mark.skipif(connection.vendor == "postgresql", reason="independent of the database: the SQLite leg runs it")
PASSWORD = "g3h/e#im@"


@pytest.mark.parametrize("url", [f"postgres://waarborg_app:{PASSWORD}@127.0.0.1:5432/waarborg",
                                 f"postgres://waarborg_app:w8#{PASSWORD}@127.0.0.1:5432/waarborg"])
def test_an_unencoded_password_in_database_url_is_named(tmp_path: Path, url: str) -> None:
    result = waarborg("jobs", "list", cwd=tmp_path, WAARBORG_HOME=str(tmp_path), DATABASE_URL=url)
    assert result.returncode == 1
    assert "waarborg: DATABASE_URL is not a valid database URL: percent-encode" in result.stderr
    assert "# as %23" in result.stderr
    assert "Traceback" not in result.stderr and PASSWORD not in result.stderr


def test_the_file_and_the_owners_url_are_named_as_such(tmp_path: Path) -> None:
    secret = tmp_path / "database_url"
    secret.write_text(f"postgres://waarborg_app:{PASSWORD}@127.0.0.1:5432/waarborg\n")
    from_file = waarborg("jobs", "list", cwd=tmp_path, WAARBORG_HOME=str(tmp_path), DATABASE_URL_FILE=str(secret))
    assert "waarborg: DATABASE_URL_FILE is not a valid database URL" in from_file.stderr
    owner = waarborg("migrate", cwd=tmp_path, WAARBORG_HOME=str(tmp_path),
                     WAARBORG_OWNER_DATABASE_URL=f"postgres://waarborg_owner:{PASSWORD}@127.0.0.1/waarborg")
    assert owner.returncode == 1
    assert "waarborg: WAARBORG_OWNER_DATABASE_URL is not a valid database URL" in owner.stderr
    assert PASSWORD not in owner.stderr + from_file.stderr


def test_a_percent_encoded_password_is_fine(monkeypatch: pytest.MonkeyPatch) -> None:
    from waarborg.conf.env import env_database

    monkeypatch.setenv("X_DB", "postgres://waarborg_app:g3h%2Fe%23im%40@127.0.0.1:5432/waarborg")
    _, parsed = env_database("X_DB", "")
    assert (parsed["PASSWORD"], parsed["HOST"], parsed["NAME"]) == (PASSWORD, "127.0.0.1", "waarborg")
