"""The call for défis now lives in proposals.ChallengeCall: its dates move there before the
cohort's four date fields go (next migration)."""

import datetime
import zoneinfo

from django.db import migrations

PARIS = zoneinfo.ZoneInfo("Europe/Paris")


def _instant(day, time):
    return datetime.datetime.combine(day, time, tzinfo=PARIS) if day else None


def forwards(apps, schema_editor):
    Cohort = apps.get_model("cohorts", "Cohort")
    ChallengeCall = apps.get_model("proposals", "ChallengeCall")
    for cohort in Cohort.objects.all():
        dates = [
            cohort.challenge_call_opens,
            cohort.challenge_call_closes,
            cohort.challenge_jury_starts,
            cohort.challenge_jury_ends,
        ]
        if not any(dates):
            continue
        call, _ = ChallengeCall.objects.get_or_create(cohort=cohort)
        # The call opens at midnight and closes at the last second of its day, in Paris.
        call.opens_at = call.opens_at or _instant(cohort.challenge_call_opens, datetime.time.min)
        call.closes_at = call.closes_at or _instant(
            cohort.challenge_call_closes, datetime.time(23, 59, 59)
        )
        call.jury_starts_on = call.jury_starts_on or cohort.challenge_jury_starts
        call.jury_ends_on = call.jury_ends_on or cohort.challenge_jury_ends
        call.save()


def backwards(apps, schema_editor):
    ChallengeCall = apps.get_model("proposals", "ChallengeCall")
    for call in ChallengeCall.objects.select_related("cohort"):
        cohort = call.cohort
        cohort.challenge_call_opens = call.opens_at and call.opens_at.astimezone(PARIS).date()
        cohort.challenge_call_closes = call.closes_at and call.closes_at.astimezone(PARIS).date()
        cohort.challenge_jury_starts = call.jury_starts_on
        cohort.challenge_jury_ends = call.jury_ends_on
        cohort.save()


class Migration(migrations.Migration):
    dependencies = [
        ("cohorts", "0005_rules_versions"),
        ("proposals", "0001_initial"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
