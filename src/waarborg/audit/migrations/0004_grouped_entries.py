"""Grouped entries (`AuditEntry.subjects`) and, on PostgreSQL, the GIN index that finds a subject in them,
plus `audit_lock_and_head()` re-created so it plans its read at every call."""

from django.db import migrations, models


def create(apps, schema_editor):
    from waarborg.audit.log import HEAD_FUNCTION_SQL

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
