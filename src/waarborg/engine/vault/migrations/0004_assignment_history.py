"""Assignments get a history (who assigned, how, when it ended) and at most one active row per subject,
purpose and person or team. Rows written before would break the new constraints: a row naming both a
person and a team keeps the person (the narrower access), a row naming neither opened nothing and goes,
and of twin active rows the oldest stays while the others are ended by the migration."""

import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


def _fit_constraints(apps, schema_editor):
    Assignment = apps.get_model("vault", "Assignment")
    Assignment.objects.filter(user__isnull=False).exclude(team="").update(team="")
    Assignment.objects.filter(user__isnull=True, team="").delete()
    seen = set()
    now = django.utils.timezone.now()
    for row in Assignment.objects.order_by("created_at", "id").values("id", "subject_id", "purpose", "user_id", "team"):
        key = (row["subject_id"], row["purpose"], row["user_id"], row["team"])
        if key in seen:
            Assignment.objects.filter(pk=row["id"]).update(ended_at=now, ended_by="system:migration")
        seen.add(key)


class Migration(migrations.Migration):

    dependencies = [
        ('vault', '0003_derivation_root'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name='assignment',
            name='created_by',
            field=models.CharField(blank=True, default='', max_length=150),
        ),
        migrations.AddField(
            model_name='assignment',
            name='ended_at',
            field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name='assignment',
            name='ended_by',
            field=models.CharField(blank=True, default='', max_length=150),
        ),
        migrations.AddField(
            model_name='assignment',
            name='via',
            field=models.CharField(choices=[('assign', 'Toegewezen / assigned'), ('intake', 'Intake'), ('handover', 'Overgedragen / handed over')], default='assign', max_length=10),
        ),
        migrations.AlterField(
            model_name='assignment',
            name='created_at',
            field=models.DateTimeField(default=django.utils.timezone.now),
        ),
        migrations.RunPython(_fit_constraints, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name='assignment',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('team', ''), ('user__isnull', False)), models.Q(('user__isnull', True), models.Q(('team', ''), _negated=True)), _connector='OR'), name='assignment_to_user_or_team'),
        ),
        migrations.AddConstraint(
            model_name='assignment',
            constraint=models.UniqueConstraint(condition=models.Q(('ended_at__isnull', True), ('user__isnull', False)), fields=('subject', 'purpose', 'user'), name='assignment_active_user'),
        ),
        migrations.AddConstraint(
            model_name='assignment',
            constraint=models.UniqueConstraint(condition=models.Q(('ended_at__isnull', True), models.Q(('team', ''), _negated=True)), fields=('subject', 'purpose', 'team'), name='assignment_active_team'),
        ),
    ]
