"""`waarborg check --deploy` names every problem of a wrong production configuration and exits 1.
(That a right one passes is proven by the HTTPS topology test, tests/topology.)"""

from __future__ import annotations

import base64
import secrets
from pathlib import Path

import pytest
from django.db import connection

from tests.conf.run import waarborg

ONE_LEG = pytest.mark.skipif(connection.vendor == "postgresql",
                             reason="a subprocess on a SQLite home, independent of the suite's database: the SQLite leg runs it")


@ONE_LEG
def test_a_wrong_production_configuration_fails_naming_each_problem(tmp_path: Path) -> None:
    # given keys kept in a git checkout, readable by everyone, the embedded SQLite database, mail printed, staff
    # without a second factor
    repository = tmp_path / "checkout"
    (repository / ".git").mkdir(parents=True)
    master = repository / "master.key"
    master.write_text(base64.urlsafe_b64encode(secrets.token_bytes(32)).decode())
    master.chmod(0o644)
    home = tmp_path / "home"
    home.mkdir()
    # when the operator checks the deployment
    result = waarborg("check", "--deploy", cwd=tmp_path, WAARBORG_ENV="production", WAARBORG_HOME=str(home),
                      WAARBORG_PUBLIC_URL="https://privacy.example.nl", WAARBORG_SECRET_KEY=secrets.token_urlsafe(50),
                      WAARBORG_MASTER_KEY_FILE=str(master), DATABASE_URL=f"sqlite:///{home}/waarborg.sqlite3",
                      WAARBORG_STAFF_2FA="optional")
    # then it exits 1 and names each problem on its own line
    assert result.returncode == 1, result.stdout
    problems = [line for line in result.stderr.splitlines() if line.startswith("problem: ")]
    expected = [f"WAARBORG_MASTER_KEY is read from {master}, inside the repository {repository}",
                f"WAARBORG_MASTER_KEY file {master} is readable by others (mode 644)",
                "the database is sqlite: production runs on PostgreSQL",
                "mail is not sent but kept or printed",
                "WAARBORG_STAFF_2FA is 'optional': staff could reach personal data with a password alone",
                f"static files are not collected into {home / 'static'}",
                "the database schema is not up to date"]
    for words in expected:
        assert any(words in line for line in problems), (words, result.stderr)
    assert f"{len(problems)} problem(s)" in result.stderr


@ONE_LEG
def test_development_is_not_a_deployment(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    result = waarborg("check", "--deploy", cwd=tmp_path, WAARBORG_HOME=str(home))
    assert result.returncode == 1
    for words in ("WAARBORG_ENV is 'development'", "WAARBORG_SECRET_KEY is not set", "security.W012",
                  "security.W004", "the database is sqlite"):
        assert words in result.stderr, words


@pytest.mark.django_db
def test_the_role_that_owns_the_tables_is_named(settings: object) -> None:
    if connection.vendor != "postgresql":
        pytest.skip("roles and table owners are PostgreSQL's")
    from waarborg.audiences.cli.deploy import database_problems

    # the test suite migrates and runs as one role: exactly what production must not do
    problems = database_problems()
    assert any("owns" in p and "waarborg migrate --grant" in p for p in problems), problems
