"""On PostgreSQL the database itself refuses UPDATE and DELETE on the breach trail (S4-21).

The model refuses edits too, but a queryset `.update()` or a DBA's SQL would not pass through it.
SQLite (the embedded default) relies on the model guard only.
"""

from django.db import migrations

CREATE = """
CREATE OR REPLACE FUNCTION breaches_trail_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'the breach trail is append-only (%% on breaches_breachlogentry)', TG_OP;
END;
$$ LANGUAGE plpgsql;
DROP TRIGGER IF EXISTS breaches_trail_append_only ON breaches_breachlogentry;
CREATE TRIGGER breaches_trail_append_only BEFORE UPDATE OR DELETE ON breaches_breachlogentry
    FOR EACH ROW EXECUTE FUNCTION breaches_trail_append_only();
"""
DROP = """
DROP TRIGGER IF EXISTS breaches_trail_append_only ON breaches_breachlogentry;
DROP FUNCTION IF EXISTS breaches_trail_append_only();
"""


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("breaches", "0001_initial")]

    operations = [migrations.RunPython(forwards, backwards)]
