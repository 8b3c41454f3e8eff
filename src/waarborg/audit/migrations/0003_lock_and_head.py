"""PostgreSQL: `audit_lock_and_head()` takes the chain's advisory lock and reads the head in one round trip."""

from django.db import migrations


def create(apps, schema_editor):
    from waarborg.audit.log import HEAD_FUNCTION_SQL

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
