"""PostgreSQL: the role the platform runs as, given its rights by `waarborg migrate --grant ROLE`, appends to
the audit log and checkpoints it, but cannot change, remove or empty entries or checkpoints, nor lift the
triggers that refuse it (only the owner, who runs the migrations, could)."""

from __future__ import annotations

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

REFUSED = [
    "UPDATE audit_auditentry SET outcome = 'ok'",
    "DELETE FROM audit_auditentry",
    "TRUNCATE audit_auditentry",
    "UPDATE audit_auditseal SET head = ''",
    "DELETE FROM audit_auditseal",
    "TRUNCATE audit_auditseal",
    "ALTER TABLE audit_auditentry DISABLE TRIGGER USER",
    "DROP TRIGGER audit_append_only ON audit_auditentry",
    "DROP TABLE audit_auditentry",
]


@pytest.fixture
def runtime_role(processed: Any) -> Iterator[dict[str, str]]:
    """A login role with only what `waarborg migrate --grant` gives it; dropped again afterwards."""
    name, password = f"waarborg_app_{secrets.token_hex(4)}", secrets.token_urlsafe(16)
    with connection.cursor() as cursor:
        cursor.execute(f"CREATE ROLE {name} LOGIN PASSWORD %s NOSUPERUSER NOCREATEDB NOCREATEROLE", [password])
        cursor.execute(f'GRANT CONNECT ON DATABASE "{connection.settings_dict["NAME"]}" TO {name}')
    assert main(["migrate", "--grant", name]) == 0
    s = connection.settings_dict
    yield {"name": name, "password": password, "host": s.get("HOST") or "127.0.0.1", "port": str(s.get("PORT") or 5432),
           "dbname": s["NAME"]}
    with connection.cursor() as cursor:
        cursor.execute(f"DROP OWNED BY {name}")
        cursor.execute(f"DROP ROLE {name}")


def test_the_runtime_role_appends_and_checkpoints_but_cannot_rewrite(runtime_role: dict[str, str],
                                                                     settings: Any, tmp_path: Path) -> None:
    r = runtime_role
    url = f"postgres://{r['name']}:{r['password']}@{r['host']}:{r['port']}/{r['dbname']}"
    env = {"DATABASE_URL": url, "WAARBORG_ENV": "test", "WAARBORG_HOME": str(django_settings.VAR_DIR),
           "WAARBORG_AUDIT_CHECKPOINTS": str(settings.WAARBORG_AUDIT_CHECKPOINTS)}
    # The platform, running as the runtime role, appends (the checkpoint's own entry) and checkpoints
    done = waarborg("audit", "checkpoint", cwd=tmp_path, **env)
    assert done.returncode == 0, done.stderr
    verified = waarborg("audit", "verify", cwd=tmp_path, **env)
    assert verified.returncode == 0 and "checkpoint 1 (outside the database" in verified.stdout, verified.stderr
    # but every way of rewriting the log is refused to it by the database
    with psycopg.connect(host=r["host"], port=r["port"], dbname=r["dbname"], user=r["name"], password=r["password"],
                         autocommit=True) as app:
        for statement in REFUSED:
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                app.execute(statement)  # type: ignore[arg-type]
    # and the log is still whole
    assert waarborg("audit", "verify", cwd=tmp_path, **env).returncode == 0
