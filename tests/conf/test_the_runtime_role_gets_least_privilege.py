"""PostgreSQL: `waarborg db roles` prints the SQL that gives the role the platform runs as least privilege (row
rights; on the audit log and its checkpoints only SELECT and INSERT), and with `--apply`, connected as the owner
of the tables, creates the role and grants it. `waarborg check --deploy` names a runtime role that owns the
tables, and is quiet about it once the platform runs as the role `db roles` made."""

from __future__ import annotations

import re
import secrets
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest
from django.conf import settings as django_settings
from django.db import connection

from tests.conf.run import waarborg
from waarborg.audiences.cli import main

pytestmark = [
    pytest.mark.promise("S4-12"),
    pytest.mark.postgres_only,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="roles are PostgreSQL's"),
    pytest.mark.django_db(transaction=True),
]


def _url(user: str, password: str) -> str:
    s = connection.settings_dict
    return f"postgres://{user}:{password}@{s.get('HOST') or '127.0.0.1'}:{s.get('PORT') or 5432}/{s['NAME']}"


@pytest.fixture
def role_name() -> Iterator[str]:
    name = f"waarborg_app_{secrets.token_hex(4)}"
    yield name
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", [name])
        if cursor.fetchone():
            cursor.execute(f"DROP OWNED BY {name}")
            cursor.execute(f"DROP ROLE {name}")


def test_the_printed_sql_gives_the_audit_tables_only_select_and_insert(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["db", "roles", "--role", "waarborg_app"]) == 0
    out = capsys.readouterr().out
    assert 'CREATE ROLE "waarborg_app" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE' in out
    assert 'GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA "public" TO "waarborg_app";' in out
    assert 'REVOKE UPDATE, DELETE, TRUNCATE ON audit_auditentry, audit_auditseal FROM "waarborg_app";' in out


def test_applied_by_the_owner_the_role_appends_but_cannot_rewrite_and_check_deploy_agrees(
        role_name: str, policy: Any, settings: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    s = connection.settings_dict
    owner_url = _url(s["USER"], s.get("PASSWORD") or "")
    env = {"WAARBORG_ENV": "test", "WAARBORG_HOME": str(django_settings.VAR_DIR),
           "WAARBORG_AUDIT_CHECKPOINTS": str(settings.WAARBORG_AUDIT_CHECKPOINTS)}
    # the platform running as the owner of the tables: check --deploy names it and fails
    before = waarborg("check", "--deploy", cwd=tmp_path, DATABASE_URL=owner_url, **env)
    assert before.returncode == 1
    assert re.search(rf"problem: the database role '{s['USER']}' owns \d+ tables", before.stderr), before.stderr
    # the operator, as the owner, makes the runtime role
    capsys.readouterr()
    assert main(["db", "roles", "--role", role_name, "--apply"]) == 0
    found = re.search(rf"created role {role_name}; its password \(shown once\): (\S+)", capsys.readouterr().out)
    assert found
    app_url = _url(role_name, found.group(1))
    # running as it, the platform appends to the audit log and checkpoints it...
    done = waarborg("audit", "checkpoint", cwd=tmp_path, DATABASE_URL=app_url, **env)
    assert done.returncode == 0, done.stderr
    # ...but cannot change or empty it
    with psycopg.connect(app_url.replace("postgres://", "postgresql://"), autocommit=True) as app:
        for statement in ("UPDATE audit_auditentry SET outcome = 'ok'", "DELETE FROM audit_auditseal",
                          "TRUNCATE audit_auditentry"):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                app.execute(statement)  # type: ignore[arg-type]
    # and check --deploy no longer names an owner of the tables
    after = waarborg("check", "--deploy", cwd=tmp_path, DATABASE_URL=app_url, **env)
    assert "owns" not in after.stderr, after.stderr
    # applying again changes nothing and creates nothing
    assert main(["db", "roles", "--role", role_name, "--apply"]) == 0
    assert "created role" not in capsys.readouterr().out
