"""Counts of submitted applications for the programme team's charts, computed by the database."""

import datetime
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.db.models import Count
from django.db.models.functions import TruncDate

from eig.challenges.models import Challenge
from eig.opendata import datasets

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


def demand_counts(applications, cohort):
    """{défi pk: (submitted applications naming it at any rank, naming it first)}, counted as
    the published demand per défi is."""
    return datasets.demand_per_challenge(applications.submitted().filter(cohort=cohort))


def choices_per_challenge(applications, cohort, counts=None):
    """Every défi of `cohort`, those nobody chose included, most chosen first; `counts` from
    `demand_counts` when the caller has them already."""
    counts = demand_counts(applications, cohort) if counts is None else counts
    # By name as the database sorts (its collation), then by counts: the sort is stable.
    named = Challenge.objects.filter(cohort=cohort).order_by("name").values_list("pk", "name")
    rows = [ChallengeCount(name, *counts.get(pk, (0, 0))) for pk, name in named]
    return sorted(rows, key=lambda row: (-row.choices, -row.first_choices))


def day_counts(applications, cohort):
    """{day in Paris: submitted applications}, days without any left out."""
    rows = (
        applications.submitted()
        .filter(cohort=cohort)
        .annotate(day=TruncDate("submitted_at", tzinfo=PARIS))
        .values_list("day")
        .annotate(count=Count("pk"))
        .order_by()
    )
    return dict(rows)


def submissions_per_day(applications, cohort, counts=None):
    """Submitted applications per day in Paris, from the first day with one to the last;
    `counts` from `day_counts` when the caller has them already."""
    counts = day_counts(applications, cohort) if counts is None else counts
    return with_days_without_submissions(counts)


def with_days_without_submissions(counts):
    """{day: count} as a DayCount for every day between the first and the last, zeros included."""
    if not counts:
        return []
    first, last = min(counts), max(counts)
    days = (first + datetime.timedelta(days=offset) for offset in range((last - first).days + 1))
    return [DayCount(day, counts.get(day, 0)) for day in days]
