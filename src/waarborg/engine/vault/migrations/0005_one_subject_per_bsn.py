"""At most one living subject per BSN: a unique index on the BSN's keyed hash where it is set.

Before, only a look-up guarded a new registration, so two intakes of the same person at the very same
moment could both pass. Erased and swept subjects have no hash left, so they never stand in the way. An
installation that already holds two subjects with the same BSN cannot take the index: the migration stops,
says how many there are, and changes nothing (docs/operator.md, "Two subjects with one BSN").
"""

from django.db import migrations, models
from django.db.models import Count, Q


def _refuse_twins(apps, schema_editor):
    Subject = apps.get_model("vault", "Subject")
    twins = (Subject.objects.exclude(bsn_hash=None).values("bsn_hash").annotate(n=Count("id"))
             .filter(n__gt=1).count())
    if twins:
        raise RuntimeError(
            f"{twins} BSN(s) belong to more than one subject. Erase or merge the extra subjects first "
            "(docs/operator.md, 'Two subjects with one BSN'), then run the migration again.")


class Migration(migrations.Migration):
    dependencies = [("vault", "0004_assignment_history")]

    operations = [
        migrations.RunPython(_refuse_twins, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="subject", name="bsn_hash",
            field=models.CharField(blank=True, max_length=64, null=True)),
        migrations.AddConstraint(
            model_name="subject",
            constraint=models.UniqueConstraint(fields=("bsn_hash",), condition=Q(bsn_hash__isnull=False),
                                               name="one_subject_per_bsn")),
    ]
