"""The database itself refuses to change or remove audit entries.

The hash chain makes tampering *visible* (`waarborg audit verify`); these triggers make the ordinary
ways of tampering *fail*: an UPDATE or DELETE on `audit_auditentry` (and a TRUNCATE on PostgreSQL) is
aborted by the database, whoever sends it (the ORM, the admin, a hand-typed SQL statement). Getting
round them takes DDL (dropping the trigger), which only the table owner can do; in production run the
application under a role that does not own the table. Whatever slips through still breaks the chain.

The one sanctioned exception is Django's `flush` (empty the whole database, also used between
transactional tests): `audit/management/commands/flush.py` lifts the triggers and puts them back in
the same transaction as the flush, so a crash half-way leaves them in place.

SQLite note: a migration that rebuilds `audit_auditentry` on SQLite (most AlterField/AddField) drops the
triggers with the old table; such a migration must call `install` again afterwards.
"""

from __future__ import annotations

from typing import Any

TABLE = "audit_auditentry"

_POSTGRES_INSTALL = [
    f"""
    CREATE OR REPLACE FUNCTION audit_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        RAISE EXCEPTION 'the audit log is append-only: % on {TABLE} refused', TG_OP
            USING ERRCODE = 'restrict_violation';
    END
    $$
    """,
    f"DROP TRIGGER IF EXISTS audit_append_only ON {TABLE}",
    f"""CREATE TRIGGER audit_append_only BEFORE UPDATE OR DELETE ON {TABLE}
        FOR EACH ROW EXECUTE FUNCTION audit_refuse_change()""",
    f"DROP TRIGGER IF EXISTS audit_no_truncate ON {TABLE}",
    f"""CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON {TABLE}
        FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change()""",
]
_POSTGRES_LIFT = [
    f"DROP TRIGGER IF EXISTS audit_append_only ON {TABLE}",
    f"DROP TRIGGER IF EXISTS audit_no_truncate ON {TABLE}",
]

# SQLite has no TRUNCATE: `DELETE FROM` without WHERE fires the DELETE trigger like any other delete.
_SQLITE_INSTALL = [
    "DROP TRIGGER IF EXISTS audit_no_update",
    f"""CREATE TRIGGER audit_no_update BEFORE UPDATE ON {TABLE}
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only: UPDATE on {TABLE} refused'); END""",
    "DROP TRIGGER IF EXISTS audit_no_delete",
    f"""CREATE TRIGGER audit_no_delete BEFORE DELETE ON {TABLE}
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only: DELETE on {TABLE} refused'); END""",
]
_SQLITE_LIFT = ["DROP TRIGGER IF EXISTS audit_no_update", "DROP TRIGGER IF EXISTS audit_no_delete"]


def _statements(connection: Any, install_: bool) -> list[str]:
    if connection.vendor == "postgresql":
        return _POSTGRES_INSTALL if install_ else _POSTGRES_LIFT
    if connection.vendor == "sqlite":
        return _SQLITE_INSTALL if install_ else _SQLITE_LIFT
    raise RuntimeError(f"Waarborg supports PostgreSQL and SQLite, not {connection.vendor!r}")


def install(connection: Any) -> None:
    """Create (or re-create) the triggers that refuse UPDATE, DELETE and TRUNCATE on the audit log."""
    with connection.cursor() as cursor:
        for sql in _statements(connection, True):
            cursor.execute(sql)


def lift(connection: Any) -> None:
    """Drop the triggers. Only for `flush` (inside its transaction) and reversing the migration."""
    with connection.cursor() as cursor:
        for sql in _statements(connection, False):
            cursor.execute(sql)
