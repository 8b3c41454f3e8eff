"""Fewer index entries per append (PostgreSQL only; docs/benchmarks.md, issue 14).

Every audited read inserts one entry, and each index of the table is one more insertion in the same
commit. Two indexes nothing uses are dropped: the `varchar_pattern_ops` copies Django adds beside the indexes
of `hash` and `subject_pseudonym` for LIKE queries (the log is never searched with LIKE; equality uses the
plain indexes). The GIN index on `subjects` (grouped entries of the sweep) becomes partial: it indexed a
NULL placeholder for every other entry, i.e. for every read. `subjects @> ...` (log.about_subject) implies
`subjects IS NOT NULL`, so the planner still uses it. Django's own state is unchanged: none of these
indexes is in the models' state by name, and Django drops its LIKE indexes with IF EXISTS.
"""

from typing import Any

from django.db import migrations

LIKE_INDEXES = """
SELECT indexname FROM pg_indexes WHERE tablename = 'audit_auditentry' AND indexname LIKE '%%\\_like'
"""


def forwards(apps: Any, schema_editor: Any) -> None:
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(LIKE_INDEXES)
        names = [row[0] for row in cursor.fetchall()]
    for name in names:
        schema_editor.execute(f'DROP INDEX IF EXISTS "{name}"')
    schema_editor.execute("DROP INDEX IF EXISTS audit_subjects_gin")
    schema_editor.execute("CREATE INDEX audit_subjects_gin ON audit_auditentry USING gin (subjects jsonb_path_ops) "
                          "WHERE subjects IS NOT NULL")


def backwards(apps: Any, schema_editor: Any) -> None:
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("DROP INDEX IF EXISTS audit_subjects_gin")
    schema_editor.execute("CREATE INDEX audit_subjects_gin ON audit_auditentry USING gin (subjects jsonb_path_ops)")
    for column in ("hash", "subject_pseudonym"):
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS audit_auditentry_{column}_like "
                              f"ON audit_auditentry ({column} varchar_pattern_ops)")


class Migration(migrations.Migration):
    dependencies = [("audit", "0006_keyed_entries_and_checkpoints")]
    operations = [migrations.RunPython(forwards, backwards)]
