import datetime

import pytest
from django.utils import timezone

from eig.applications.models import Application
from tests.factories import ApplicationFactory, CohortFactory, InterviewSlotFactory


@pytest.fixture
def cohort(db):
    return CohortFactory(number=3, year=2027, starts_on=datetime.date(2027, 1, 15))


@pytest.fixture
def invited(alice, cohort):
    """Alice's application, invited to an audition."""
    return invite(alice, cohort)


@pytest.fixture
def slot(cohort, dan):
    """A free slot in a week, before Dan's panel."""
    return InterviewSlotFactory(cohort=cohort, panel=[dan])


def invite(candidate, cohort):
    return ApplicationFactory(
        candidate=candidate,
        cohort=cohort,
        submitted=True,
        status=Application.Status.INVITED,
        first_name=candidate.first_name,
        last_name=candidate.last_name,
    )


def in_hours(hours):
    return timezone.now() + datetime.timedelta(hours=hours)
