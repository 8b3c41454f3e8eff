"""Grouped entries (`AuditEntry.subjects`) and, on PostgreSQL, the GIN index that finds a subject in them,
plus `audit_lock_and_head()` re-created so it plans its read at every call."""

from django.db import migrations, models

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
        schema_editor.execute(
            "CREATE INDEX audit_subjects_gin ON audit_auditentry USING gin (subjects jsonb_path_ops)")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS audit_subjects_gin")


class Migration(migrations.Migration):

    dependencies = [
        ("audit", "0003_lock_and_head"),
    ]

    operations = [
        migrations.AddField(
            model_name="auditentry",
            name="subjects",
            field=models.JSONField(blank=True, null=True),
        ),
        migrations.RunPython(create, drop, elidable=False),
    ]
