"""The demo cohort with an open call for applications (see eig/demo/data/open_call.py)."""

import datetime
import zoneinfo

from django.utils import timezone

from eig.challenges.models import Challenge, HostOrganisation, Skill
from eig.cohorts.models import Cohort
from eig.demo.data import open_call as data

PARIS = zoneinfo.ZoneInfo("Europe/Paris")


def _paris(moment, hour):
    """That day at `hour` o'clock, Paris time: a call opens and closes at a round hour."""
    day = timezone.localtime(moment, PARIS).date()
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=PARIS)


def load_open_call(programme, *, now=None):
    """Create the demo cohort once; its dates are relative to the first load, then kept."""
    now = now or timezone.now()
    values = dict(data.COHORT)
    criteria = values.pop("selection_criteria")
    cohort, created = Cohort.objects.get_or_create(
        programme=programme,
        number=values.pop("number"),
        defaults={
            **values,
            "year": now.year + 1,
            "application_call_opens_at": _paris(now - datetime.timedelta(days=7), 9),
            "application_call_closes_at": _paris(now + datetime.timedelta(days=60), 17),
            "starts_on": datetime.date(now.year + 1, 1, 15),
            "ends_on": datetime.date(now.year + 1, 11, 15),
        },
    )
    if created:
        cohort.set_selection_criteria(criteria)
    host, _ = HostOrganisation.objects.get_or_create(
        ministry=data.HOST["ministry"],
        directorate=data.HOST["directorate"],
        defaults={"website": data.HOST["website"]},
    )
    for entry in data.CHALLENGES:
        values = dict(entry)
        skill_slugs = values.pop("skills")
        values["profiles_sought"] = "\n".join(values["profiles_sought"])
        challenge, created = Challenge.objects.get_or_create(
            slug=values.pop("slug"),
            defaults={**values, "cohort": cohort, "host": host, "status": Challenge.Status.OPEN},
        )
        if created:
            challenge.skills.set(Skill.objects.filter(slug__in=skill_slugs))
    return cohort
