"""The demo cohort with an open call for applications (see eig/demo/data/open_call.py)."""

import datetime
import zoneinfo

from django.utils import timezone
from django.utils.formats import date_format

from eig.auditions.demo import working_day
from eig.challenges.models import Challenge, HostOrganisation, Mentor, Skill
from eig.cohorts.models import Cohort, RulesVersion
from eig.demo.data import open_call as data
from eig.demo.data.rules import promotion_3_text

PARIS = zoneinfo.ZoneInfo("Europe/Paris")


def _paris(moment, hour):
    """That day at `hour` o'clock, Paris time: a call opens and closes at a round hour."""
    day = timezone.localtime(moment, PARIS).date()
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=PARIS)


def calendar(now):
    """The open call's calendar, from `now`: a call of two months, auditions three weeks after
    it closes, the programme starting on the first working day of the third month after."""
    opens = _paris(now - datetime.timedelta(days=7), 9)
    closes = _paris(now + datetime.timedelta(days=60), 17)
    auditions_start = working_day(closes.date() + datetime.timedelta(days=21))
    auditions_end = working_day(auditions_start + datetime.timedelta(days=1))
    month = closes.month + 3
    starts_on = working_day(datetime.date(closes.year + (month - 1) // 12, (month - 1) % 12 + 1, 1))
    ends_month = starts_on.month + data.COHORT["duration_months"]
    ends_on = datetime.date(
        starts_on.year + (ends_month - 1) // 12, (ends_month - 1) % 12 + 1, starts_on.day
    )
    return {
        "year": starts_on.year,
        "application_call_opens_at": opens,
        "application_call_closes_at": closes,
        "auditions_start": auditions_start,
        "auditions_end": auditions_end,
        "starts_on": starts_on,
        "ends_on": ends_on,
    }


def load_open_call(programme, *, now=None):
    """Create the demo cohort once; its dates are relative to the first load, then kept."""
    now = now or timezone.now()
    values = dict(data.COHORT)
    criteria = values.pop("selection_criteria")
    cohort, created = Cohort.objects.get_or_create(
        programme=programme,
        number=values.pop("number"),
        defaults={**values, **calendar(now)},
    )
    if created:
        cohort.set_selection_criteria(criteria + [_availability(cohort)])
        RulesVersion.objects.create(
            cohort=cohort,
            version="1",
            published_on=timezone.localdate(cohort.application_call_opens_at),
            text=promotion_3_text(cohort),
        )
    host, _ = HostOrganisation.objects.get_or_create(
        ministry=data.HOST["ministry"],
        directorate=data.HOST["directorate"],
        defaults={"website": data.HOST["website"]},
    )
    for entry in data.CHALLENGES:
        values = dict(entry)
        skill_slugs = values.pop("skills")
        mentors = values.pop("mentors")
        values["profiles_sought"] = "\n".join(values["profiles_sought"])
        challenge, created = Challenge.objects.get_or_create(
            slug=values.pop("slug"),
            defaults={**values, "cohort": cohort, "host": host, "status": Challenge.Status.OPEN},
        )
        if created:
            challenge.skills.set(Skill.objects.filter(slug__in=skill_slugs))
            Mentor.objects.bulk_create(
                Mentor(challenge=challenge, sort_order=position, **mentor)
                for position, mentor in enumerate(mentors)
            )
    return cohort


def _availability(cohort):
    """The availability criterion, from the cohort's own start and duration."""
    return (
        "Disponibilité",
        f"à temps plein pendant {cohort.duration_months} mois, "
        f"à partir du {date_format(cohort.starts_on, 'j F Y')}",
    )
