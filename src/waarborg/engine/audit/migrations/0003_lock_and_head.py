"""PostgreSQL: `audit_lock_and_head()` took the chain's advisory lock and read the head (until 0006)."""

from django.db import migrations

# Kept here as it was: the function is dropped by 0006 (appends take no lock since).
HEAD_FUNCTION_SQL = """
CREATE OR REPLACE FUNCTION audit_lock_and_head() RETURNS varchar LANGUAGE plpgsql VOLATILE AS $$
DECLARE
    head varchar;
BEGIN
    PERFORM pg_advisory_xact_lock(7420001);  -- _LOCK_ID
    -- EXECUTE: planned at every call. A plan cached while the table was small (a fresh install)
    -- kept scanning the whole table once it had grown (25 ms per append at 200,000 entries).
    EXECUTE 'SELECT hash FROM audit_auditentry ORDER BY id DESC LIMIT 1' INTO head;
    RETURN head;
END
$$
"""



def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(HEAD_FUNCTION_SQL)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP FUNCTION IF EXISTS audit_lock_and_head()")


class Migration(migrations.Migration):

    dependencies = [
        ("audit", "0002_append_only"),
    ]

    operations = [
        migrations.RunPython(create, drop, elidable=False),
    ]
