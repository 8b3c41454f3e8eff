"""Keyed entries and checkpoints (`audit.seals`): the checkpoints' table (append-only like the log), on
PostgreSQL `audit_reserve_ids()` in place of the chain lock, and checkpoint 0, which seals the entries
written before this migration (their SHA-256 chain) under the keys: the recorded boundary between the
unkeyed and the keyed segment. `waarborg audit verify` passes after the upgrade and names any later
rewrite of the old entries."""

from django.conf import settings
from django.db import migrations, models


def forwards(apps, schema_editor):
    from waarborg.engine.audit import append_only, checkpoints, seals
    from waarborg.engine.audit.log import RESERVE_FUNCTION_SQL

    connection = schema_editor.connection
    if connection.vendor == "postgresql":
        schema_editor.execute(RESERVE_FUNCTION_SQL)
        schema_editor.execute("DROP FUNCTION IF EXISTS audit_lock_and_head()")
    append_only.install(connection)
    entry, seal = apps.get_model("audit", "AuditEntry"), apps.get_model("audit", "AuditSeal")
    if entry.objects.using(connection.alias).exists():
        if not settings.MASTER_KEY:
            raise RuntimeError("sealing the existing audit log needs the master key: set WAARBORG_MASTER_KEY")
        zero = seals.seal_legacy(connection, seal, entry)
        checkpoints.write(checkpoints.line(zero))  # and outside the database, like every checkpoint


def backwards(apps, schema_editor):
    from waarborg.engine.audit import append_only

    connection = schema_editor.connection
    append_only.lift(connection)
    if connection.vendor == "postgresql":
        schema_editor.execute("DROP FUNCTION IF EXISTS audit_reserve_ids(integer)")


class Migration(migrations.Migration):

    dependencies = [
        ("audit", "0005_grouped_index"),
        ("vault", "0003_derivation_root"),  # the keys derive from the root (vault.crypto.derive)
    ]

    operations = [
        migrations.CreateModel(
            name="AuditSeal",
            fields=[
                ("sequence", models.PositiveBigIntegerField(primary_key=True, serialize=False)),
                ("after", models.BigIntegerField()),
                ("last_entry", models.BigIntegerField()),
                ("gaps", models.JSONField(default=list)),
                ("entries", models.BigIntegerField()),
                ("head", models.CharField(max_length=64)),
                ("at", models.DateTimeField()),
                ("legacy", models.BooleanField(default=False)),
                ("signature", models.CharField(max_length=100)),
            ],
            options={"ordering": ["sequence"]},
        ),
        migrations.RunPython(forwards, backwards, elidable=False),
    ]
