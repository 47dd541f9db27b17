from django.db import migrations, models
from django.db.models import F


def decided_when_sent(apps, schema_editor):
    # Before this migration a notice was marked sent when the team sent the decision. The update
    # changes no foreign key, so PostgreSQL queues no trigger event before the ALTER below.
    DecisionNotice = apps.get_model("decisions", "DecisionNotice")
    DecisionNotice.objects.update(decided_at=F("sent_at"))


class Migration(migrations.Migration):
    dependencies = [
        ("decisions", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="decisionnotice",
            name="decided_at",
            field=models.DateTimeField(null=True, verbose_name="décidée le"),
        ),
        migrations.RunPython(decided_when_sent, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="decisionnotice",
            name="decided_at",
            field=models.DateTimeField(verbose_name="décidée le"),
        ),
        migrations.AlterField(
            model_name="decisionnotice",
            name="sent_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="envoyée le"),
        ),
        migrations.AddField(
            model_name="decisionnotice",
            name="failed_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="échec de l’envoi le"),
        ),
        migrations.AddField(
            model_name="decisionnotice",
            name="failure",
            field=models.CharField(blank=True, max_length=200, verbose_name="cause de l’échec"),
        ),
        migrations.AlterModelOptions(
            name="decisionnotice",
            options={
                "ordering": ["-decided_at", "-pk"],
                "verbose_name": "décision envoyée",
                "verbose_name_plural": "décisions envoyées",
            },
        ),
    ]
