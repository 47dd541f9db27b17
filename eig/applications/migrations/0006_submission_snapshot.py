from django.db import migrations, models

from eig.applications.models import content_snapshot, snapshot_digest


def keep_snapshots(apps, schema_editor):
    """A submission gets its snapshot when the application still holds what was submitted (same
    digest); otherwise that content is lost and the snapshot stays empty."""
    Application = apps.get_model("applications", "Application")
    Submission = apps.get_model("applications", "Submission")
    for application in Application.objects.filter(submissions__isnull=False).distinct():
        snapshot = content_snapshot(application)
        Submission.objects.filter(application=application, digest=snapshot_digest(snapshot)).update(
            snapshot=snapshot
        )


class Migration(migrations.Migration):
    dependencies = [
        ("applications", "0005_application_rules_version"),
    ]

    operations = [
        migrations.AddField(
            model_name="submission",
            name="snapshot",
            field=models.JSONField(blank=True, null=True, verbose_name="contenu déposé"),
        ),
        migrations.RunPython(keep_snapshots, migrations.RunPython.noop),
    ]
