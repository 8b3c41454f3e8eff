"""The database itself refuses to change or remove audit entries.

The hash chain makes tampering *visible* (`waarborg audit verify`); these triggers make the ordinary
ways of tampering *fail*: an UPDATE or DELETE on `audit_auditentry` (and a TRUNCATE on PostgreSQL) is
aborted by the database, whoever sends it; the same holds for the checkpoints (`audit_auditseal`) (the ORM, the admin, a hand-typed SQL statement). Getting
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
SEALS = "audit_auditseal"  # the checkpoints in the database: append-only the same way


def _postgres_triggers(table: str) -> list[str]:
    return [
        f"DROP TRIGGER IF EXISTS audit_append_only ON {table}",
        f"""CREATE TRIGGER audit_append_only BEFORE UPDATE OR DELETE ON {table}
            FOR EACH ROW EXECUTE FUNCTION audit_refuse_change()""",
        f"DROP TRIGGER IF EXISTS audit_no_truncate ON {table}",
        f"""CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON {table}
            FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change()""",
    ]


_POSTGRES_INSTALL = [
    """
    CREATE OR REPLACE FUNCTION audit_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        RAISE EXCEPTION 'the audit log is append-only: % on % refused', TG_OP, TG_TABLE_NAME
            USING ERRCODE = 'restrict_violation';
    END
    $$
    """,
]

# SQLite has no TRUNCATE: `DELETE FROM` without WHERE fires the DELETE trigger like any other delete.
def _sqlite_triggers(table: str, prefix: str) -> list[str]:
    return [
        f"DROP TRIGGER IF EXISTS {prefix}_no_update",
        f"""CREATE TRIGGER {prefix}_no_update BEFORE UPDATE ON {table}
            BEGIN SELECT RAISE(ABORT, 'the audit log is append-only: UPDATE on {table} refused'); END""",
        f"DROP TRIGGER IF EXISTS {prefix}_no_delete",
        f"""CREATE TRIGGER {prefix}_no_delete BEFORE DELETE ON {table}
            BEGIN SELECT RAISE(ABORT, 'the audit log is append-only: DELETE on {table} refused'); END""",
    ]


_SQLITE_PREFIX = {TABLE: "audit", SEALS: "audit_seal"}


def _statements(connection: Any, install_: bool) -> list[str]:
    # Only the tables that exist: migration 0002 installs the triggers before the checkpoints' table exists.
    tables = [t for t in (TABLE, SEALS) if t in connection.introspection.table_names()]
    if connection.vendor == "postgresql":
        if install_:
            return [*_POSTGRES_INSTALL, *(sql for table in tables for sql in _postgres_triggers(table))]
        return [f"DROP TRIGGER IF EXISTS {name} ON {table}" for table in tables
                for name in ("audit_append_only", "audit_no_truncate")]
    if connection.vendor == "sqlite":
        if install_:
            return [sql for table in tables for sql in _sqlite_triggers(table, _SQLITE_PREFIX[table])]
        return [f"DROP TRIGGER IF EXISTS {_SQLITE_PREFIX[table]}_{what}" for table in tables
                for what in ("no_update", "no_delete")]
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
