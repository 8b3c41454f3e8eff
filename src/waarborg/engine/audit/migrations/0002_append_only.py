"""Append-only audit log: triggers that refuse UPDATE and DELETE (and TRUNCATE on PostgreSQL)."""

from django.db import migrations

from waarborg.engine.audit import append_only


def install(apps, schema_editor):
    append_only.install(schema_editor.connection)


def lift(apps, schema_editor):
    append_only.lift(schema_editor.connection)


class Migration(migrations.Migration):

    dependencies = [
        ("audit", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(install, lift, elidable=False),
    ]
