"""Counts of submitted applications for the programme team's charts, computed by the database."""

import datetime
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.db.models import Count, Q
from django.db.models.functions import TruncDate

from eig.challenges.models import Challenge

# The calls open and close in Paris time: a submission belongs to its day in Paris.
PARIS = ZoneInfo("Europe/Paris")


@dataclass(frozen=True)
class ChallengeCount:
    challenge: str
    choices: int  # submitted applications naming the défi, at any rank
    first_choices: int  # those naming it first


@dataclass(frozen=True)
class DayCount:
    day: datetime.date
    applications: int


def choices_per_challenge(applications, cohort):
    """Every défi of `cohort`, those nobody chose included, most chosen first."""
    submitted = applications.submitted().filter(cohort=cohort)
    challenges = (
        Challenge.objects.filter(cohort=cohort)
        .annotate(
            choices_count=Count("choices", filter=Q(choices__application__in=submitted)),
            first_choices_count=Count(
                "choices", filter=Q(choices__application__in=submitted, choices__rank=1)
            ),
        )
        .order_by("-choices_count", "-first_choices_count", "name")
    )
    return [
        ChallengeCount(challenge.name, challenge.choices_count, challenge.first_choices_count)
        for challenge in challenges
    ]


def submissions_per_day(applications, cohort):
    """Submitted applications per day in Paris, from the first day with one to the last."""
    rows = (
        applications.submitted()
        .filter(cohort=cohort)
        .annotate(day=TruncDate("submitted_at", tzinfo=PARIS))
        .values("day")
        .annotate(count=Count("id"))
        .order_by("day")
    )
    return with_days_without_submissions({row["day"]: row["count"] for row in rows})


def with_days_without_submissions(counts):
    """{day: count} as a DayCount for every day between the first and the last, zeros included."""
    if not counts:
        return []
    first, last = min(counts), max(counts)
    days = (first + datetime.timedelta(days=offset) for offset in range((last - first).days + 1))
    return [DayCount(day, counts.get(day, 0)) for day in days]
